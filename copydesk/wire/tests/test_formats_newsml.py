"""IPTC NewsML-G2 deliveries, from fixtures of an invented agency (Harbour News Agency)."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.formats.newsml_g2 import NewsMLFormat
from copydesk.wire.items import CANCELED, CORRECTION, UPDATE, USABLE, WITHHELD, DeliveryError, ImageRef

FIXTURES = Path(__file__).parent / "fixtures" / "newsml"
TERMINAL = "urn:newsml:harbournews.example:20261120:hna-eb-5001"


def parse(name):
    return NewsMLFormat().parse((FIXTURES / name).read_bytes())


def test_news_message_gives_each_news_item_and_skips_the_package():
    parsed = parse("message.xml")
    assert [i.agency_id for i in parsed.items] == [TERMINAL, f"{TERMINAL[:-4]}5002", f"{TERMINAL}-pic"]
    assert parsed.rejected == []


def test_news_item_metadata_is_read():
    terminal = parse("message.xml").items[0]
    assert terminal.headline == "Eastbrook container terminal to double in size"
    assert terminal.version == 1
    assert terminal.version_created == terminal.first_created == datetime(2026, 11, 20, 9, 45, tzinfo=UTC)
    assert terminal.pubstatus == USABLE
    assert terminal.summary == "The port wants two new berths by 2029."
    assert terminal.byline == "Saskia Moor, Harbour News Agency"
    assert terminal.credit == "HNA"
    assert terminal.urgency == 2
    assert terminal.language == "en"
    assert terminal.keywords == ["Ports", "Eastbrook", "container terminal"]
    assert terminal.usage_terms == "Online use only."
    assert terminal.copyright == "Copyright 2026 Harbour News Agency"


def test_xhtml_body_keeps_nested_markup_and_tails_without_namespaces():
    assert parse("message.xml").items[0].body_html == (
        "<p>The port of Eastbrook will add <em>two</em> berths, its "
        '<a href="https://harbournews.example/eastbrook/port">board <em>said</em> on Friday</a>, after a record year.</p>'
        "<p>Work starts in <strong>spring</strong>.<br>Objections close in January.</p>"
    )


def test_nitf_body_content_is_the_body():
    market = parse("message.xml").items[1]
    assert market.body_html == (
        "<p>Traders will sell from the <em>east quay</em> from Monday.</p>"
        '<p>The old hall is to be <a href="https://harbournews.example/eastbrook/hall">listed</a>.</p>'
    )


def test_picture_item_gives_its_widest_rendition_with_caption_and_credit():
    picture = parse("message.xml").items[2]
    assert picture.body_html == ""
    assert picture.image == ImageRef(
        url="https://img.harbournews.example/eb/cranes-web.jpg",
        caption="Cranes at the Eastbrook container terminal on Friday.",
        credit="Ada Quist/HNA",
        alt="Cranes at the Eastbrook container terminal on Friday.",
    )


def test_update_is_the_same_guid_with_a_higher_version_and_its_signal():
    [update] = parse("item_update.xml").items
    assert (update.agency_id, update.version, update.signals) == (TERMINAL, 2, {UPDATE})
    assert update.editorial_note == "Updates with objection deadline."
    assert update.body_html == "<p>Objections close on January 15.</p>"


def test_correction_carries_its_signal_and_editors_note():
    [correction] = parse("item_correction.xml").items
    assert (correction.agency_id, correction.version, correction.signals) == (TERMINAL, 3, {CORRECTION})
    assert correction.editorial_note == "CORRECTS number of berths to two, not three, in first paragraph."


def test_kill_without_headline_or_content_still_gets_through():
    [kill] = parse("item_kill.xml").items
    assert (kill.agency_id, kill.version, kill.pubstatus, kill.headline, kill.body_html) == (
        TERMINAL,
        4,
        CANCELED,
        "",
        "",
    )
    assert kill.editorial_note == "KILL: story withdrawn. Remove all versions."


def test_withheld_status_given_as_a_uri_is_read():
    [held] = parse("item_withheld.xml").items
    assert held.pubstatus == WITHHELD
    assert held.editorial_note == "HOLD: facts being checked."


def test_embargo_time_is_kept_and_inline_text_becomes_paragraphs():
    [survey] = parse("item_embargo.xml").items
    assert survey.embargoed_until == datetime(2031, 3, 2, 5, 0, tzinfo=UTC)
    assert survey.pubstatus == USABLE
    assert survey.body_html == (
        "<p>Seagrass covers twice the area it did in 2016.</p><p>Divers mapped the beds in the summer.</p>"
    )


def test_embargo_with_no_time_yet_is_held_as_withheld_with_a_note():
    [budget] = parse("item_embargo_unknown_time.xml").items
    assert budget.pubstatus == WITHHELD
    assert budget.embargoed_until is None
    assert budget.notes == ["embargoed with no release time yet; held as withheld until the agency sends one"]


def test_news_item_without_guid_is_rejected_and_the_rest_parsed():
    parsed = parse("bad_items.xml")
    assert [i.agency_id for i in parsed.items] == ["urn:newsml:harbournews.example:20261120:hna-eb-5032"]
    missing, impossible = parsed.rejected
    assert (missing.reason, missing.agency_id, missing.headline) == (
        "newsItem has no guid",
        "",
        "Eastbrook tram trial extended",
    )
    assert missing.excerpt.startswith('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" version="1"')
    assert impossible.reason == "versionCreated '2026-02-31T10:00:00Z' is not a real date"
    assert impossible.agency_id == "urn:newsml:harbournews.example:20261120:hna-eb-5031"


def test_version_that_is_not_a_number_is_none():
    assert parse("bad_items.xml").items[0].version is None


def test_truncated_message_is_refused_whole():
    with pytest.raises(
        DeliveryError, match=r"stops before it is complete \(line 52\); the delivery looks truncated"
    ):
        parse("truncated.xml")


def test_bytes_not_in_the_declared_encoding_refuse_the_message():
    with pytest.raises(DeliveryError, match=r"not valid in its declared encoding \(line 49, column 32\)"):
        parse("broken_encoding.xml")


def test_other_xml_is_refused_with_its_root_named():
    with pytest.raises(
        DeliveryError, match="This is not NewsML-G2: the root element is <rss> in no namespace"
    ):
        NewsMLFormat().parse((FIXTURES.parent / "rss" / "update.xml").read_bytes())
