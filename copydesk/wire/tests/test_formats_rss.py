"""RSS 2.0 deliveries, from captured-style fixtures of an invented agency (Northwind Wire)."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.formats.rss_atom import RSSFormat
from copydesk.wire.items import CORRECTION, USABLE, DeliveryError, ImageRef, Rejected, Subject

FIXTURES = Path(__file__).parent / "fixtures" / "rss"


def parse(name):
    return RSSFormat().parse((FIXTURES / name).read_bytes())


def test_delivery_reads_every_item_with_its_id_headline_and_times():
    items = parse("wire.xml").items
    assert [(i.agency_id, i.headline) for i in items] == [
        ("nwa:eastbrook:2026-1120-0042", "Eastbrook council approves night ferry to the river islands"),
        (
            "https://wire.northwind.example/eastbrook/library-reopens",
            "Eastbrook library reopens after flood repairs",
        ),
        ("nwa:eastbrook:2026-1119-0017", "CORRECTED: Eastbrook bridge closure lasts two weeks, not three"),
    ]
    ferry = items[0]
    assert ferry.version is None
    assert ferry.version_created == datetime(2026, 11, 20, 10, 40, tzinfo=UTC)  # atom:updated
    assert ferry.first_created == datetime(2026, 11, 20, 9, 15, tzinfo=UTC)  # pubDate
    assert ferry.pubstatus == USABLE
    assert ferry.byline == "Mara Lindqvist, Northwind Wire"
    assert ferry.keywords == ["Transport", "Eastbrook"]
    assert ferry.language == "en-gb"
    assert ferry.copyright == "Copyright 2026 Northwind Wire"
    assert ferry.link == "https://wire.northwind.example/eastbrook/night-ferry"


def test_body_comes_from_content_encoded_with_nested_links_and_tails():
    ferry = parse("wire.xml").items[0]
    assert ferry.body_html == (
        "<p>Eastbrook's council voted 9-2 on Thursday for a <em>trial</em> night ferry, said "
        '<a href="https://eastbrook.example/council">the council</a> in a statement.</p>'
        "<p>Crossings will run until 1 a.m.</p>"
    )
    assert ferry.summary == "A trial night service starts in January."


def test_description_is_the_body_when_there_is_no_full_content():
    library = parse("wire.xml").items[1]
    assert library.body_html == "<p>The central library in Eastbrook opened its doors again on Friday.</p>"
    assert library.summary == ""


def test_item_without_guid_takes_its_link_as_id_and_its_author_name_as_byline():
    library = parse("wire.xml").items[1]
    assert library.agency_id == "https://wire.northwind.example/eastbrook/library-reopens"
    assert library.byline == "Ines Varga"  # from "desk@northwind.example (Ines Varga)"
    assert library.version_created == library.first_created == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def test_media_rss_picture_becomes_the_image_with_its_credit():
    assert parse("wire.xml").items[0].image == ImageRef(
        url="https://img.northwind.example/eastbrook/ferry-quay.jpg",
        caption="The ferry quay at Eastbrook at dusk.",
        credit="Jonas Veil/NWA",
        alt="The ferry quay at Eastbrook at dusk.",
        mime="image/jpeg",
    )


def test_picture_enclosure_becomes_the_image():
    assert parse("wire.xml").items[1].image == ImageRef(
        url="https://img.northwind.example/eastbrook/library.jpg", mime="image/jpeg"
    )


def test_correction_category_is_a_signal_not_a_keyword():
    bridge = parse("wire.xml").items[2]
    assert bridge.signals == {CORRECTION}
    assert bridge.keywords == []
    assert parse("wire.xml").items[0].signals == set()


def test_update_is_the_same_id_with_a_later_version_time():
    first, update = parse("wire.xml").items[0], parse("update.xml").items[0]
    assert update.agency_id == first.agency_id
    assert update.version_created > first.version_created
    assert update.headline == "Eastbrook night ferry to start on January 9"


def test_item_without_guid_or_link_is_rejected_and_the_rest_parsed():
    parsed = parse("bad_items.xml")
    assert [i.agency_id for i in parsed.items] == ["nwa:eastbrook:2026-1120-0053"]
    assert parsed.rejected[0] == Rejected(
        reason="no id (guid or link)",
        headline="Eastbrook market hall to open on Sundays",
        excerpt="Stallholders in Eastbrook voted for Sunday trading.",
    )


def test_item_with_an_impossible_date_is_rejected_with_the_date_named():
    rejected = parse("bad_items.xml").rejected[1]
    assert rejected.reason == "published 'Tue, 31 Feb 2026 10:00:00 GMT' is not a real date"
    assert rejected.agency_id == "nwa:eastbrook:2026-1120-0051"
    assert rejected.headline == "Eastbrook marathon route changes"


def test_bytes_not_in_the_declared_encoding_refuse_the_whole_feed():
    with pytest.raises(DeliveryError, match=r"not valid in its declared encoding \(line 9"):
        parse("broken_encoding.xml")


def test_truncated_feed_is_refused_rather_than_read_in_part():
    with pytest.raises(
        DeliveryError, match=r"stops before it is complete \(line 14\); the delivery looks truncated"
    ):
        parse("truncated.xml")


def test_xml_that_is_not_a_feed_is_refused_with_its_root_named():
    with pytest.raises(DeliveryError, match="not an RSS or Atom feed: its root element is <newsItem>"):
        RSSFormat().parse((FIXTURES.parent / "newsml" / "item_kill.xml").read_bytes())


def test_a_url_is_never_fetched():
    with pytest.raises(DeliveryError, match="not well-formed XML"):
        RSSFormat().parse(b"https://wire.northwind.example/eastbrook.rss")


def test_every_picture_is_kept_in_order_with_the_caption_and_credit_nearest_to_it():
    [regatta] = parse("pictures.xml").items
    assert regatta.pictures == [
        ImageRef(  # a media:group holds one picture's renditions: the largest, with the group's text
            url="https://img.northwind.example/regatta-large.jpg",
            caption="The leading boats round the harbour buoy.",
            credit="Jonas Veil/NWA",
            alt="The leading boats round the harbour buoy.",
            mime="image/jpeg",
        ),
        ImageRef(  # the video is not a picture; this one has no credit of its own: the item's
            url="https://img.northwind.example/regatta-crowd.jpg",
            caption="Spectators on the Eastbrook sea wall.",
            credit="Northwind Wire",
            alt="Spectators on the Eastbrook sea wall.",
            copyright="(c) 2026 Northwind Wire",
            mime="image/jpeg",
        ),
        ImageRef(  # an image enclosure; the audio one is not
            url="https://img.northwind.example/regatta-trophy.png", credit="Northwind Wire", mime="image/png"
        ),
    ]


def test_item_language_categories_with_domains_and_dc_subjects():
    [regatta] = parse("pictures.xml").items
    assert regatta.language == "cy"  # the item's dc:language before the channel's
    assert regatta.byline == "Ines Varga"  # without "By"
    assert regatta.subjects == [
        Subject("medtop:20001103", "medtop:20001103", "http://cv.iptc.org/newscodes/mediatopic/"),
        Subject("Eastbrook", scheme="keyword"),
        Subject("Sailing", scheme="keyword"),  # dc:subject
    ]
    assert regatta.keywords == ["medtop:20001103", "Eastbrook", "Sailing"]
