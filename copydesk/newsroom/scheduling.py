"""Publish what is due: scheduled revisions whose time has come."""

import logging

from django.db import transaction
from django.utils import timezone
from wagtail.models import Revision

from .models import Article
from .models.article import PublishBlocked
from .references import references_after_commit

logger = logging.getLogger(__name__)


def publish_due(now=None) -> list[Article]:
    """Publish every scheduled article revision that is due, one at a time; return what went live."""
    now = now or timezone.now()
    due = Revision.objects.filter(
        approved_go_live_at__lte=now,
        base_content_type__model="article",
        base_content_type__app_label="newsroom",
    ).order_by("approved_go_live_at")
    published = []
    for revision_id in due.values_list("pk", flat=True):
        try:
            with references_after_commit(), transaction.atomic():
                # Several workers may run this at once: each due revision is taken by exactly one.
                revision = (
                    Revision.objects.select_for_update(skip_locked=True)
                    .filter(pk=revision_id, approved_go_live_at__lte=now)
                    .first()
                )
                if revision is None:
                    continue  # another worker has it, or has published it already
                revision.publish(log_action="wagtail.publish.scheduled", skip_permission_checks=True)
        except PublishBlocked as blocked:
            # Never fail silently: the revision stays scheduled and shows on the late-stories panel.
            logger.error("Scheduled story %s was not published: %s", revision_id, "; ".join(blocked.messages))
            continue
        published.append(revision.content_object)
    return published
