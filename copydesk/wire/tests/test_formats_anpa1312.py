"""ANPA-1312 text deliveries, from files of an invented agency framed with real control characters."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.formats import sniff
from copydesk.wire.formats.anpa1312 import ANPA1312Format
from copydesk.wire.items import CANCELED, CORRECTION, UPDATE, USABLE, DeliveryError, Subject

FIXTURES = Path(__file__).parent / "fixtures" / "anpa1312"
BRIDGE = "anpa:20260303:bridge-vote"


def parse(name):
    return ANPA1312Format().parse((FIXTURES / name).read_bytes())


def message(header, text, stamp="NWA-EB-03-03-26 2215GMT"):
    return f"\x16\x16\x01{header}\r\n\x02{text}\x03{stamp}\r\n\x04".encode("latin-1")


def test_a_story_is_read_with_every_field_the_message_carries():
    [bridge] = parse("story.dat").items
    assert bridge.agency_id == BRIDGE
    assert bridge.headline == "Eastbrook council backs $14 million bridge repair"
    assert bridge.byline == "LENA MARSH, Northwind Wire Writer"  # "By" dropped, the writer's title kept
    assert (bridge.dateline, bridge.credit) == ("EASTBROOK, March 3", "NWA")
    assert bridge.body_html == (
        "<p>Eastbrook City Council voted 9 to 2 on Tuesday night to repair the Millbank Bridge rather than "
        "replace it.</p><p>Work starts in January. The bridge stays open to walkers throughout, the city "
        'engineer said.</p><p>"It has stood for 140 years," said council member Tomas Reyes. "It can stand for '
        'another hundred."</p>'
    )
    assert bridge.slugline == "BC-Bridge-Vote"
    assert bridge.urgency == 3  # u: urgent
    assert bridge.subjects == [Subject(name="Domestic news", code="A", scheme="anpa-category")]
    assert bridge.version_created == datetime(2026, 3, 3, 22, 15, tzinfo=UTC)
    assert (bridge.pubstatus, bridge.signals, bridge.editorial_note, bridge.notes) == (USABLE, set(), "", [])


def test_a_later_take_in_the_same_file_is_joined_to_its_story_and_other_stories_stand_alone():
    gale, chess = parse("takes.dat").items
    assert gale.agency_id == "anpa:20260304:gale-warning"
    assert gale.body_html == (
        "<p>Forecasters issued a gale warning for the Eastbrook coast on Wednesday.</p>"
        "<p>The ferry to Saltmarsh Green will not sail on Thursday, the operator said.</p><p>Schools stay open.</p>"
    )  # "(MORE)" between the takes is gone
    assert gale.version_created == datetime(2026, 3, 4, 8, 14, tzinfo=UTC)  # the last take's time
    assert (chess.headline, chess.urgency) == ("Eastbrook teenager reaches national chess final", 5)
    assert chess.subjects == [Subject(name="Sports", code="S", scheme="anpa-category")]


def test_a_take_without_its_story_is_set_aside():
    parsed = parse("lone_add.dat")
    assert parsed.items == []
    assert "2nd Add" in parsed.rejected[0].reason and "first take" in parsed.rejected[0].reason


def test_writethru_correction_and_kill_keep_the_story_identity_by_keyword():
    [writethru], [correction], [kill] = (
        parse(name).items for name in ("writethru.dat", "correction.dat", "kill.dat")
    )
    assert writethru.agency_id == correction.agency_id == kill.agency_id == BRIDGE
    assert writethru.signals == {UPDATE}
    assert writethru.editorial_note == "1st Ld-Writethru\nUPDATES with cost estimate from city engineer."
    assert "$14.2 million" in writethru.body_html
    assert correction.signals == {CORRECTION}
    assert "CORRECTION: corrects vote count" in correction.editorial_note
    assert "8 to 3" in correction.body_html
    assert (kill.pubstatus, kill.body_html, kill.urgency) == (CANCELED, "", 2)
    assert "The vote was postponed" in kill.editorial_note
    assert kill.version_created > correction.version_created > writethru.version_created


def test_an_embargo_line_sets_the_release_time():
    [budget] = parse("embargo.dat").items
    assert budget.embargoed_until == datetime(2026, 3, 5, 15, 0, tzinfo=UTC)
    assert budget.headline == "Eastbrook budget puts harbour first"
    assert budget.subjects[0].code == "F"


def test_tabular_matter_is_kept_preformatted():
    data = message("nwa01\x1fr s0400\x13\x12 BC-Tide-Times 03-03 0010", "Tide times\r\nHigh\t0412\t1.9m\r\n")
    [tides] = ANPA1312Format().parse(data).items
    assert tides.body_html == "<pre>Tide times\nHigh\t0412\t1.9m</pre>"


def test_a_message_cut_short_is_rejected_with_its_reason_and_the_others_are_read():
    parsed = parse("truncated.dat")
    assert [item.headline for item in parsed.items] == ["Tide tables move online"]
    [cut] = parsed.rejected
    assert "no ETX" in cut.reason and "cut short" in cut.reason


def test_a_header_that_is_not_anpa_is_rejected_with_the_expected_shape():
    [rejected] = ANPA1312Format().parse(message("what is this", "Headline\r\n\tText.\r\n")).rejected
    assert "not an ANPA-1312 header" in rejected.reason


def test_an_unknown_priority_letter_sets_no_urgency_and_says_so():
    [item] = (
        ANPA1312Format().parse(message("nwa01\x1fz a0401 BC-Odd 03-03 0010", "Odd one\r\n\tText.\r\n")).items
    )
    assert item.urgency is None and "'z'" in item.notes[0]


def test_a_time_stamp_in_an_unknown_zone_is_not_guessed():
    [item] = (
        ANPA1312Format()
        .parse(message("nwa01\x1fr a0402 BC-Odd 03-03 0010", "Odd\r\n\tText.\r\n", "NWA-EB-03-03-26 1200XYZ"))
        .items
    )
    assert item.version_created is None and "XYZ" in item.notes[0]


@pytest.mark.parametrize("data", [b"", b"<nitf/>", b"\x16\x16 no start of header"])
def test_something_that_is_not_anpa_is_refused_as_a_whole(data):
    with pytest.raises(DeliveryError, match="not ANPA-1312"):
        ANPA1312Format().parse(data)


def test_sniffing_knows_anpa_by_its_sync_characters_and_leaves_7901_alone():
    assert sniff((FIXTURES / "story.dat").read_bytes()) == "anpa1312"
    assert not ANPA1312Format().sniff((FIXTURES.parent / "iptc7901" / "story.txt").read_bytes())
