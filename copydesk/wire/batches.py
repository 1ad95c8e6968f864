"""Store a run of new agency stories at once, with the same rule as one item.

ingest_delivery (wire/deliveries.py) reads a delivery in batches, one transaction each. In a
batch, the agency ids already stored are looked up at once; each run of items that are new text
stories (a story the wire has not seen, not twice in the batch) is stored here: their duplicate
clusters found together (clustering.find_clusters: one band lookup, an item of the run a candidate
for those after it), then the items, their first versions and their band keys inserted in bulk,
then each item given its rule in order (ingest.act_on_new_story), exactly as ingest_item would.
Anything else (an update, a kill, a picture, a package) goes through ingest_item in its place.
"""

from .clustering import find_clusters, signature_for, store_new_bands
from .ingest import act_on_new_story, first_version, new_wire_item
from .items import KINDS, TEXT, Item
from .models import Source, WireItem, WireVersion


def new_stories(source: Source, units: list) -> set[int]:
    """Return the positions of the units that are new text stories, to store with store_new_stories."""
    ids = {unit.agency_id for unit in units if isinstance(unit, Item)}
    seen = set(WireItem.objects.filter(agency=source.agency, guid__in=ids).values_list("guid", flat=True))
    new = set()
    for n, unit in enumerate(units):
        if not isinstance(unit, Item):
            continue
        if unit.agency_id not in seen and (unit.kind if unit.kind in KINDS else TEXT) == TEXT:
            new.add(n)
        seen.add(unit.agency_id)  # a second copy in the batch is a version of the first
    return new


def store_new_stories(source: Source, items: list[Item]) -> list[str]:
    """Store new text stories (storable already) and act on each; return what happened to each, in order."""
    if not items:
        return []
    wires = [new_wire_item(source, item) for item in items]
    for wire in wires:
        wire.signature = signature_for(wire)
    leads = find_clusters(wires, new=True)
    within = []  # items joining the cluster of an item of this run, whose id is not known yet
    for wire, lead in zip(wires, leads, strict=True):
        if lead is not None and lead.pk is None:
            within.append((wire, lead))
        else:
            wire.cluster = lead
    WireItem.objects.bulk_create(wires)
    for wire, lead in within:
        wire.cluster = lead
    if within:
        WireItem.objects.bulk_update([wire for wire, _ in within], ["cluster"])
    WireVersion.objects.bulk_create([first_version(w, item) for w, item in zip(wires, items, strict=True)])
    store_new_bands(wires)
    return [act_on_new_story(source, w, item) for w, item in zip(wires, items, strict=True)]
