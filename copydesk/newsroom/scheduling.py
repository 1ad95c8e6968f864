"""Publish what is due: scheduled revisions whose time has come."""

import logging

from django.db import transaction
from django.utils import timezone
from wagtail.models import Revision

from .models import Article
from .models.article import PublishBlocked

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
    for revision in due:
        try:
            with transaction.atomic():
                revision.publish(log_action="wagtail.publish.scheduled", skip_permission_checks=True)
        except PublishBlocked as blocked:
            # Never fail silently: the revision stays scheduled and the reason is logged for the desk.
            logger.error(
                "Scheduled story %s was not published: %s", revision.object_id, "; ".join(blocked.messages)
            )
            continue
        published.append(revision.content_object)
    return published
