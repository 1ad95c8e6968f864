"""JSON Feed deliveries, from fixtures of an invented agency (Continental Press Service)."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.formats.jsonfeed import JSONFeedFormat
from copydesk.wire.items import DeliveryError, ImageRef, Subject

FIXTURES = Path(__file__).parent / "fixtures" / "jsonfeed"


def parse(name):
    return JSONFeedFormat().parse((FIXTURES / name).read_bytes())


def test_items_are_read_with_their_fields():
    barrier = parse("feed.json").items[0]
    assert barrier.agency_id == "cps-eb-20261120-007"
    assert barrier.headline == "Eastbrook tidal barrier passes its first winter test"
    assert barrier.body_html == (
        "<p>The barrier closed in <em>eleven</em> minutes, "
        '<a href="https://cps.example/eastbrook/barrier">engineers <strong>said</strong></a> on Friday.</p>'
    )
    assert barrier.summary == "Engineers closed the new barrier during Thursday's high tide."
    assert barrier.version_created == datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    assert barrier.first_created == datetime(2026, 11, 20, 7, 0, tzinfo=UTC)
    assert barrier.byline == "Petra Holm, Aled Price"
    assert barrier.keywords == ["Eastbrook", "Flooding"]
    assert barrier.language == "en-GB"
    assert barrier.link == "https://cps.example/eastbrook/tidal-barrier"
    assert barrier.image == ImageRef(url="https://img.cps.example/eb/barrier.jpg")


def test_plain_text_content_becomes_escaped_paragraphs_and_feed_authors_fill_in():
    choir = parse("feed.json").items[1]
    assert choir.body_html == (
        "<p>The Eastbrook Harbour Choir won the regional title on Saturday.</p>"
        "<p>It sings next in the national final in March.</p>"
    )
    assert choir.byline == "Continental Press Service"
    assert choir.version_created == choir.first_created == datetime(2026, 11, 20, 10, 15, tzinfo=UTC)
    assert choir.image == ImageRef(url="https://img.cps.example/eb/choir.jpg")


def test_item_without_id_is_rejected_and_the_rest_parsed():
    parsed = parse("bad_items.json")
    assert [i.agency_id for i in parsed.items] == ["20261120023"]  # a JSON Feed 1.0 number id, as text
    assert parsed.rejected[0].reason == "no id"
    assert parsed.rejected[0].headline == "Eastbrook bus lanes extended"
    assert parsed.rejected[0].excerpt == "Two new bus lanes open in Eastbrook on Monday."


def test_item_with_an_impossible_date_is_rejected():
    rejected = parse("bad_items.json").rejected[1]
    assert rejected.reason == "date_published '2026-02-31T10:00:00Z' is not a real date"
    assert rejected.agency_id == "cps-eb-20261120-021"


def test_item_with_bytes_that_are_not_utf8_is_rejected_alone():
    rejected = parse("bad_items.json").rejected[2]
    assert (
        rejected.reason
        == "title holds bytes that are not valid UTF-8: '…Eastbrook caf\ufffd owners join night market…'"
    )
    assert rejected.agency_id == "cps-eb-20261120-022"
    assert rejected.headline == "Eastbrook caf\ufffd owners join night market"


def test_truncated_feed_is_refused_as_truncated():
    with pytest.raises(
        DeliveryError, match="The JSON stops before it is complete; the delivery looks truncated"
    ):
        parse("truncated.json")


def test_ninjs_is_not_a_json_feed():
    with pytest.raises(
        DeliveryError, match=r"not a JSON Feed: it needs a \"version\" of https://jsonfeed.org/version/1.1"
    ):
        parse("not_a_feed.json")


def test_invalid_json_is_refused():
    with pytest.raises(DeliveryError, match="This is not valid JSON: Expecting value"):
        JSONFeedFormat().parse(b"<rss version='2.0'/>")


def test_json_nested_beyond_reason_is_refused():
    with pytest.raises(DeliveryError, match="nested more than 64 levels deep"):
        JSONFeedFormat().parse(b"[" * 100_000 + b"]" * 100_000)


def test_item_of_the_wrong_shape_is_rejected():
    items = ["Eastbrook", {"id": "x", "title": ["a"]}, {"id": "y", "title": "Eastbrook", "tags": "Eastbrook"}]
    feed = {"version": "https://jsonfeed.org/version/1.1", "items": items}
    parsed = JSONFeedFormat().parse(json.dumps(feed).encode())
    assert [r.reason for r in parsed.rejected] == [
        "an item should be an object",
        "title should be text, not a list",
        "tags should be a list, not text",
    ]


def test_item_language_image_attachments_and_tags():
    [parade] = JSONFeedFormat().parse((FIXTURES / "attachments.json").read_bytes()).items
    assert parade.language == "ga"  # the item's own, before the feed's
    assert parade.pictures == [
        # The image, once though attached too, with the attachment's title as its caption.
        ImageRef(
            url="https://img.cps.example/eb/lanterns.jpg",
            caption="Lanterns on the quay",
            alt="Lanterns on the quay",
            mime="image/jpeg",
        ),
        ImageRef(
            url="https://img.cps.example/eb/castle.webp",
            caption="The parade reaches the castle",
            alt="The parade reaches the castle",
            mime="image/webp",
        ),
    ]  # the audio attachment is not a picture
    assert parade.keywords == ["Eastbrook", "Festivals"]
    assert parade.subjects == [Subject("Eastbrook", scheme="keyword"), Subject("Festivals", scheme="keyword")]
