"""Finding a new item's near-duplicates through the band index stored with every wire item."""

import importlib
import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import timezone

from copydesk.conftest import make_agency
from copydesk.wire import clustering, dedupe, ingest
from copydesk.wire.models import WireBand, WireItem

from .builders import make_item, make_source

pytestmark = pytest.mark.django_db
PAIRS = json.loads((Path(__file__).parent / "fixtures" / "dedupe" / "pairs.json").read_text())


def store(source, guid, headline, body_html, **fields):
    """Save an item as ingest does: signed, then saved (the receiver stores its bands)."""
    wire = WireItem(
        agency=source.agency, source=source, guid=guid, headline=headline, body_html=body_html, **fields
    )
    wire.signature = clustering.signature_for(wire)
    wire.save()
    return wire


def unsaved(source, guid, story):
    wire = WireItem(
        agency=source.agency, source=source, guid=guid, headline=story["headline"], body_html=story["body"]
    )
    wire.signature = clustering.signature_for(wire)
    return wire


def keys_of(wire):
    return sorted(WireBand.objects.filter(item=wire).values_list("key", flat=True))


def test_every_labelled_duplicate_is_a_candidate_and_few_unrelated_stories_are():
    stored_by = make_source()
    querying = make_source(agency=make_agency("Continental Press Service", "CPS"), section=stored_by.section)
    stored = {}
    for p in PAIRS:
        story = (p["b"]["headline"], p["b"]["body"])
        if story not in stored:
            stored[story] = store(stored_by, f"b-{len(stored)}", *story).pk
    missed, sizes = [], []
    for p in PAIRS:
        found = clustering.candidates(unsaved(querying, f"a-{p['id']}", p["a"]))
        sizes.append(len(found))
        if p["duplicate"] and stored[(p["b"]["headline"], p["b"]["body"])] not in found:
            missed.append(p["id"])
    assert missed == []
    # The labelled stories come in a few topic families (council votes, storms ...), so they look
    # more alike than a day's wire does; still, most of them are never compared.
    assert sorted(sizes)[len(sizes) // 2] < len(stored) / 3


def test_a_rewrite_joins_the_cluster_found_through_the_index_and_an_unrelated_story_does_not():
    rewrite, unrelated = next(p for p in PAIRS if p["id"] == "rewrite-C1"), None
    unrelated = next(p for p in PAIRS if p["id"] == "same-topic-C1.0-C2.1")  # another council vote
    nwa = make_source()
    cps = make_source(agency=make_agency("Continental Press Service", "CPS"), section=nwa.section)
    original = store(nwa, "nwa-1", rewrite["a"]["headline"], rewrite["a"]["body"])

    assert clustering.find_cluster(unsaved(cps, "cps-1", rewrite["b"])) == original
    assert clustering.find_cluster(unsaved(cps, "cps-2", unrelated["b"])) is None


def test_the_item_itself_and_items_older_than_the_window_are_not_candidates(settings):
    settings.WIRE_DUPLICATE_WINDOW_DAYS = 3
    story = PAIRS[0]["a"]
    source = make_source()
    old = store(
        source, "old", story["headline"], story["body"], received_at=timezone.now() - timedelta(days=4)
    )
    again = unsaved(source, "old", story)  # a redelivery of the same guid is not its own duplicate
    assert clustering.candidates(again) == []
    recent = store(source, "recent", story["headline"], story["body"])
    assert clustering.candidates(unsaved(source, "new", story)) == [recent.pk]
    assert old.pk not in clustering.candidates(unsaved(source, "new", story))


def test_bands_are_stored_when_an_item_is_saved_and_replaced_when_it_is_signed_again():
    source = make_source()
    wire = store(
        source, "nwa-9", "Harbour cranes halted by storm", "<p>Cranes stopped working at Eastbrook.</p>"
    )
    first = keys_of(wire)
    assert first == sorted(dedupe.bands(dedupe.text_for_matching(wire.headline, wire.body_html)))
    assert len(first) == dedupe.BANDS

    wire.state = WireItem.State.SPIKED
    wire.save(update_fields=["state"])
    assert keys_of(wire) == first

    wire.headline, wire.body_html = (
        "Ferries cancelled to Saltmarsh Green",
        "<p>Ferry operators halted sailings.</p>",
    )
    wire.signature = clustering.signature_for(wire)
    wire.save()
    assert keys_of(wire) == sorted(dedupe.bands(dedupe.text_for_matching(wire.headline, wire.body_html)))
    assert keys_of(wire) != first


def test_ingest_stores_the_bands_of_a_new_item():
    source = make_source()
    ingest.ingest_item(source, make_item("urn:nwa:bands"))
    wire = WireItem.objects.get(guid="urn:nwa:bands")
    assert len(keys_of(wire)) == dedupe.BANDS


def test_migration_gives_items_stored_before_the_index_their_bands():
    migration = importlib.import_module("copydesk.wire.migrations.0003_wireband_lsh_index")
    rewrite = next(p for p in PAIRS if p["id"] == "rewrite-C1")
    nwa = make_source()
    cps = make_source(agency=make_agency("Continental Press Service", "CPS"), section=nwa.section)
    original = store(nwa, "nwa-1", rewrite["a"]["headline"], rewrite["a"]["body"])
    WireBand.objects.all().delete()  # as it was before the migration
    assert clustering.find_cluster(unsaved(cps, "cps-1", rewrite["b"])) is None

    migration.backfill_bands(apps, None)

    assert len(keys_of(original)) == dedupe.BANDS
    assert clustering.find_cluster(unsaved(cps, "cps-1", rewrite["b"])) == original
