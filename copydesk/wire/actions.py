"""The desk's decisions on wire items: publish, open as a draft, spike, apply or dismiss an update."""

from django.db import transaction

from copydesk.newsroom.actions import publish_article

from .ingest import apply_to_story
from .models import WireItem, WireVersion
from .stories import create_story_from_wire, story_fields


class DeskRefused(Exception):
    """The desk asked for something the agency's word does not allow."""


def _check_usable(wire):
    if wire.state == WireItem.State.KILLED:
        raise DeskRefused(f"{wire.agency.name} killed or withheld this story; it cannot be published.")


@transaction.atomic
def publish_wire_item(wire: WireItem, *, by=None):
    """Publish the item's story now, or schedule it for the end of its embargo."""
    _check_usable(wire)
    if wire.article is None:
        return create_story_from_wire(wire, publish=True, by=by)
    article = wire.article
    for name, value in story_fields(wire).items():
        if name == "go_live_at" or not article.edited_in_newsroom:
            setattr(article, name, value)
    article = publish_article(article, by=by)
    wire.state = WireItem.State.SCHEDULED if article.status == "scheduled" else WireItem.State.PUBLISHED
    wire.save(update_fields=["state"])
    return article


@transaction.atomic
def open_wire_item_as_draft(wire: WireItem, *, by=None):
    """Make (or find) the item's story as an unpublished draft for an editor to work on."""
    _check_usable(wire)
    if wire.article is not None:
        return wire.article
    return create_story_from_wire(wire, publish=False, by=by)


@transaction.atomic
def spike_wire_item(wire: WireItem, *, by=None):
    """Reject the item: it leaves the queue and is never published."""
    if wire.article is not None and wire.article.status in ("published", "scheduled"):
        raise DeskRefused("This item's story is already on the site; withdraw the story instead.")
    wire.state = WireItem.State.SPIKED
    wire.save(update_fields=["state"])


@transaction.atomic
def apply_pending_update(wire: WireItem, *, by=None):
    """Apply the agency's waiting update to a story the newsroom has edited."""
    pending = list(wire.versions.filter(status=WireVersion.Status.PENDING))
    if not pending:
        raise DeskRefused("There is no agency update waiting for this story.")
    corrected = any(version.kind == "correction" for version in pending)
    article = apply_to_story(wire, corrected=corrected, by=by)
    wire.versions.filter(pk__in=[v.pk for v in pending]).update(status=WireVersion.Status.APPLIED)
    return article


@transaction.atomic
def dismiss_pending_update(wire: WireItem, *, by=None):
    """Keep the newsroom's version of the story and set the agency's waiting update aside."""
    updated = wire.versions.filter(status=WireVersion.Status.PENDING).update(
        status=WireVersion.Status.DISMISSED
    )
    if not updated:
        raise DeskRefused("There is no agency update waiting for this story.")
