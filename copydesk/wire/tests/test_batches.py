"""A delivery stored in batches ends exactly as if its items were stored one by one."""

import random
from dataclasses import replace

import pytest
from django.db import transaction
from django.test.utils import CaptureQueriesContext

from copydesk.conftest import make_agency, make_section
from copydesk.wire import clustering
from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.formats import FORMATS
from copydesk.wire.items import CANCELED, Item, Parsed
from copydesk.wire.models import Rejection, WireBand, WireItem

from . import dedupe_cases, dedupe_report
from .builders import make_item, make_source

pytestmark = pytest.mark.django_db
CASES = dedupe_report.load_cases()


def sides(agency, limit):
    """The labelled set's stories of one agency, in the set's order: updates, re-sends, briefs …"""
    found = {}
    for case in CASES:
        for side in (case["a"], case["b"]):
            if side["agency"] == agency:
                found.setdefault(side["guid"], side)
    return list(found.values())[:limit]


def items_of(stories, rng):
    """Each story as a new item, then the agency's later word on some: redelivery, update, kill, older."""
    items = [
        Item(agency_id=s["guid"], version=2, headline=s["headline"], body_html=s["body"],
             evolved_from=s["evolved_from"] or "")
        for s in stories
    ]  # fmt: skip
    later = []
    for item in rng.sample(items, len(items) // 3):
        later.append(
            rng.choice(
                [
                    item,  # the same version again: nothing changes
                    replace(item, version=3, body_html=item.body_html + "<p>Updated with new figures.</p>"),
                    replace(item, version=3, pubstatus=CANCELED),
                    replace(item, version=1, headline="An older version arriving late"),
                ]
            )
        )
    mixed = items + later
    # Keep every story before its own later word, and shuffle the rest a little.
    return sorted(mixed, key=lambda it: mixed.index(it) if it in items else len(items) + rng.random())


def deliver(sources, deliveries, settings, batch_items):
    """Ingest the deliveries, then return what readers and the desk would see, and roll it all back."""
    settings.WIRE_INGEST_BATCH_ITEMS = batch_items
    with transaction.atomic():
        counts = []
        for source, items in zip(sources, deliveries, strict=True):

            class Delivering(FORMATS["ninjs"]):
                def parse(self, data, items=items):
                    return Parsed(items=items)

            FORMATS["batch-test"] = Delivering
            source.format = "batch-test"
            counts.append(ingest_delivery(source, b"{}", "batch.json").counts)
        seen = {
            wire.guid: (
                wire.state,
                wire.version,
                wire.pubstatus,
                wire.headline,
                wire.cluster.guid if wire.cluster else None,
                wire.article.status if wire.article else None,
                sorted((v.kind, v.status) for v in wire.versions.all()),
                WireBand.objects.filter(item=wire).count(),
            )
            for wire in WireItem.objects.select_related("cluster", "article")
        }
        transaction.set_rollback(True)
    FORMATS.pop("batch-test", None)
    return counts, seen


def test_a_delivery_in_batches_ends_as_one_item_at_a_time(settings):
    rng = random.Random(13)
    hna = make_source(agency=make_agency(dedupe_cases.AGENCIES["HNA"]["name"], "HNA"), rule="hold")
    nwa = make_source(agency=make_agency(dedupe_cases.AGENCIES["NWA"]["name"], "NWA"), rule="publish",
                      section=make_section())  # fmt: skip
    cps = make_source(agency=make_agency(dedupe_cases.AGENCIES["CPS"]["name"], "CPS"), rule="hold")
    briefs = [  # a day of one feed: the agency's footer is learnt as the day goes, never a story
        Item(agency_id=f"cps-day-{n}", headline=headline,
             body_html=dedupe_cases.wrap("CPS", headline, f"<p>{text}</p>"))
        for n, (headline, text) in enumerate(dedupe_cases.BRIEFS)
    ]  # fmt: skip
    deliveries = [briefs, items_of(sides("HNA", 84), rng), items_of(sides("NWA", 36), rng)]
    one_by_one = deliver([cps, hna, nwa], deliveries, settings, batch_items=1)
    batched = deliver([cps, hna, nwa], deliveries, settings, batch_items=len(briefs))
    assert batched == one_by_one
    counts, seen = batched
    assert all(seen[item.agency_id][4] is None for item in briefs)
    # The sample tells the desk something: stories joined, stories published, duplicates filed.
    states = [state for state, *_ in seen.values()]
    assert sum(cluster is not None for *_, cluster, _, _, _ in seen.values()) >= 10
    assert "published" in states and "duplicate" in states and "killed" in states
    assert {"new", "unchanged", "updated", "older", "withdrawn"} <= set(counts[1]) | set(counts[2])


def unrelated(n, rng, prefix="batch"):
    words = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(5, 10))) for _ in range(4000)]
    return [
        make_item(f"urn:nwa:{prefix}:{i}", headline=" ".join(rng.sample(words, 6)).capitalize(),
                  body_html="".join(f"<p>{' '.join(rng.sample(words, 40))}.</p>" for _ in range(4)))
        for i in range(n)
    ]  # fmt: skip


def test_a_batch_of_new_stories_costs_the_same_queries_however_many_it_holds(settings):
    settings.WIRE_INGEST_BATCH_ITEMS = 100
    rng, counted = random.Random(13), {}
    for n in (10, 40):
        source = make_source(rule="hold")
        items = unrelated(n, rng, prefix=f"n{n}")

        class Delivering(FORMATS["ninjs"]):
            def parse(self, data, items=items):
                return Parsed(items=items)

        FORMATS["batch-test"] = Delivering
        source.format = "batch-test"
        try:
            with CaptureQueriesContext(transaction.get_connection()) as queries:
                delivery = ingest_delivery(source, b"{}", "many.json")
        finally:
            FORMATS.pop("batch-test")
        assert delivery.counts == {"new": n}
        assert WireBand.objects.filter(item__source=source).count() == n * 128
        counted[n] = [q["sql"][:60] for q in queries]
    # The agency ids, the band lookup, the candidates' signatures, the bulk inserts, the delivery's
    # record …: 30 more stories cost no query each, only, on SQLite, a few more statements for the
    # chunks its limit on parameters makes of the bulk inserts and of the band lookup.
    assert len(counted[10]) <= len(counted[40]) <= len(counted[10]) + 6, counted
    assert len(counted[40]) <= 30, counted


def test_a_faulty_item_in_a_batch_is_set_aside_and_its_batch_mates_keep_their_clusters(monkeypatch):
    story = next(c for c in CASES if c["kind"] == "redelivery")
    first = make_item("urn:nwa:first", headline=story["a"]["headline"], body_html=story["a"]["body"])
    huge = make_item("urn:nwa:huge")
    huge.version = 10**19  # no integer column holds it: the batch's insert fails and is rolled back
    again = make_item("urn:nwa:again", headline=story["b"]["headline"], body_html=story["b"]["body"])

    class Delivering(FORMATS["ninjs"]):
        def parse(self, data):
            return Parsed(items=[first, huge, again])

    monkeypatch.setitem(FORMATS, "ninjs", Delivering)
    delivery = ingest_delivery(make_source(rule="hold"), b"{}", "faulty.json")
    assert delivery.counts == {"new": 2, "rejected": 1} and delivery.position == 3
    assert Rejection.objects.get().guid == "urn:nwa:huge"
    stored = {w.guid: w for w in WireItem.objects.all()}
    assert set(stored) == {"urn:nwa:first", "urn:nwa:again"}
    assert stored["urn:nwa:again"].cluster_id == stored["urn:nwa:first"].pk


def test_a_batch_learns_an_agencys_boilerplate_from_its_own_earlier_items_as_one_by_one_would():
    source = make_source(agency=make_agency(dedupe_cases.AGENCIES["CPS"]["name"], "CPS"), rule="hold")
    wires = [
        WireItem(agency=source.agency, source=source, guid=f"cps-day-{n}", headline=headline,
                 body_html=dedupe_cases.wrap("CPS", headline, f"<p>{text}</p>"))
        for n, (headline, text) in enumerate(dedupe_cases.BRIEFS[:6])
    ]  # fmt: skip
    learnt = clustering._Boilerplate(wires, [None] * len(wires))
    for n, wire in enumerate(wires):
        assert learnt.before(n, {source.agency_id})[source.agency_id] == clustering.agency_boilerplate(
            source.agency_id
        )
        wire.save()  # as one item at a time would have stored it before the next
    assert clustering.agency_boilerplate(source.agency_id)  # the footer is learnt by then
