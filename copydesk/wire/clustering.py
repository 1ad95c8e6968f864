"""Find the near-duplicate cluster a new wire item belongs to, among recent items.

Each item's LSH band keys (dedupe.bands) are stored in wire.WireBand, with the time the item was
received, when the item is saved, so the candidates for a new item are the recent items that share
a key with it: an index lookup on (key, received_at) whose cost follows the number of look-alike
items, not the size of the wire. A key shared by very many recent items
(WIRE_DUPLICATE_COMMON_BAND_ITEMS) says nothing about any one story, so it is skipped: on
PostgreSQL the lookup reads at most that many rows of a key, and a key found common is remembered
for a while, so it is not read again for every new item of a busy feed. The candidates are
confirmed by matching.same_story, with each agency's boilerplate, learnt from its recent items,
taken out first.

find_clusters() does this for a whole batch of new items at once (wire/batches.py): one lookup
for all their keys, one read of the candidates' signatures and texts, each agency's boilerplate
learnt once; an item of the batch is a candidate for the items after it, as if stored one by one.
"""

import time
from collections import Counter, defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import connection
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
# A key found common is not looked up again for this long (per process): it stays common for as
# long as the items that made it so stay in the window, which is days.
COMMON_BAND_MEMORY_S = 600
_common_keys: dict[int, tuple[float, int]] = {}  # key -> (when found, at which limit)
# An agency's boilerplate is learnt from its latest stories (matching.find_boilerplate).
BOILERPLATE_SAMPLE = 100
# Keys per query on SQLite, under its limit of bound parameters; PostgreSQL takes them as one array.
LOOKUP_CHUNK = 5000


def _matching_text(wire: WireItem) -> str:
    # Computed once per item and kept on the instance: signing, banding and confirming all need it.
    source = (wire.headline, wire.body_html)
    cached = wire.__dict__.get("_dedupe_text")
    if cached is None or cached[0] != source:
        # Agencies' rights and credit lines at the top and bottom are no part of the story.
        cached = (source, dedupe.plain_for_matching(wire.headline, matching.plain_text(wire.body_html)))
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
    if replace:
        WireBand.objects.filter(item=wire).delete()
    store_new_bands([wire])


def store_new_bands(wires: list[WireItem]) -> None:
    """Store the band keys of saved items that have none yet, in one statement per few thousand."""
    rows = []
    for wire in wires:
        at = wire.received_at.isoformat() if connection.vendor == "postgresql" else wire.received_at
        rows += [(wire.pk, key, at) for key in bands_for(wire)]
        wire.__dict__.pop("_dedupe_bands", None)
    if not rows:
        return
    table = WireBand._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: one round trip and no model instances, nor parameters to quote, for 128 rows an item.
            with cursor.cursor.copy(f"COPY {table} (item_id, key, received_at) FROM STDIN") as copy:
                copy.write("".join(f"{pk}\t{key}\t{at}\n" for pk, key, at in rows))
        else:
            values = [(pk, key, connection.ops.adapt_datetimefield_value(at)) for pk, key, at in rows]
            cursor.executemany(f"INSERT INTO {table} (item_id, key, received_at) VALUES (%s, %s, %s)", values)  # noqa: S608


def bands_are_stale(wire: WireItem, update_fields) -> bool:
    """True when a save stores a signature whose band keys are not stored yet."""
    signed = "_dedupe_bands" in wire.__dict__  # signature_for() ran since the last save
    return signed and (update_fields is None or "signature" in update_fields)


def candidates(wire: WireItem) -> list[int]:
    """Return the ids of recent items that share an LSH band with this one, most bands first."""
    return _candidates([wire])[0]


def _candidates(wires: list[WireItem], *, new: bool = False) -> list[list[int]]:
    """candidates() of each item, from one lookup of all their keys (`new`: none of them is stored)."""
    keys_of = [set(bands_for(wire)) for wire in wires]
    itself = {} if new else _stored_ids(wires)
    by_key = _items_sharing(set().union(*keys_of))
    result = []
    for wire, keys in zip(wires, keys_of, strict=True):
        shared = Counter(item_id for key in keys for item_id in by_key.get(key, ()))
        shared.pop(itself.get((wire.agency_id, wire.guid)), None)  # a redelivery is not its own duplicate
        ranked = sorted(shared.items(), key=lambda pair: (-pair[1], -pair[0]))
        result.append([pk for pk, _ in ranked[:MAX_CANDIDATES]])
    return result


def _stored_ids(wires):
    stored = WireItem.objects.filter(
        agency__in={w.agency_id for w in wires}, guid__in={w.guid for w in wires}
    )
    return {(agency, guid): pk for pk, agency, guid in stored.values_list("pk", "agency_id", "guid")}


def _items_sharing(keys: set[int]) -> dict[int, list[int]]:
    """Return {key: ids of the recent items stored under it}, common keys left out."""
    limit = getattr(settings, "WIRE_DUPLICATE_COMMON_BAND_ITEMS", COMMON_BAND_ITEMS)
    now = time.monotonic()
    keys = [key for key in keys if not _known_common(key, limit, now)]
    start, table, found = _window_start(), WireBand._meta.db_table, defaultdict(list)
    size = len(keys) or 1 if connection.vendor == "postgresql" else LOOKUP_CHUNK
    with connection.cursor() as cursor:
        for n in range(0, len(keys), size):
            chunk = keys[n : n + size]
            if connection.vendor == "postgresql":
                # At most limit + 1 rows of each key, newest first, from the (key, received_at) index,
                # gathered into one array a key (a row per key, not per item, to read back). The keys
                # go as one array literal: one parameter to send, not thousands to adapt one by one.
                cursor.execute(
                    "SELECT q.key, array_agg(b.item_id) FROM unnest(%s::bigint[]) AS q(key) CROSS JOIN LATERAL "  # noqa: S608
                    f"(SELECT item_id FROM {table} WHERE key = q.key AND received_at >= %s "
                    "ORDER BY received_at DESC LIMIT %s) AS b GROUP BY q.key",
                    ["{" + ",".join(map(str, chunk)) + "}", start, limit + 1],
                )
                found.update(cursor.fetchall())
            else:
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"SELECT key, item_id FROM {table} WHERE key IN ({marks}) AND received_at >= %s",  # noqa: S608
                    [*chunk, connection.ops.adapt_datetimefield_value(start)],
                )
                for key, item_id in cursor.fetchall():
                    found[key].append(item_id)
    common = {key for key, items in found.items() if len(items) > limit}
    if len(_common_keys) > 1_000_000:  # forget the oldest half rather than grow without end
        for key in sorted(_common_keys, key=lambda k: _common_keys[k][0])[: len(_common_keys) // 2]:
            del _common_keys[key]
    _common_keys.update(dict.fromkeys(common, (now, limit)))
    return {key: items for key, items in found.items() if key not in common}


def _known_common(key, limit, now) -> bool:
    found = _common_keys.get(key)
    return found is not None and found[1] == limit and now - found[0] < COMMON_BAND_MEMORY_S


def _window_start():
    return timezone.now() - timedelta(days=getattr(settings, "WIRE_DUPLICATE_WINDOW_DAYS", 3))


def agency_boilerplate(agency_id) -> frozenset[str]:
    """Return the paragraphs found in several of the agency's latest stories (a cluster counts once)."""
    return matching.find_boilerplate(_latest_stories(agency_id))


def _latest_stories(agency_id) -> list[tuple[int, str]]:
    latest = (
        WireItem.objects.filter(agency=agency_id, received_at__gte=_window_start())
        .order_by("-received_at", "-id")
        .values_list("pk", "cluster_id", "body_html")[:BOILERPLATE_SAMPLE]
    )
    return [(cluster or pk, body) for pk, cluster, body in latest]


class _Boilerplate:
    """Each agency's boilerplate as agency_boilerplate() would find it after storing the batch's
    first n items: its stored stories read once, the batch's own before n counted in front."""

    def __init__(self, wires, leads):
        self.wires, self.leads, self.stored, self.found = wires, leads, {}, {}

    def _story(self, m):
        lead = self.leads[m]
        if lead is None:
            return ("batch", m)
        return lead.pk or ("batch", next(i for i, w in enumerate(self.wires) if w is lead))

    def before(self, n, agencies) -> dict:
        found = {}
        for agency in agencies:
            if agency not in self.stored:
                self.stored[agency] = _latest_stories(agency)
            mine = [m for m in range(n - 1, -1, -1) if self.wires[m].agency_id == agency]
            known = self.found.get(agency)  # the agency's items before n are its first len(mine) of the batch
            if known is None or known[0] != len(mine):
                stories = [(self._story(m), self.wires[m].body_html) for m in mine] + self.stored[agency]
                known = len(mine), matching.find_boilerplate(stories[:BOILERPLATE_SAMPLE])
                self.found[agency] = known
            found[agency] = known[1]
        return found


def as_copy(wire: WireItem) -> matching.Copy:
    return matching.Copy(wire.agency_id, wire.guid, wire.headline, wire.body_html, wire.evolved_from)


def find_cluster(wire: WireItem) -> WireItem | None:
    """Return the lead item of the cluster the new item joins, or None if it starts its own.

    Recent items sharing an LSH band with it are the candidates; MinHash estimates rank them; the
    estimate is off by a few hundredths, so each is confirmed on the two texts, without their
    agencies' boilerplate, by matching.same_story.
    """
    return find_clusters([wire])[0]


def find_clusters(wires: list[WireItem], *, new: bool = False) -> list[WireItem | None]:
    """find_cluster() of each new item, in order: an item may join the cluster of one before it.

    `new` says that none of the items is stored yet (their agency ids were looked up already).
    """
    threshold = dedupe.duplicate_threshold()
    stored_ids = _candidates(wires, new=new)
    signatures = dict(
        WireItem.objects.filter(pk__in={pk for ids in stored_ids for pk in ids}).values_list(
            "pk", "signature"
        )
    )
    loaded = {pk: dedupe.load_signature(bytes(data)) for pk, data in signatures.items() if data}
    mine = [dedupe.load_signature(wire.signature) if wire.signature else None for wire in wires]
    keys_of = [set(bands_for(wire)) for wire in wires]
    earlier = defaultdict(list)  # band key -> positions of the batch's items before this one
    best_of = []
    for n in range(len(wires)):
        shared = Counter(m for key in keys_of[n] for m in earlier.get(key, ()))
        for key in keys_of[n]:
            earlier[key].append(n)
        if mine[n] is None:
            best_of.append([])
            continue
        found = [*(("batch", m) for m, _ in shared.most_common(MAX_CANDIDATES)), *stored_ids[n]]
        found = [c for c in found if (mine[c[1]] if isinstance(c, tuple) else loaded.get(c)) is not None]
        sigs = [mine[c[1]] if isinstance(c, tuple) else loaded[c] for c in found]
        estimates = dedupe.similarities(mine[n], sigs)
        scored = [
            (score, c)
            for score, c in zip(estimates.tolist(), found, strict=True)
            if score >= threshold - 0.05
        ]
        scored.sort(key=lambda pair: (pair[0], _newness(pair[1])), reverse=True)  # the newest among equals
        best_of.append([candidate for _, candidate in scored[:MAX_CONFIRMED]])
    fields = ("agency_id", "guid", "headline", "body_html", "evolved_from", "cluster_id")
    others = WireItem.objects.only(*fields).in_bulk(
        {c for best in best_of for c in best if not isinstance(c, tuple)}
    )
    leads = [None] * len(wires)
    learnt = _Boilerplate(wires, leads)
    for n, wire in enumerate(wires):
        new_copy, boilerplate = as_copy(wire), {}
        for candidate in best_of[n]:
            other = wires[candidate[1]] if isinstance(candidate, tuple) else others[candidate]
            boilerplate |= learnt.before(n, {wire.agency_id, other.agency_id} - set(boilerplate))
            if matching.same_story(new_copy, as_copy(other), boilerplate=boilerplate, threshold=threshold):
                leads[n] = _lead_of(other, candidate, leads)
                break
    return leads


def _newness(candidate):
    return (1, candidate[1]) if isinstance(candidate, tuple) else (0, candidate)


def _lead_of(other, candidate, leads):
    if isinstance(candidate, tuple):  # an item of this batch: its own lead, or itself
        return leads[candidate[1]] or other
    return WireItem.objects.get(pk=other.cluster_id or other.pk)


def cluster_has_story(lead: WireItem) -> bool:
    """True when some member of the cluster already carries a live or scheduled story."""
    return lead.members().filter(article__status__in=["published", "scheduled"]).exists()
