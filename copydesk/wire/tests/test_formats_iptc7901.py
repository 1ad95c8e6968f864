"""IPTC 7901 text deliveries, from files of an invented agency framed with real control characters."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.formats import sniff
from copydesk.wire.formats.iptc7901 import IPTC7901Format
from copydesk.wire.items import CANCELED, CORRECTION, USABLE, WITHHELD, DeliveryError, Subject

FIXTURES = Path(__file__).parent / "fixtures" / "iptc7901"
PIER = "NWA:A:20260303:0412"


def parse(name):
    return IPTC7901Format().parse((FIXTURES / name).read_bytes())


def message(header, text, post="031502 MAR 26", keyword=""):
    keyword = f"{keyword}\r\n" if keyword else ""
    return f"\x01{header}\r\n{keyword}\x02{text}\x03\r\n{post}\r\n\x04".encode("latin-1")


def test_a_story_is_read_with_every_field_the_message_carries():
    [pier] = parse("story.txt").items
    assert pier.agency_id == PIER
    assert pier.headline == "Fire closes Eastbrook pier days before reopening"
    assert pier.byline == "Mara Lindqvist"
    assert pier.dateline == "EASTBROOK, March 3"
    assert pier.credit == "NWA"
    assert pier.body_html == (
        "<p>A fire in a kiosk at the end of Eastbrook pier forced the harbour board to close the pier again on "
        "Tuesday, four days before it was due to reopen after the October storm repairs.</p>"
        "<p>No one was hurt. Firefighters from the harbour station put the fire out in under twenty minutes, a "
        "spokeswoman for the board said.</p>"
        '<p>"The new decking is sound," said harbour master Ilse Varga. "We will know by Friday whether '
        "Saturday's reopening can go ahead.\"</p>"
    )
    assert pier.slugline == "Pier-Fire"
    assert pier.urgency == 4
    assert pier.subjects == [Subject(name="Politics", code="POL", scheme="iptc7901-category")]
    assert pier.version_created == datetime(2026, 3, 3, 15, 2, tzinfo=UTC)
    assert (pier.pubstatus, pier.signals, pier.embargoed_until, pier.notes) == (USABLE, set(), None, [])


def test_two_messages_in_one_file_are_two_items_and_latin_1_text_is_decoded():
    flash, market = parse("two_messages.txt").items
    assert flash.agency_id == "NWA:A:20260303:0413"
    assert (
        flash.headline == "Eastbrook ferry crews call strike from Monday"
    )  # "FLASH" only repeats the priority
    assert (flash.urgency, flash.body_html) == (1, "")
    assert flash.subjects == [Subject(name="Domestic news", code="A", scheme="iptc7901-category")]
    assert market.agency_id == "NWA:B:20260303:0414"  # channel B numbers its own messages
    assert market.dateline == "SALTMARSH GREEN, March 3"
    assert "The café at the north gate" in market.body_html
    assert market.body_html.count("<p>") == 2  # a blank line starts a paragraph too


def test_a_correction_that_names_the_message_reaches_the_same_story():
    [corrected] = parse("correction.txt").items
    assert corrected.agency_id == PIER
    assert corrected.signals == {CORRECTION}
    assert (
        corrected.editorial_note
        == "CORRECTION - ref 0412 - corrects harbour master's name in third paragraph"
    )
    assert corrected.headline == "Fire closes Eastbrook pier days before reopening"
    assert "Ilse Vargas" in corrected.body_html
    assert corrected.version_created > parse("story.txt").items[0].version_created


def test_a_kill_cancels_the_story_and_keeps_its_text_for_editors_only():
    [kill] = parse("kill.txt").items
    assert (kill.agency_id, kill.pubstatus, kill.body_html) == (PIER, CANCELED, "")
    assert kill.editorial_note == (
        "KILL - KILL - KILL message 0412\nThe story on a fire at Eastbrook pier is withdrawn. The harbour board "
        "says the fire was at a neighbouring pier. Do not use."
    )


def test_an_embargo_line_sets_the_release_time_and_an_unreadable_one_holds_the_story():
    plan, chair = parse("embargo.txt").items
    assert plan.embargoed_until == datetime(2026, 3, 5, 15, 0, tzinfo=UTC)
    assert (plan.pubstatus, plan.headline) == (USABLE, "Eastbrook council to publish flood plan on Thursday")
    assert chair.embargoed_until is None
    assert chair.pubstatus == WITHHELD
    assert "FURTHER NOTICE" in chair.notes[0] and "withheld" in chair.notes[0]


@pytest.mark.parametrize(
    ("line", "sent", "expected"),
    [
        ("EMBARGOED UNTIL 0900 EST", "031502 MAR 26", datetime(2026, 3, 4, 14, 0, tzinfo=UTC)),  # next day
        ("EMBARGO: 18:30 UTC 7 March 2026", "031502 MAR 26", datetime(2026, 3, 7, 18, 30, tzinfo=UTC)),
        ("Embargoed until 2300 GMT", "031502 MAR 26", datetime(2026, 3, 3, 23, 0, tzinfo=UTC)),
    ],
)
def test_embargo_times_are_read_in_their_zone(line, sent, expected):
    [item] = (
        IPTC7901Format()
        .parse(message("NWAA0001 4 A 0010", f"{line}\r\nHeadline\r\n\r\n   Text.\r\n", sent))
        .items
    )
    assert item.embargoed_until == expected


def test_a_message_cut_short_is_rejected_with_its_reason_and_the_others_are_read():
    parsed = parse("truncated.txt")
    assert [item.headline for item in parsed.items] == ["Toll bridge fares to rise in April"]
    [cut] = parsed.rejected
    assert "no ETX" in cut.reason and "cut short" in cut.reason
    assert cut.headline == "Toll bridge operator defends rise"


def test_a_header_cut_before_the_text_is_rejected():
    parsed = IPTC7901Format().parse(message("NWAA0001 4 A 0010", "Headline\r\n") + b"\x01NWAA0002 4 A 00")
    assert len(parsed.items) == 1
    assert "no STX" in parsed.rejected[0].reason
    assert "no STX" in IPTC7901Format().parse(b"\x01NWAA0002 4 A 00").rejected[0].reason


def test_a_header_that_is_not_7901_is_rejected_with_the_expected_shape():
    [rejected] = IPTC7901Format().parse(message("hello there", "Headline\r\n")).rejected
    assert "not an IPTC 7901 header" in rejected.reason


def test_a_message_without_a_sending_time_is_dated_today_with_a_note():
    [item] = IPTC7901Format().parse(message("NWAA0007 4 A 0010", "Headline\r\n", post="")).items
    assert item.agency_id == f"NWA:A:{datetime.now(UTC):%Y%m%d}:0007"
    assert item.version_created is None and "stands in" in item.notes[0]


@pytest.mark.parametrize("data", [b"", b"<rss></rss>", b'{"headline": "x"}', b"Plain text, no framing"])
def test_something_that_is_not_7901_is_refused_as_a_whole(data):
    with pytest.raises(DeliveryError, match="not IPTC 7901"):
        IPTC7901Format().parse(data)


def test_sniffing_knows_7901_and_leaves_anpa_to_anpa():
    assert sniff((FIXTURES / "story.txt").read_bytes()) == "iptc7901"
    assert not IPTC7901Format().sniff((FIXTURES.parent / "anpa1312" / "story.dat").read_bytes())


def test_a_by_paragraph_and_text_not_for_publication_never_reach_the_body():
    text = (
        "Harbour dues frozen for a year\r\n\r\n   By Lena Marsh\r\n   EASTBROOK, March 3 (NWA) - Dues stay as they are."
        "\r\n\r\nThe following information is not for publication\r\nCall the desk on extension 40 for the figures.\r\n"
    )
    [item] = IPTC7901Format().parse(message("NWAA0009 4 ECO 0012", text)).items
    assert (item.byline, item.dateline) == ("Lena Marsh", "EASTBROOK, March 3")
    assert item.body_html == "<p>Dues stay as they are.</p>"
    assert item.editorial_note == "Call the desk on extension 40 for the figures."
