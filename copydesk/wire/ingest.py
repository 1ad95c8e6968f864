"""Turn parsed agency items into wire items and stories, following the agency's word exactly.

Invariants kept here: one wire item per (agency, agency id); a redelivered version changes
nothing; an older version arriving late is ignored; a kill or withhold takes the story down at
once; an embargoed story is only ever scheduled, never published early. What the story shows
is decided by `lifecycle.settle`, the one place the rule lives.
"""

import dataclasses
import logging
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from copydesk.newsroom.bylines import without_by
from copydesk.newsroom.languages import language_tag
from copydesk.newsroom.sanitise import sanitise_html

from . import clustering, lifecycle, media, pictures
from .items import CANCELED, CORRECTION, KINDS, TEXT, USABLE, Item
from .models import Source, WireItem, WireVersion

logger = logging.getLogger(__name__)

# What happened to one item; the CLI and the delivery log count these.
NEW, UPDATED, CORRECTED, WITHDRAWN, DUPLICATE = "new", "updated", "corrected", "withdrawn", "duplicate"
UNCHANGED, OLDER, PENDING = "unchanged", "older", "pending"
MEDIA, REPORTED = media.MEDIA, media.REPORTED  # a picture or other media; a package or concept

ITEM_FIELDS = [
    "version", "version_created", "first_created", "headline", "summary", "body_html", "byline", "pubstatus",
    "embargoed_until", "editorial_note", "credit", "usage_terms", "copyright", "link", "keywords", "evolved_from",
    "language", "dateline", "slugline", "places", "subjects", "urgency",
]  # fmt: skip
LIST_FIELDS = {"keywords", "places", "subjects"}


def payload(item: Item, body_html: str | None = None) -> dict:
    """Return the item as JSON-safe data, its body sanitised (or `body_html`, sanitised already)."""
    data = dataclasses.asdict(item)
    data["body_html"] = sanitise_html(item.body_html) if body_html is None else body_html
    data["signals"] = sorted(item.signals)
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in data.items()}


def compare(item: Item, wire: WireItem) -> int:
    """Return 1 if the item is newer than the stored version, 0 if the same, -1 if older."""
    if item.version is not None and wire.version is not None:
        # The agency numbers its versions: the same number is a redelivery, whatever else differs.
        return (item.version > wire.version) - (item.version < wire.version)
    if item.version_created and wire.version_created and item.version_created != wire.version_created:
        return 1 if item.version_created > wire.version_created else -1
    # No version information at all (plain RSS): a changed text is a new version.
    same = (item.headline, sanitise_html(item.body_html)) == (wire.headline, wire.body_html)
    return 0 if same else 1


KILL_FIELDS = ["version", "version_created", "pubstatus", "editorial_note"]


def stored_value(name, value):
    """The item's value as the wire item keeps it: HTML sanitised, one form of byline and language."""
    if name == "body_html":
        return sanitise_html(value)
    if name == "byline":
        return without_by(value)[:255]
    if name == "language":
        return language_tag(value)
    if name in ("dateline", "slugline"):
        return " ".join((value or "").split())[:255]
    if name == "places":
        return [str(place)[:100] for place in value or [] if place]
    if name == "subjects":
        subjects = [dataclasses.asdict(s) if dataclasses.is_dataclass(s) else s for s in value or []]
        return [
            {
                "name": str(s.get("name") or "")[:100],
                "code": str(s.get("code") or ""),
                "scheme": str(s.get("scheme") or ""),
            }
            for s in subjects
            if isinstance(s, dict) and s.get("name")
        ]
    if name == "urgency":
        return value if isinstance(value, int) and 1 <= value <= 9 else None
    return value


def copy_item_fields(wire: WireItem, item: Item):
    # A kill or withhold often carries no text at all: it changes the status, never the story.
    names = KILL_FIELDS if item.pubstatus != USABLE and wire.pk else ITEM_FIELDS
    for name in names:
        value = getattr(item, name)
        value = stored_value(name, value)
        if value is None and not WireItem._meta.get_field(name).null:
            value = [] if name in LIST_FIELDS else ""
        setattr(wire, name, value)
    if names is KILL_FIELDS:
        wire.changed_at = timezone.now()
        return
    if wire.kind == TEXT:
        _list_pictures(wire, item)
    image = item.image
    wire.image_url, wire.image_caption, wire.image_credit = (
        (image.url, image.caption, image.credit) if image else ("", "", "")
    )
    wire.changed_at = timezone.now()


def _list_pictures(wire, item):
    """List the version's pictures to fetch; those the item already had keep what was fetched."""
    before = {entry["url"]: entry for entry in wire.pictures if entry.get("state") != "pending"}
    listed = [before.get(entry["url"], entry) for entry in pictures.listing(item)]
    wire.pictures = listed
    wire.pictures_pending = any(entry["state"] == "pending" for entry in listed)
    wire.pictures_next_at = None  # look at once; a picture waiting for its retry is only looked at


def ingest_item(source: Source, item: Item) -> str:
    """Store one agency item and act on it; return what happened (NEW, UPDATED …)."""
    with transaction.atomic():
        wire = _locked(source, item.agency_id)
        if wire is None:
            try:
                with transaction.atomic():
                    return _ingest_new(source, item)
            except IntegrityError:
                wire = _locked(source, item.agency_id)  # another worker stored it first
        return _ingest_version(source, wire, item)


def _locked(source, agency_id):
    return WireItem.objects.select_for_update().filter(agency=source.agency, guid=agency_id).first()


def _ingest_new(source, item):
    wire = new_wire_item(source, item)
    if wire.kind == TEXT:  # pictures and packages are never near-duplicate stories
        wire.signature = clustering.signature_for(wire)
        wire.cluster = clustering.find_cluster(wire)
    wire.save()
    first_version(wire, item).save()
    if wire.kind != TEXT:
        return media.record_item(wire, item)
    return act_on_new_story(source, wire, item)


def new_wire_item(source: Source, item: Item) -> WireItem:
    """Return the unsaved wire item of an agency id not stored yet."""
    wire = WireItem(agency=source.agency, guid=item.agency_id, source=source)
    wire.kind = item.kind if item.kind in KINDS else TEXT
    copy_item_fields(wire, item)
    return wire


def first_version(wire: WireItem, item: Item) -> WireVersion:
    return WireVersion(item=wire, version=item.version, version_created=item.version_created, kind="new",
                       payload=payload(item, wire.body_html))  # fmt: skip


def act_on_new_story(source: Source, wire: WireItem, item: Item) -> str:
    """Apply the rule to a new text item once it is stored with its cluster: publish, hold or file."""
    if item.pubstatus != USABLE:
        lifecycle.settle(wire)
        return WITHDRAWN
    if wire.cluster and clustering.cluster_has_story(wire.cluster):
        wire.state = WireItem.State.DUPLICATE
        wire.save(update_fields=["state"])
        return DUPLICATE
    if source.rule == Source.Rule.PUBLISH:
        wire.state = WireItem.State.PUBLISHED
        lifecycle.settle(wire)
    return NEW


def _ingest_version(source, wire, item):
    order = compare(item, wire)
    if order == 0:
        return UNCHANGED
    version = WireVersion(item=wire, version=item.version, version_created=item.version_created,
                          payload=payload(item))  # fmt: skip
    if order < 0:
        version.status, version.kind = WireVersion.Status.IGNORED, "older"
        version.save()
        return OLDER
    copy_item_fields(wire, item)
    wire.source = source
    if wire.kind != TEXT:
        version.kind = {USABLE: "update", CANCELED: "kill"}.get(item.pubstatus, "withhold")
        version.save()
        return media.record_item(wire, item)
    if item.pubstatus != USABLE:
        version.kind = "kill" if item.pubstatus == CANCELED else "withhold"
        version.save()
        lifecycle.settle(wire)
        return WITHDRAWN
    corrected = CORRECTION in item.signals
    version.kind = "correction" if corrected else "update"
    if lifecycle.is_edited(wire):
        # A person has changed the story: the agency's text waits on the desk (its embargo does not).
        version.status = WireVersion.Status.PENDING
        version.save()
        lifecycle.settle(wire)
        return PENDING
    version.save()
    lifecycle.settle(wire, corrected=corrected and wire.article is not None)
    return CORRECTED if corrected else UPDATED


def apply_to_story(wire: WireItem, *, corrected: bool, by=None):
    """Give the wire item's story the agency's latest text, as the rule allows, at the same URL."""
    return lifecycle.settle(wire, by=by, take_agency_text=True, corrected=corrected)
