"""Find the near-duplicate cluster a new wire item belongs to, among recent items.

Each item's LSH band keys (dedupe.bands) are stored in wire.WireBand when the item is saved, so
the candidates for a new item are the recent items that share a key with it: an index lookup whose
cost follows the number of look-alike items, not the size of the wire. A key shared by very many
recent items (WIRE_DUPLICATE_COMMON_BAND_ITEMS) says nothing about any one story, so it is
skipped. The candidates are confirmed by matching.same_story, with each agency's boilerplate,
learnt from its recent items, taken out first.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from . import dedupe, matching
from .models import WireBand, WireItem

# Items sharing the most bands are the likeliest duplicates; a rewrite shares several of the 128
# bands with its original, an unrelated story rarely more than one, so the best 50 hold the rewrites.
MAX_CANDIDATES = 50
MAX_CONFIRMED = 20  # exact comparisons per new item, most similar first
# A band key shared by more recent items than this is skipped: an agency's footer or a template's
# words, not a story. Without the cap, every new item of a busy feed reads every such row.
COMMON_BAND_ITEMS = 100
# An agency's boilerplate is learnt from its latest stories (matching.find_boilerplate).
BOILERPLATE_SAMPLE = 100


def _matching_text(wire: WireItem) -> str:
    # Computed once per item and kept on the instance: signing, banding and confirming all need it.
    source = (wire.headline, wire.body_html)
    cached = wire.__dict__.get("_dedupe_text")
    if cached is None or cached[0] != source:
        # Agencies' rights and credit lines at the top and bottom are no part of the story.
        cached = (source, dedupe.text_for_matching(wire.headline, matching.strip_boilerplate(wire.body_html)))
        wire.__dict__["_dedupe_text"] = cached
    return cached[1]


def signature_for(wire: WireItem) -> bytes:
    """Return the item's MinHash signature; its band keys are stored with the item when it is saved."""
    text = _matching_text(wire)
    wire.__dict__["_dedupe_bands"] = dedupe.bands(text)
    return dedupe.signature(text)


def bands_for(wire: WireItem) -> list[int]:
    bands = wire.__dict__.get("_dedupe_bands")
    return dedupe.bands(_matching_text(wire)) if bands is None else bands


def store_bands(wire: WireItem, *, replace: bool = True) -> None:
    """Store the item's band keys, replacing those it had unless it is new."""
    keys = bands_for(wire)
    wire.__dict__.pop("_dedupe_bands", None)
    if replace:
        WireBand.objects.filter(item=wire).delete()
    WireBand.objects.bulk_create([WireBand(item_id=wire.pk, key=key) for key in keys])


def bands_are_stale(wire: WireItem, update_fields) -> bool:
    """True when a save stores a signature whose band keys are not stored yet."""
    signed = "_dedupe_bands" in wire.__dict__  # signature_for() ran since the last save
    return signed and (update_fields is None or "signature" in update_fields)


def candidates(wire: WireItem) -> list[int]:
    """Return the ids of recent items that share an LSH band with this one, most bands first."""
    keys = bands_for(wire)
    if not keys:
        return []
    recent = WireBand.objects.filter(key__in=keys, item__received_at__gte=_window_start())
    limit = getattr(settings, "WIRE_DUPLICATE_COMMON_BAND_ITEMS", COMMON_BAND_ITEMS)
    common = recent.values("key").annotate(n=Count("id")).filter(n__gt=limit).values("key")
    sharing = (
        recent.exclude(key__in=common)
        .exclude(item__agency=wire.agency_id, item__guid=wire.guid)
        .values("item_id")
        .annotate(shared=Count("id"))
        .order_by("-shared", "-item_id")
    )
    return [row["item_id"] for row in sharing[:MAX_CANDIDATES]]


def _window_start():
    return timezone.now() - timedelta(days=getattr(settings, "WIRE_DUPLICATE_WINDOW_DAYS", 3))


def agency_boilerplate(agency_id) -> frozenset[str]:
    """Return the paragraphs found in several of the agency's latest stories (a cluster counts once)."""
    latest = (
        WireItem.objects.filter(agency=agency_id, received_at__gte=_window_start())
        .order_by("-received_at", "-id")
        .values_list("pk", "cluster_id", "body_html")[:BOILERPLATE_SAMPLE]
    )
    return matching.find_boilerplate((cluster or pk, body) for pk, cluster, body in latest)


def as_copy(wire: WireItem) -> matching.Copy:
    return matching.Copy(wire.agency_id, wire.guid, wire.headline, wire.body_html, wire.evolved_from)


def find_cluster(wire: WireItem) -> WireItem | None:
    """Return the lead item of the cluster the new item joins, or None if it starts its own.

    Recent items sharing an LSH band with it are the candidates; MinHash estimates rank them; the
    estimate is off by a few hundredths, so each is confirmed on the two texts, without their
    agencies' boilerplate, by matching.same_story.
    """
    threshold = dedupe.duplicate_threshold()
    ids = candidates(wire)
    if not ids or not wire.signature:
        return None
    new = dedupe.load_signature(wire.signature)
    scored = []
    for pk, data in WireItem.objects.filter(pk__in=ids).values_list("pk", "signature"):
        if data and (score := dedupe.similarity(new, dedupe.load_signature(bytes(data)))) >= threshold - 0.05:
            scored.append((score, pk))
    best = [pk for _, pk in sorted(scored, reverse=True)[:MAX_CONFIRMED]]
    fields = ("agency_id", "guid", "headline", "body_html", "evolved_from", "cluster_id")
    others = WireItem.objects.only(*fields).in_bulk(best)
    boilerplate, new_copy = {}, as_copy(wire)
    for pk in best:
        other = others[pk]
        for agency in {wire.agency_id, other.agency_id} - set(boilerplate):
            boilerplate[agency] = agency_boilerplate(agency)
        if matching.same_story(new_copy, as_copy(other), boilerplate=boilerplate, threshold=threshold):
            return WireItem.objects.get(pk=other.cluster_id or other.pk)
    return None


def cluster_has_story(lead: WireItem) -> bool:
    """True when some member of the cluster already carries a live or scheduled story."""
    return lead.members().filter(article__status__in=["published", "scheduled"]).exists()
