"""IPTC ninjs 1.x, 2.x and 3.x deliveries, from fixtures of invented agencies."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.formats.ninjs import NinjsFormat
from copydesk.wire.formats.ninjs_schema import SCHEMAS, major, validator
from copydesk.wire.items import (
    CANCELED,
    CORRECTION,
    GRAPHIC,
    PACKAGE,
    PICTURE,
    TEXT,
    UPDATE,
    USABLE,
    VIDEO,
    WITHHELD,
    DeliveryError,
    ImageRef,
    Rendition,
    Subject,
)

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
        credit="Oskar Lind/CPS",  # no creditline or copyright holder: the photographer is the credit
        alt="The whaling log on a reading desk at Eastbrook museum.",
        byline="Oskar Lind/CPS",
        mime="image/jpeg",
        agency_id="urn:newsml:cps.example:20261120:eb-0412-img",
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
        mime="image/jpeg",
        agency_id="urn:newsml:northwind.example:20261120:nwa-eb-0900-pic",
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
        ("nwa-eb-1003", "'pubstatus' must be one of usable, withheld, canceled (found 'archived')"),
        ("nwa-eb-1005", "'embargoed' is not a date-time: 'next Tuesday'"),
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
        "'headlines' should be a list, not text",
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
    assert [(i.agency_id, i.urgency, i.summary, i.keywords) for i in parsed.items] == []
    assert [(r.agency_id, r.reason) for r in parsed.rejected] == [
        ("urn:a", "'urgency' should be a whole number (found Infinity)"),
        ("urn:b", "keywords should be a list, not text"),  # not in the 1.x schema, so read by hand
        ("urn:c", "'subject[1]' should be an object, not text"),
    ]
    [quay] = parse_json({"uri": "urn:c", "headline": "Eastbrook quay", "urgency": 3.0}).items
    assert quay.urgency == 3


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


# ninjs 3.x: its own shapes, every kind, and the schema's refusals -----------------------------

TRAMS = "urn:newsml:harbournews.example:20261121:hna-eb-7100"
MEDTOP = "http://cv.iptc.org/newscodes/mediatopic/"


def test_ninjs_3_text_is_read_with_every_field_it_carries():
    [trams] = parse("v3_text_two_pictures.json").items
    assert (trams.agency_id, trams.kind, trams.version) == (TRAMS, TEXT, 2)
    assert trams.headline == "Eastbrook trams return to the seafront after forty years"  # main, not short
    assert trams.summary == "The first car ran on Saturday morning."
    assert trams.body_html == (  # the structure as sent: headings, lists and quotes survive
        "<h2>A line rebuilt</h2><p>The first car left the pier stop at 9 a.m., <strong>full</strong>.</p>"
        "<ul><li>Six stops</li><li>Every ten minutes</li></ul>"
        "<blockquote><p>We waited a long time for this.</p></blockquote>"
    )
    assert trams.first_created == datetime(2026, 11, 21, 6, 30, tzinfo=UTC)
    assert trams.version_created == datetime(2026, 11, 21, 7, 15, tzinfo=UTC)
    assert (trams.pubstatus, trams.urgency, trams.language) == (USABLE, 3, "en-GB")
    assert trams.byline == "Ines Calder"  # without the agency's "By"
    assert (trams.slugline, trams.dateline) == ("EASTBROOK-TRAMS", "")
    assert trams.places == ["Eastbrook", "Eastbrook seafront"]  # located first, then the places
    assert trams.keywords == ["Public transport", "Tourism"]
    assert trams.subjects == [
        Subject("Public transport", "medtop:20000676", MEDTOP),
        Subject("Tourism", "tourism"),
        Subject("Eastbrook Tramways", "eastbrook-tramways", "https://harbournews.example/org/"),
        Subject("Ada Mercer", scheme="person"),
        Subject("Current", "genre:Current", "http://cv.iptc.org/newscodes/genre/"),
    ]
    assert trams.credit == "Harbour News Agency"  # the info source
    assert (trams.copyright, trams.usage_terms) == ("(c) 2026 Harbour News Agency", "Online use only.")
    assert trams.editorial_note == "Pictures available."
    assert (trams.renditions, trams.members) == ([], [])


def test_ninjs_3_text_carries_all_its_pictures_in_order_and_skips_other_associations():
    [trams] = parse("v3_text_two_pictures.json").items
    assert trams.pictures == [
        ImageRef(
            url="https://img.harbournews.example/7100-p1-web.jpg",  # largest a browser shows: not the TIFF
            caption="The first tram leaves the pier stop in Eastbrook.",
            credit="Harbour News Agency",
            alt="A green tram on a seafront street.",
            byline="Tomas Reed",
            copyright="(c) 2026 Harbour News Agency / Tomas Reed",
            usage_terms="No archive use.",
            kind=PICTURE,
            mime="image/jpeg",
            agency_id="urn:newsml:harbournews.example:20261121:hna-eb-7100-p1",
        ),
        ImageRef(
            url="https://img.harbournews.example/7100-g1.png",
            caption="The six stops of the line.",  # an HTML caption, as text
            credit="HNA Graphics",
            alt="The six stops of the line.",
            copyright="HNA Graphics",
            kind=GRAPHIC,
            mime="image/png",
            agency_id="urn:newsml:harbournews.example:20261121:hna-eb-7100-g1",
        ),
    ]
    assert trams.image == trams.pictures[0]


def test_ninjs_3_picture_item_is_media_with_all_its_renditions():
    [picture] = parse("v3_picture.json").items
    assert (picture.kind, picture.headline, picture.byline) == (
        PICTURE,
        "Tram driver at the controls",
        "Tomas Reed",
    )
    assert picture.summary == "Driver Ada Mercer at the controls of car 4 in Eastbrook."
    assert picture.copyright == "(c) 2026 Harbour News Agency"
    assert picture.renditions == [
        Rendition("https://img.harbournews.example/7100-p2-preview.jpg", "image/jpeg", 640, 427, "preview"),
        Rendition(
            "https://img.harbournews.example/7100-p2.jpg", "image/jpeg", 5000, 3333, "highRes", size=4200000
        ),
    ]
    assert picture.pictures == [  # its own, so the wire list can show it
        ImageRef(
            url="https://img.harbournews.example/7100-p2.jpg",
            caption="Driver Ada Mercer at the controls of car 4 in Eastbrook.",
            credit="Tomas Reed",
            alt="Driver Ada Mercer at the controls of car 4 in Eastbrook.",
            byline="Tomas Reed",
            copyright="(c) 2026 Harbour News Agency",
            mime="image/jpeg",
            agency_id="urn:newsml:harbournews.example:20261121:hna-eb-7100-p2",
        )
    ]


def test_ninjs_3_video_item_keeps_every_rendition_in_order():
    [video] = parse("v3_video.json").items
    assert (video.kind, video.headline) == (VIDEO, "Ride the new Eastbrook tram")
    assert [(r.name, r.mime, r.width, r.height) for r in video.renditions] == [
        ("poster", "image/jpeg", 1920, 1080),
        ("hd", "video/mp4", 1920, 1080),
        ("sd", "video/mp4", 854, 480),
    ]


def test_ninjs_3_composite_is_a_package_of_its_members_titled_by_its_title():
    [package] = parse("v3_package.json").items
    assert (package.kind, package.headline) == (PACKAGE, "Eastbrook trams: the day the line reopened")
    assert package.members == [TRAMS, f"{TRAMS[:-4]}7100-p2", f"{TRAMS[:-4]}7100-v1"]
    assert package.pictures == []


def test_ninjs_3_in_french_keeps_its_language_and_accents():
    [story] = parse("v3_french.json").items
    assert story.language == "fr"
    assert story.headline == "À Port-Clair, le marché aux poissons rouvre ses portes"
    assert story.body_html == "<p>Les étals ont rouvert à l'aube.</p><p>Les pêcheurs sont « soulagés ».</p>"
    assert story.version_created == datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    assert story.subjects == [Subject("Pêche", "medtop:20000217", MEDTOP)]
    assert story.places == ["Port-Clair"]


def test_ninjs_3_embargo_kill_and_correction():
    [embargoed] = parse("v3_embargo.json").items  # told 3.x by its $schema
    assert embargoed.embargoed_until == datetime(2031, 5, 31, 22, 1, tzinfo=UTC)
    [kill] = parse("v3_kill.json").items
    assert (kill.agency_id, kill.version, kill.pubstatus, kill.headline) == (TRAMS, 4, CANCELED, "")
    assert kill.editorial_note == "KILL: the tram line did not reopen; story withdrawn."
    [correction] = parse("v3_correction.json").items
    assert (correction.version, correction.signals) == (3, {CORRECTION})
    assert correction.editorial_note == "CORRECTS number of stops to six, not five."


def test_schema_refusals_name_the_property_and_harmless_extras_pass():
    parsed = parse("v3_invalid.json")
    assert [(r.agency_id, r.reason) for r in parsed.rejected] == [
        ("urn:hna:bad-1", "'versionCreated' is not a date-time: 'yesterday at noon'"),
        ("urn:hna:bad-2", "'pubStatus' must be one of usable, withheld, canceled (found 'archived')"),
        ("urn:hna:bad-3", "'urgency' must be at most 9 (found 12)"),
        ("urn:hna:bad-4", "'renditions' should be a list, not an object"),
        ("urn:hna:bad-5", "'associations[0]' has no 'name', which ninjs 3.x requires"),
        ("urn:hna:bad-6", "'headlines[0]' has no 'value', which ninjs 3.x requires"),
        (
            "urn:hna:bad-7",
            "'type' must be one of text, audio, video, picture, graphic, composite, component, event, "
            "planning (found 'podcast')",
        ),
    ]
    assert parsed.rejected[0].headline == "Eastbrook bins"
    # Unknown properties, a number for the version, digits for the urgency, "cancelled": read as meant.
    [extras] = parsed.items
    assert (extras.agency_id, extras.version, extras.urgency, extras.pubstatus) == (
        "urn:hna:fine-8",
        8,
        2,
        CANCELED,
    )


def test_ninjs_1_and_2_are_checked_against_their_own_schemas():
    parsed = parse_json(
        [
            {"$standard": {"version": "1.8"}, "uri": "urn:one", "headline": "Eastbrook",
             "renditions": [{"name": "web", "href": "x"}]},
            {"uri": "urn:two", "headlines": [{"value": "Eastbrook"}], "renditions": {"web": {"href": "x"}}},
            {"uri": "urn:two-b", "headlines": [{"value": "Eastbrook"}], "associations": [{"name": "p"}]},
        ]
    )  # fmt: skip
    assert [(r.agency_id, r.reason) for r in parsed.rejected] == [
        ("urn:one", "'renditions' should be an object, not a list"),  # 1.x keys renditions by name
        ("urn:two", "'renditions' should be a list, not an object"),
        ("urn:two-b", "'associations[0]' has no 'uri', which ninjs 2.x requires"),
    ]


@pytest.mark.parametrize(
    ("document", "version"),
    [
        ({"standard": {"version": "3.1"}, "headline": "flat"}, 3),  # declared wins over shape
        ({"$standard": {"version": "1.6"}, "headlines": []}, 1),
        ({"standard": {"schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"}}, 2),
        ({"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json#"}, 3),
        ({"versionCreated": "2026-11-21T08:00:00Z", "headline": "x"}, 3),  # 3.x's camelCase
        ({"headlines": [{"value": "x"}]}, 2),
        ({"headline": "x", "body_html": "<p>x</p>"}, 1),
        ({"standard": {"version": "9.0"}, "headline": "x"}, 1),  # an unknown version: by shape
    ],
)
def test_version_is_the_declared_one_else_told_by_shape(document, version):
    assert major(document) == version


def test_validators_are_compiled_once_and_never_fetch():
    assert validator(3) is validator(3)
    # A place's GeoJSON refers to a schema on the web; it is not fetched, and not checked.
    [item] = parse_json(
        {"standard": {"version": "3.0"}, "uri": "urn:g", "headlines": [{"value": "Eastbrook"}],
         "places": [{"name": "Eastbrook", "geoJSON": {"type": "Point", "coordinates": [1.2, 50.1]}}]}
    ).items  # fmt: skip
    assert item.places == ["Eastbrook"]


def test_superdesk_priority_stands_in_for_a_missing_urgency():
    [item] = parse_json({"guid": "sd-1", "headline": "Eastbrook tide tables", "priority": 2}).items
    assert item.urgency == 2


def test_composite_with_a_body_is_a_story_with_its_media_and_a_uri_may_be_the_file():
    [release] = parse_json(
        {
            "standard": {"version": "3.3"},
            "uri": "https://wire.example/news/eastbrook-ferries",
            "type": "composite",
            "headlines": [{"role": "simple", "value": "Eastbrook Ferries orders two electric boats"}],
            "bodies": [{"role": "richtext", "contentType": "application/xhtml+xml", "value": "<p>Two boats.</p>"}],
            "associations": [
                {"name": "logo", "uri": "https://media.example/eastbrook-ferries-logo.png", "type": "graphic",
                 "renditions": [{"name": "thumbnail"}, {"name": "highres"}]},
                {"name": "photo", "uri": "urn:media:boat-7", "type": "picture", "renditions": [{"name": "highres"}]},
            ],
        }
    ).items  # fmt: skip
    assert (release.kind, release.body_html, release.members) == (TEXT, "<p>Two boats.</p>", [])
    assert release.pictures == [  # the photo names no file to fetch, so it cannot be carried
        ImageRef(
            url="https://media.example/eastbrook-ferries-logo.png",
            caption="",
            kind=GRAPHIC,
            agency_id="https://media.example/eastbrook-ferries-logo.png",
        )
    ]


@pytest.mark.parametrize(("version", "minor"), [(1, "1.8"), (2, "2.4"), (3, "3.3")])
def test_shipped_schemas_are_the_iptc_ones_and_valid_schemas(version, minor):
    schema = json.loads((SCHEMAS / f"ninjs-{version}.x.json").read_text(encoding="utf-8"))
    assert schema["$id"] == f"http://www.iptc.org/std/ninjs/ninjs-schema_{minor}.json#"
    assert schema["title"] == f"IPTC ninjs - News in JSON - version {minor}"
    type(validator(version)).check_schema(schema)
