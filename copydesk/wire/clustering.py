"""Find the near-duplicate cluster a new wire item belongs to, among recent items.

Each item's LSH band keys (dedupe.bands) are stored in wire.WireBand when the item is saved, so
the candidates for a new item are the recent items that share a key with it: an index lookup whose
cost follows the number of look-alike items, not the size of the wire.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from . import dedupe
from .models import WireBand, WireItem

# Items sharing the most bands are the likeliest duplicates; a rewrite shares several of the 128
# bands with its original, an unrelated story rarely more than one, so the best 50 hold the rewrites.
MAX_CANDIDATES = 50
MAX_CONFIRMED = 10  # exact comparisons per new item, most similar first


def _matching_text(wire: WireItem) -> str:
    # Computed once per item and kept on the instance: signing, banding and confirming all need it.
    source = (wire.headline, wire.body_html)
    cached = wire.__dict__.get("_dedupe_text")
    if cached is None or cached[0] != source:
        cached = (source, dedupe.text_for_matching(*source))
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
    days = getattr(settings, "WIRE_DUPLICATE_WINDOW_DAYS", 3)
    sharing = (
        WireBand.objects.filter(key__in=keys, item__received_at__gte=timezone.now() - timedelta(days=days))
        .exclude(item__agency=wire.agency_id, item__guid=wire.guid)
        .values("item_id")
        .annotate(shared=Count("id"))
        .order_by("-shared", "-item_id")
    )
    return [row["item_id"] for row in sharing[:MAX_CANDIDATES]]


def find_cluster(wire: WireItem) -> WireItem | None:
    """Return the lead item of the cluster the new item joins, or None if it starts its own.

    Recent items sharing an LSH band with it are the candidates; MinHash estimates rank them; the
    estimate is off by a few hundredths, so each is confirmed on the exact shingle overlap of the
    two texts.
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
    others = WireItem.objects.only("headline", "body_html", "cluster_id").in_bulk(best)
    text = _matching_text(wire)
    for pk in best:
        other = others[pk]
        if dedupe.text_similarity(text, _matching_text(other)) >= threshold:
            return WireItem.objects.get(pk=other.cluster_id or other.pk)
    return None


def cluster_has_story(lead: WireItem) -> bool:
    """True when some member of the cluster already carries a live or scheduled story."""
    return lead.members().filter(article__status__in=["published", "scheduled"]).exists()
