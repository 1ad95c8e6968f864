"""No lost edits: the one rule that decides whether a save from the editor may be stored.

A save, explicit or autosave, is stored only if every revision of the story written since its
form was loaded is an autosave of that same form by the same person. Anything else (another
editor's save or autosave, the same editor's other tab, this form's own explicit save that an
older autosave request arrives after, ingest, the worker) is a revision the form never saw, and
storing the form would silently undo it. Callers hold the story's row lock while they ask.
"""

import uuid

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .models import FormRevision

FORM_FIELD = "editing_form"  # a hidden input naming one open editor tab


def new_form_id():
    return uuid.uuid4().hex


def unseen_revision(article, *, post, user):
    """Return the newest revision of the story that the posted form has not seen, or None."""
    changed = article.revisions.all()
    loaded_id = post.get("loaded_revision_id", "")
    if loaded_id.isdigit():
        since = Q(pk__gt=int(loaded_id))
        loaded_at = parse_datetime(post.get("loaded_revision_created_at", ""))
        if loaded_at is not None:  # autosave overwrites in place: the loaded one may have changed
            since |= Q(pk=int(loaded_id)) & ~Q(created_at=loaded_at)
        changed = changed.filter(since)
    form = post.get(FORM_FIELD, "")
    if form:
        own = FormRevision.objects.filter(form=form, autosave=True).values("revision")
        changed = changed.exclude(pk__in=own, user=user)
    return changed.select_related("user").order_by("-created_at", "-pk").first()


def record_revision(revision, *, post, autosave):
    """Remember which form wrote the revision (an overwrite keeps its form)."""
    if revision is None or not post.get(FORM_FIELD):
        return
    FormRevision.objects.update_or_create(
        revision=revision, defaults={"form": post[FORM_FIELD], "autosave": autosave}
    )


def story_started_by(form, user):
    """Return the story that this form's autosave already created, if any."""
    if not form:
        return None
    started = (
        FormRevision.objects.filter(form=form, revision__user=user)
        .select_related("revision")
        .order_by("revision_id")
        .first()
    )
    return started and started.revision.content_object


def conflict_message(revision):
    who = (
        (revision.user.get_full_name() or revision.user.get_username())
        if revision.user
        else "an automatic update"
    )
    at = timezone.localtime(revision.created_at).strftime("%H:%M:%S")
    return f"Not saved: {who} saved a newer version (revision {revision.pk}, at {at}) while you were editing."
