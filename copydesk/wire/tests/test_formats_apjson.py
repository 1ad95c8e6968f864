"""AP Media API JSON deliveries (item and feed), from files of an invented agency in AP's shape."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.formats import sniff
from copydesk.wire.formats.apjson import APJSONFormat
from copydesk.wire.items import (
    CANCELED,
    CORRECTION,
    PICTURE,
    TEXT,
    USABLE,
    DeliveryError,
    ImageRef,
    Rendition,
    Subject,
)

FIXTURES = Path(__file__).parent / "fixtures" / "apjson"
RESCUE = "5c1e9a0f7d2b4e8a"


def parse(name):
    return APJSONFormat().parse((FIXTURES / name).read_bytes())


def parse_item(**fields):
    item = {"altids": {"itemid": "x1"}, "type": "text", "headline": "Harbour news", "text": "Text.", **fields}
    return APJSONFormat().parse(json.dumps({"data": {"item": item}}).encode())


def test_a_text_item_with_its_nitf_body_inline_is_read_with_every_field():
    [rescue] = parse("story.json").items
    assert rescue.agency_id == RESCUE
    assert (rescue.kind, rescue.version, rescue.urgency, rescue.language) == (TEXT, 1, 3, "en")
    assert rescue.headline == "Eastbrook lifeboat crew rescues four from drifting yacht"
    assert rescue.summary == "The yacht drifted for three hours before the crew reached it."
    assert rescue.body_html == (  # the dateline taken off the first paragraph, markup kept
        "<p>Eastbrook's volunteer lifeboat crew rescued four sailors on Friday from a yacht that lost its engine "
        "off Saltmarsh Point.</p><p>The crew reached the yacht after three hours, the station's <em>coxswain</em> "
        "said.</p>"
    )
    assert rescue.byline == "LENA MARSH, Northwind Wire"  # AP's "By" is not doubled
    assert rescue.dateline == "EASTBROOK"
    assert rescue.places == ["Eastbrook", "Northshire", "Northland", "Saltmarsh Point"]
    assert rescue.version_created == datetime(2026, 3, 6, 14, 20, tzinfo=UTC)
    assert rescue.first_created == datetime(2026, 3, 6, 14, 5, tzinfo=UTC)
    assert (rescue.pubstatus, rescue.signals) == (USABLE, set())
    assert rescue.editorial_note == "Eds: Moves on general news services."
    assert rescue.subjects[:2] == [
        Subject(name="Maritime rescue", code="b2c4d6e8", scheme="http://cv.northwind.example/id/"),
        Subject(name="Accidents", code="a1a1a1a1", scheme="http://cv.northwind.example/id/"),
    ]
    assert rescue.keywords == ["Maritime rescue", "Accidents", "lifeboat", "Saltmarsh Point"]
    assert rescue.copyright == "Copyright 2026 Northwind Wire. All rights reserved."
    assert rescue.usage_terms == "This content is intended for editorial use only."
    assert rescue.renditions == []  # the NITF link is the body's, not a media file


def test_associated_pictures_come_in_the_agency_order_with_their_main_rendition():
    lead, second = parse("story.json").items[0].pictures  # the video association is not a picture
    assert lead == ImageRef(
        url="https://img.northwind.example/4d3c/main.jpg",
        caption="The lifeboat tows the yacht into Eastbrook harbour on Friday, March 6, 2026.",
        credit="NWR",
        alt="The lifeboat tows the yacht into Eastbrook harbour on Friday, March 6, 2026.",
        byline="Oskar Lind, Staff",
        copyright="Copyright 2026 Northwind Wire",
        usage_terms="No sales.",
        kind=PICTURE,
        mime="image/jpeg",
        agency_id="4d3c2b1a0f9e8d7c",
    )
    assert (second.url, second.caption) == (
        "https://img.northwind.example/9e8d/thumb.jpg",
        "Lifeboat returns to Eastbrook",
    )


def test_a_feed_gives_a_spanish_story_a_picture_item_and_sets_aside_a_linked_only_body():
    parsed = parse("feed.json")
    muelle, boats = parsed.items
    assert (muelle.language, muelle.byline) == (
        "es",
        "ANA SOLÍS, Northwind Wire",
    )  # "Por" is Spanish for "By"
    assert muelle.headline == "El puerto de Eastbrook reabre el muelle tras la tormenta"
    assert (
        muelle.body_html.startswith("<p>El muelle de Eastbrook reabrió el sábado")
        and muelle.body_html.count("<p>") == 2
    )
    assert boats.kind == PICTURE
    assert boats.byline == "Oskar Lind, Staff"
    assert boats.summary.startswith("Fishing boats leave Eastbrook harbour at dawn")
    assert boats.renditions == [
        Rendition(url="https://img.northwind.example/1f2e/main.jpg", mime="image/jpeg", width=4000, height=2667, name="main"),
        Rendition(url="https://img.northwind.example/1f2e/preview.jpg", mime="image/jpeg", width=512, height=341,
                  name="preview"),
    ]  # fmt: skip
    [linked] = parsed.rejected
    assert linked.agency_id == "aa11bb22cc33dd44" and linked.headline == "Harbour board names new chair"
    assert linked.reason.startswith("the body is only linked (renditions.nitf)")


def test_a_correction_is_signalled_by_its_ednote_and_a_kill_needs_no_body():
    [correction], [kill] = parse("correction.json").items, parse("kill.json").items
    assert correction.agency_id == kill.agency_id == RESCUE
    assert (correction.version, correction.signals) == (2, {CORRECTION})
    assert (kill.version, kill.pubstatus, kill.body_html) == (3, CANCELED, "")
    assert kill.editorial_note.startswith("KILL: The story is withdrawn.")


def test_an_embargo_is_read_as_an_aware_time():
    [schools] = parse("embargo.json").items
    assert schools.embargoed_until == datetime(2026, 3, 9, 5, 0, tzinfo=UTC)
    assert schools.byline == "Mara Lindqvist"


def test_editorial_priority_letters_give_the_urgency_when_no_number_does():
    assert parse_item(editorialpriority="f").items[0].urgency == 1
    assert parse_item(editorialpriority="d", urgency=4).items[0].urgency == 4


def test_an_item_of_an_unknown_type_or_without_an_id_is_rejected_with_the_reason():
    assert "type 'hologram'" in parse_item(type="hologram").rejected[0].reason
    assert "itemid" in parse_item(altids={}).rejected[0].reason


def test_an_inline_nitf_body_that_is_not_xml_rejects_only_that_item():
    assert "body_nitf is not readable NITF" in parse_item(text="", body_nitf="<nitf><body").rejected[0].reason


def test_an_inline_nitf_body_with_entities_is_refused_before_anything_is_expanded():
    attack = '<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf><body.content><p>&x;</p></body.content></nitf>'
    [rejected] = parse_item(text="", body_nitf=attack).rejected
    assert "entity declarations are refused" in rejected.reason and "root:" not in rejected.reason


@pytest.mark.parametrize(
    ("name", "data", "match"),
    [
        ("truncated", (FIXTURES / "truncated.json").read_bytes(), "truncated"),
        ("not AP", b'{"items": [{"headline": "x"}]}', "not AP Media API JSON"),
        ("not JSON", b"\x01NWAA0001 4 A 0001\r\n\x02x\x03", "not valid JSON"),
    ],
)
def test_a_delivery_that_cannot_be_read_is_refused_with_the_reason(name, data, match):
    with pytest.raises(DeliveryError, match=match):
        APJSONFormat().parse(data)


def test_sniffing_tells_ap_json_from_ninjs():
    assert sniff((FIXTURES / "story.json").read_bytes()) == "apjson"
    assert sniff((FIXTURES.parent / "ninjs" / "v2_delivery.json").read_bytes()) == "ninjs"
    assert not APJSONFormat().sniff((FIXTURES.parent / "jsonfeed" / "feed.json").read_bytes())
