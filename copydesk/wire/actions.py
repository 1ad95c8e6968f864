"""The desk's decisions on wire items: publish, open as a draft, spike, apply or dismiss an update.

Each records the decision on the item, then lets `lifecycle.settle` make the story agree, so the
desk, the ingest and the worker follow one rule.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from copydesk.newsroom.actions import set_lead_image, set_lead_media

from . import leads, lifecycle
from .items import TEXT
from .models import AgencyMedia, WireItem, WireVersion


class DeskRefused(Exception):
    """The desk asked for something the agency's word does not allow."""


def _check_usable(wire):
    if wire.kind != TEXT:
        raise DeskRefused(f"This is a {wire.kind} item, not a story: it is kept in the media library.")
    if wire.pubstatus != "usable":
        raise DeskRefused(f"{wire.agency.name} killed or withheld this story; it cannot be published.")


def _locked(wire):
    # Ingest may be storing a new version of this item at the same moment: decide on the latest.
    return (
        WireItem.objects.select_for_update(of=("self",))
        .select_related("agency", "source", "article")
        .get(pk=wire.pk)
    )


@transaction.atomic
def publish_wire_item(wire: WireItem, *, by=None):
    """Publish the item's story now, or schedule it for the end of its embargo."""
    wire = _locked(wire)
    _check_usable(wire)
    wire.state = WireItem.State.PUBLISHED
    return lifecycle.settle(wire, by=by)


@transaction.atomic
def open_wire_item_as_draft(wire: WireItem, *, by=None):
    """Make (or find) the item's story as an unpublished draft for an editor to work on."""
    wire = _locked(wire)
    _check_usable(wire)
    if wire.article is not None:
        return wire.article
    wire.state = WireItem.State.ON_DESK
    article = lifecycle.create_story(wire, by=by)
    lifecycle.settle(wire, by=by)
    return article


@transaction.atomic
def spike_wire_item(wire: WireItem, *, by=None):
    """Reject the item: it leaves the queue and is never published."""
    wire = _locked(wire)
    article = wire.article
    if article is not None and (
        article.live or article.revisions.filter(approved_go_live_at__isnull=False).exists()
    ):
        raise DeskRefused("This item's story is on the site or scheduled; withdraw the story instead.")
    if wire.state == WireItem.State.KILLED:
        raise DeskRefused(f"{wire.agency.name} killed or withheld this story; it is off the queue already.")
    wire.state = WireItem.State.SPIKED
    lifecycle.settle(wire, by=by)


@transaction.atomic
def apply_pending_update(wire: WireItem, *, by=None):
    """Give a story the newsroom has edited the agency's waiting update."""
    wire = _locked(wire)
    pending = list(wire.versions.filter(status=WireVersion.Status.PENDING))
    if not pending:
        raise DeskRefused("There is no agency update waiting for this story.")
    corrected = any(version.kind == "correction" for version in pending)
    wire.versions.filter(pk__in=[v.pk for v in pending]).update(status=WireVersion.Status.APPLIED)
    return lifecycle.settle(wire, by=by, take_agency_text=True, corrected=corrected)


@transaction.atomic
def dismiss_pending_update(wire: WireItem, *, by=None):
    """Keep the newsroom's version of the story and set the agency's waiting update aside."""
    wire = _locked(wire)
    updated = wire.versions.filter(status=WireVersion.Status.PENDING).update(
        status=WireVersion.Status.DISMISSED
    )
    if not updated:
        raise DeskRefused("There is no agency update waiting for this story.")
    lifecycle.settle(wire, by=by)


def _story_to_lead(wire, *, by, what):
    """The locked item and its story, if `by` may change what leads it (a picture or a clip)."""
    if not by.has_perm("wire.attach_agencymedia"):
        raise PermissionDenied("Attaching agency media needs the “attach agency media” permission.")
    wire = _locked(wire)
    if wire.article is None:
        raise DeskRefused("This item has no story yet; publish it or open it as a draft first.")
    if not by.has_perm("newsroom.edit_any_article") and wire.article.owner_id != by.pk:
        raise PermissionDenied(f"Only an editor, or the story's owner, may change its {what}.")
    return wire, wire.article


@transaction.atomic
def attach_lead_picture(wire: WireItem, media: AgencyMedia, *, by):
    """Make a library picture the lead image of the item's story."""
    wire, article = _story_to_lead(wire, by=by, what="lead image")
    media = AgencyMedia.objects.select_for_update(of=("self",)).select_related("image").get(pk=media.pk)
    if not media.usable:
        raise DeskRefused(f"This picture cannot be used: {media.reason or media.get_state_display()}.")
    if media.image is None:
        raise DeskRefused(f"This is {media.kind}, not a picture: attach it as the story's {media.kind}.")
    entry = next((p for p in wire.pictures if p.get("media") == media.pk), {})
    article = set_lead_image(
        article,
        image=media.image,
        caption=entry.get("caption") or media.caption,
        credit=entry.get("credit") or media.credit,
        alt=entry.get("alt") or entry.get("caption") or media.alt or media.caption,
        usage=entry.get("usage_terms") or media.usage_terms,
        by=by,
    )
    if leads.lead_image_fields(wire).get("image") == media.image:
        # The editor took the agency's own lead picture: its later pictures may lead again.
        leads.agency_leads(wire, media.image_id)
    return article


@transaction.atomic
def attach_lead_media(wire: WireItem, media: AgencyMedia | None, *, by):
    """Make a library video or audio clip the lead media of the item's story (None: take it off)."""
    wire, article = _story_to_lead(wire, by=by, what="lead media")
    if media is not None:
        media = AgencyMedia.objects.select_for_update(of=("self",)).get(pk=media.pk)
        if not media.playable:
            raise DeskRefused(
                f"This {media.kind} cannot be played: {media.reason or media.get_state_display()}."
            )
    return set_lead_media(article, media=media, by=by)
