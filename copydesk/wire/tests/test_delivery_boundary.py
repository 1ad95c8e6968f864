"""The delivery boundary: whatever a parser or an item does, the delivery is recorded and the rest go on."""

import json

import pytest

from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.formats import FORMATS
from copydesk.wire.items import Parsed
from copydesk.wire.models import Delivery, Rejection, WireItem, WireVersion

from .builders import make_item, make_source

pytestmark = pytest.mark.django_db


def ninjs(*items):
    return json.dumps({"items": list(items)}).encode()


def story(
    uri,
    headline="Eastbrook ferry timetable changes on Monday",
    body="<p>Ferries leave every hour.</p>",
    **more,
):
    return {"uri": uri, "version": "1", "versioncreated": "2026-11-20T09:00:00Z",
            "headlines": [{"value": headline}], "bodies": [{"value": body}], **more}  # fmt: skip


@pytest.mark.parametrize("error", [KeyError("title"), IndexError("list index out of range"),
                                   ValueError("Invalid tag name"), RecursionError("maximum recursion depth")])  # fmt: skip
def test_any_exception_inside_a_parser_refuses_the_delivery_with_its_reason(monkeypatch, error):
    class Crashing(FORMATS["rss"]):
        def parse(self, data):
            raise error

    source = make_source(format="rss")
    monkeypatch.setitem(FORMATS, "rss", Crashing)
    delivery = ingest_delivery(source, b"<rss><channel></channel></rss>", "crash.xml")
    assert delivery.error and str(error.args[0]) in delivery.error
    assert type(error).__name__ in delivery.error, "the editor is told what kind of fault it was"
    rejection = Rejection.objects.get(delivery=delivery)
    assert rejection.reason.startswith("The delivery was refused") and "<rss>" in rejection.excerpt
    assert delivery.completed_at is not None


def test_nul_characters_in_an_item_are_removed_and_its_siblings_are_stored():
    source = make_source(format="ninjs")
    nul = story(
        "urn:nwa:nul\x00", headline="Harbour\x00 crane collapses", body="<p>No one was\x00 hurt.</p>",
        by="Lena\x00 Marsh", keywords=["harbour\x00"], ednote="Note\x00",
    )  # fmt: skip
    delivery = ingest_delivery(source, ninjs(nul, story("urn:nwa:fine")), "nul.json")
    assert delivery.counts == {"new": 2}
    stored = WireItem.objects.get(guid="urn:nwa:nul")
    assert (stored.headline, stored.byline, stored.keywords) == (
        "Harbour crane collapses",
        "Lena Marsh",
        ["harbour"],
    )
    assert "\x00" not in stored.body_html and "No one was hurt" in stored.body_html
    assert "\\u0000" not in json.dumps(WireVersion.objects.get(item=stored).payload)
    assert WireItem.objects.filter(guid="urn:nwa:fine").exists()


def test_lone_surrogates_are_replaced_and_the_item_is_stored(monkeypatch):
    class Delivering(FORMATS["ninjs"]):
        def parse(self, data):
            # A parser that lets a lone surrogate through: UTF-8 has no encoding for it.
            return Parsed(items=[make_item("urn:nwa:surrogate\udc80", headline="Tide tables \ud800 revised",
                                           keywords=["tide\udfff"])])  # fmt: skip

    source = make_source(format="ninjs")
    monkeypatch.setitem(FORMATS, "ninjs", Delivering)
    delivery = ingest_delivery(source, b"{}", "surrogate.json")
    assert delivery.counts == {"new": 1}
    stored = WireItem.objects.get()
    assert (stored.guid, stored.headline, stored.keywords) == (
        "urn:nwa:surrogate\ufffd",
        "Tide tables \ufffd revised",
        ["tide\ufffd"],
    )


def test_a_rejection_with_unstorable_characters_is_still_recorded(monkeypatch):
    from copydesk.wire.items import Rejected

    class Rejecting(FORMATS["ninjs"]):
        def parse(self, data):
            return Parsed(
                items=[make_item("urn:nwa:kept")],
                rejected=[Rejected(reason="date '31\x00 Feb' is impossible", agency_id="urn:\x00bad",
                                   headline="Bad\ud800 item", excerpt="{\x00\x00}")],
            )  # fmt: skip

    source = make_source(format="ninjs")
    monkeypatch.setitem(FORMATS, "ninjs", Rejecting)
    delivery = ingest_delivery(source, b"{}", "rejects.json")
    assert delivery.counts == {"rejected": 1, "new": 1}
    rejection = Rejection.objects.get(delivery=delivery)
    assert (rejection.reason, rejection.guid, rejection.headline, rejection.excerpt) == (
        "date '31 Feb' is impossible",
        "urn:bad",
        "Bad\ufffd item",
        "{}",
    )


def test_an_item_that_cannot_be_stored_is_set_aside_alone(monkeypatch):
    """On PostgreSQL a failed statement poisons its transaction: each item has its own savepoint."""

    huge = make_item("urn:nwa:huge")
    huge.version = 10**19

    class Delivering(FORMATS["ninjs"]):
        def parse(self, data):
            # A version number no integer column holds: the database refuses the row itself.
            return Parsed(items=[make_item("urn:nwa:first", headline="Orchard harvest begins early",
                                           body_html="<p>Apples ripened weeks ahead of the usual date.</p>"),
                                 huge, make_item("urn:nwa:last")])  # fmt: skip

    source = make_source(format="ninjs")
    monkeypatch.setitem(FORMATS, "ninjs", Delivering)
    delivery = ingest_delivery(source, b"{}", "huge.json")
    assert delivery.counts == {"new": 2, "rejected": 1}
    assert set(WireItem.objects.values_list("guid", flat=True)) == {"urn:nwa:first", "urn:nwa:last"}
    rejection = Rejection.objects.get(delivery=delivery)
    assert rejection.reason.startswith("Could not be stored") and rejection.guid == "urn:nwa:huge"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_a_utf16_file_that_is_refused_records_a_readable_excerpt(encoding):
    source = make_source(format="ninjs")
    data = (
        "This is not a delivery at all, ninjs or otherwise."  # utf-16 and utf-32 begin with a byte order mark
    )
    delivery = ingest_delivery(source, data.encode(encoding), "utf16.json")
    assert delivery.error
    excerpt = Rejection.objects.get(delivery=delivery).excerpt
    assert "\x00" not in excerpt
    if encoding != "utf-16-le":  # without a byte order mark the text cannot be told apart, only kept storable
        assert excerpt.startswith("This is not a delivery")


def test_a_delivery_records_its_progress_and_completion():
    source = make_source(format="ninjs")
    delivery = ingest_delivery(
        source,
        ninjs(
            story("urn:nwa:a"),
            story("urn:nwa:b", "Lighthouse keeper retires", "<p>Forty years on the rock end today.</p>"),
        ),
        "two.json",
    )
    delivery.refresh_from_db()
    assert (delivery.position, delivery.counts, delivery.attempts) == (2, {"new": 2}, 1)
    assert delivery.completed_at is not None
    assert Delivery.objects.count() == 1
