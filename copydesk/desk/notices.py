"""The mails Wagtail does not send: a story went live, a wire source failed or works again.

Wagtail already mails the Editors when a story is submitted and its author when it is approved or
sent back with changes requested (wagtail.admin.mail, with the reviewer's comment). These go out
the same way: Django's mail API, hence a background task after the commit (copydesk/mail).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import ModelLogEntry

from copydesk.accounts.roles import EDITOR

logger = logging.getLogger(__name__)


def story_published(sender, instance, **kwargs):
    """Tell the story's author (owner, and whoever submitted it) it went live, unless they published it.

    Only the first publication: an edit to a live story, a correction, is published again and is
    no news to its author.
    """
    transaction.on_commit(lambda: _mail_published(instance))


def _mail_published(article):
    entries = list(
        ModelLogEntry.objects.for_instance(article)
        .filter(action__in=["wagtail.publish", "wagtail.publish.scheduled"])  # the worker's, at go-live
        .select_related("user")
        .order_by("-timestamp", "-pk")[:2]
    )
    if len(entries) != 1:
        return  # published before (or, for a story made in code, never logged)
    entry = entries[0]
    publisher_id = entry.user_id  # None when the worker published it at its scheduled time
    authors = {article.owner_id}
    state = article.workflow_states.order_by("-created_at").first()
    if state is not None:
        authors.add(state.requested_by_id)
    users = (
        get_user_model()
        .objects.filter(pk__in=authors - {None, publisher_id}, is_active=True)
        .exclude(email="")
    )
    context = {
        "article": article,
        "publisher": entry.user,
        "url": settings.COPYDESK_BASE_URL + article.get_absolute_url(),
        "edit_url": settings.COPYDESK_BASE_URL
        + reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk]),
    }
    for user in users:
        send(user.email, "desk/mail/published", {**context, "user": user})


def editors():
    """Addresses of the active Editors, who look after the wire sources."""
    users = get_user_model().objects.filter(groups__name=EDITOR, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def source_failing(sender, source, **kwargs):
    for address in editors():
        send(address, "desk/mail/source_failing", source_context(source))


def source_recovered(sender, source, **kwargs):
    for address in editors():
        send(address, "desk/mail/source_recovered", source_context(source))


def source_context(source):
    return {
        "source": source,
        "url": settings.COPYDESK_BASE_URL + reverse("source:edit", args=[source.pk]),
    }


def send(address, template, context):
    """One message to one address, its subject and text from `template`_subject.txt and .txt."""
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}.txt", context).strip() + "\n"
    EmailMessage(subject, body, to=[address], headers={"Auto-Submitted": "auto-generated"}).send()
