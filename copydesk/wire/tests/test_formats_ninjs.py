"""IPTC ninjs 1.x, 2.x and 3.x deliveries, from fixtures of invented agencies."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.formats.ninjs import NinjsFormat
from copydesk.wire.items import CANCELED, CORRECTION, UPDATE, USABLE, WITHHELD, DeliveryError, ImageRef

FIXTURES = Path(__file__).parent / "fixtures" / "ninjs"
PIER = "urn:newsml:northwind.example:20261120:nwa-eb-0900"


def parse(name):
    return NinjsFormat().parse((FIXTURES / name).read_bytes())


def parse_json(document):
    return NinjsFormat().parse(json.dumps(document).encode())


def test_ninjs_1_story_is_read_with_all_its_fields():
    [log] = parse("v1_story.json").items
    assert log.agency_id == "urn:newsml:cps.example:20261120:eb-0412"
    assert log.headline == "Eastbrook museum returns whaling log to island archive"
    assert log.body_html == (
        "<p>The log, kept by the <em>Hesper</em>'s first mate, goes back to the "
        '<a href="https://cps.example/archive">island <em>archive</em></a> next week.</p>'
        "<p>It was catalogued in 1962.</p>"
    )
    assert log.version == 1
    assert log.version_created == log.first_created == datetime(2026, 11, 20, 8, 20, tzinfo=UTC)
    assert log.summary == "The 1840s log was found in a museum store room."
    assert log.byline == "Lena Marsh, Continental Press Service"
    assert log.pubstatus == USABLE
    assert log.urgency == 4
    assert log.language == "en"
    assert log.keywords == ["Museums", "Eastbrook"]
    assert log.usage_terms == "For use by licensed partners only."
    assert log.copyright == "Copyright 2026 Continental Press Service"


def test_ninjs_1_picture_association_gives_the_widest_rendition_with_caption_and_credit():
    assert parse("v1_story.json").items[0].image == ImageRef(
        url="https://img.cps.example/eb/log-web.jpg",
        caption="The whaling log on a reading desk at Eastbrook museum.",
        credit="Oskar Lind/CPS",
        alt="The whaling log on a reading desk at Eastbrook museum.",
    )


def test_a_list_of_items_is_a_delivery_and_plain_text_bodies_become_paragraphs():
    ferry, held = parse("v1_list.json").items
    assert ferry.version == 2  # a number, not the spec's string: read all the same
    assert ferry.version_created == datetime(2026, 11, 20, 8, 5, tzinfo=UTC)
    assert ferry.body_html == (
        "<p>The ferry crew's union called off its overtime ban on Friday.</p>"
        "<p>Crossings return to the normal timetable on Monday.</p>"
    )
    assert (held.pubstatus, held.version) == (WITHHELD, 3)
    assert held.editorial_note == "HOLD: legal review of names. Do not use until advised."


def test_ninjs_2_delivery_in_an_items_object_is_read_with_arrays():
    pier, gales = parse("v2_delivery.json").items
    assert pier.agency_id == PIER
    assert pier.headline == "Eastbrook pier to reopen after storm repairs"  # the main one, not the short
    assert pier.body_html == (  # the HTML body, not the plain one
        '<p>The pier reopens on Saturday, <a href="https://eastbrook.example/pier">the <em>harbour</em> board</a>'
        " said.</p><p>Repairs cost more than planned.</p>"
    )
    assert pier.summary == "The pier has been shut since the October storm."
    assert pier.byline == "Mara Lindqvist, Northwind Wire"
    assert (pier.version, pier.urgency, pier.language) == (1, 3, "en")
    assert pier.keywords == ["Tourism", "Eastbrook", "pier", "storm"]
    assert pier.usage_terms == "Not for resale."
    assert pier.copyright == "Northwind Wire"
    assert pier.image == ImageRef(
        url="https://img.northwind.example/eb/pier-full.jpg",
        caption="Workers fix the pier's decking in Eastbrook.",
        credit="Jonas Veil/NWA",
        alt="Workers fix the pier's decking in Eastbrook.",
    )
    assert gales.headline == "Eastbrook weather: gales expected overnight"
    assert gales.body_html == "<p>Gusts of up to 70 mph are forecast along the Eastbrook coast.</p>"


def test_update_is_the_same_uri_with_a_higher_version_and_the_update_signal():
    [update] = parse("v2_update.json").items
    assert (update.agency_id, update.version, update.signals) == (PIER, 2, {UPDATE})
    assert update.version_created == datetime(2026, 11, 20, 11, 30, tzinfo=UTC)
    assert update.editorial_note == "Updates with reopening time in third paragraph."


def test_correction_carries_its_signal_and_editors_note():
    [correction] = parse("v2_correction.json").items
    assert (correction.agency_id, correction.version, correction.signals) == (PIER, 3, {CORRECTION})
    assert (
        correction.editorial_note
        == "CORRECTS repair cost to 2.1 million, not 1.2 million, in second paragraph."
    )


def test_kill_without_a_headline_still_gets_through():
    [kill] = parse("v2_kill.json").items
    assert (kill.agency_id, kill.version, kill.pubstatus, kill.headline) == (PIER, 4, CANCELED, "")
    assert kill.editorial_note == "KILL: story withdrawn. Remove all versions from websites and archives."


def test_withheld_item_keeps_its_hold_note():
    [held] = parse("v2_withheld.json").items
    assert held.pubstatus == WITHHELD
    assert held.editorial_note == "HOLD: figures under review. A corrected version will follow."


def test_embargo_in_the_future_is_kept_as_given():
    [embargoed] = parse("v2_embargo.json").items
    assert embargoed.embargoed_until == datetime(2031, 3, 2, 5, 0, tzinfo=UTC)
    assert embargoed.pubstatus == USABLE
    assert embargoed.notes == []


def test_ninjs_3_camel_case_is_read_like_2():
    [shipyard] = parse("v3_story.json").items
    assert shipyard.headline == "Eastbrook shipyard wins hull contract"
    assert shipyard.version == 5
    assert shipyard.version_created == datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    assert shipyard.first_created == datetime(2026, 11, 20, 7, 0, tzinfo=UTC)
    assert shipyard.embargoed_until == datetime(2031, 1, 15, 9, 0, tzinfo=UTC)
    assert shipyard.editorial_note == "Embargoed to 09:00 GMT."
    assert shipyard.copyright == "Harbour News Agency"


def test_bad_items_are_rejected_with_reasons_and_the_rest_parsed():
    parsed = parse("bad_items.json")
    assert [i.agency_id for i in parsed.items] == ["urn:newsml:northwind.example:20261120:nwa-eb-1004"]
    assert [(r.agency_id.rsplit(":", 1)[-1], r.reason) for r in parsed.rejected] == [
        ("", "no uri (or guid)"),
        ("nwa-eb-1001", "versioncreated '2026-02-31T10:00' is not a real date"),
        (
            "nwa-eb-1002",
            "headlines[0].value holds bytes that are not valid UTF-8: '…Eastbrook caf\ufffd owners join Christmas market…'",
        ),
        ("nwa-eb-1003", "pubstatus 'archived' is not one Copydesk knows (usable, withheld or canceled)"),
        ("nwa-eb-1005", "embargoed 'next Tuesday' is not a date"),
    ]
    assert parsed.rejected[0].headline == "Eastbrook recycling centre hours change"
    assert parsed.rejected[0].excerpt.startswith('{"version": "1", "versioncreated": "2026-11-20T08:00:00Z"')


def test_version_that_is_not_a_count_is_none_so_version_time_orders():
    pool = parse("bad_items.json").items[0]
    assert pool.version is None
    assert pool.version_created == datetime(2026, 11, 20, 8, 45, tzinfo=UTC)


def test_superdesk_extensions_guid_signal_and_evolvedfrom_are_read():
    [item] = parse_json(
        {
            "guid": "tag:northwind.example,2026:eb-77",
            "headline": "Eastbrook ferry timetable, second day",
            "signal": [{"code": "sig:correction", "name": "Correction"}],
            "evolvedfrom": "tag:northwind.example,2026:eb-70",
        }
    ).items
    assert item.agency_id == "tag:northwind.example,2026:eb-77"
    assert item.signals == {CORRECTION}
    assert item.evolved_from == "tag:northwind.example,2026:eb-70"


def test_item_of_an_unexpected_shape_is_rejected_not_raised():
    parsed = parse_json(
        [
            {"uri": "urn:a", "standard": {"version": "2.2"}, "headlines": "Eastbrook"},
            {"uri": "urn:b", "headline": "Eastbrook dock"},
            7,
        ]
    )
    assert [i.agency_id for i in parsed.items] == ["urn:b"]
    assert [r.reason for r in parsed.rejected] == [
        "headlines should be a list",
        "an item should be an object",
    ]


def test_odd_values_are_read_or_rejected_without_stopping_the_delivery():
    parsed = parse_json(
        [
            {
                "uri": "urn:a",
                "headline": "Eastbrook tides",
                "urgency": float("inf"),
                "description_html": "<!-- -->",
            },
            {"uri": "urn:b", "headline": "Eastbrook dock", "keywords": "Eastbrook"},
            {
                "uri": "urn:c",
                "headline": "Eastbrook quay",
                "urgency": 3.0,
                "subject": [{"name": "Ports"}, "loose"],
            },
        ]
    )
    assert [(i.agency_id, i.urgency, i.summary, i.keywords) for i in parsed.items] == [
        ("urn:a", None, "", []),
        ("urn:c", 3, "", ["Ports"]),
    ]
    assert [(r.agency_id, r.reason) for r in parsed.rejected] == [
        ("urn:b", "keywords should be a list, not text")
    ]


def test_truncated_document_is_refused():
    with pytest.raises(DeliveryError, match="the delivery looks truncated"):
        parse("truncated.json")


def test_json_feed_is_refused_with_the_format_to_use():
    with pytest.raises(
        DeliveryError, match="This is a JSON Feed, not ninjs. Set the source's format to jsonfeed."
    ):
        NinjsFormat().parse((FIXTURES.parent / "jsonfeed" / "feed.json").read_bytes())


def test_json_that_is_not_ninjs_is_refused():
    with pytest.raises(DeliveryError, match="This is not ninjs: it has none of"):
        parse_json({"name": "Eastbrook", "population": 48000})
