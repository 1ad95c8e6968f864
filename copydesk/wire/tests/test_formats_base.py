"""What every delivery format shares: options, size cap, sniffing, dates, versions and statuses."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from copydesk.wire.formats import FORMATS, sniff
from copydesk.wire.formats.base import (
    ItemProblem,
    created_at,
    parse_when,
    read_pubstatus,
    read_signals,
    version_number,
)
from copydesk.wire.formats.ninjs import NinjsFormat
from copydesk.wire.items import CANCELED, CORRECTION, UPDATE, USABLE, WITHHELD, DeliveryError

FIXTURES = Path(__file__).parent / "fixtures"


def test_formats_are_registered_under_their_names():
    assert sorted(FORMATS) == [
        "anpa1312",
        "apjson",
        "atom",
        "iptc7901",
        "jsonfeed",
        "newsml",
        "newsml1",
        "ninjs",
        "nitf",
        "rss",
    ]
    assert all(cls.name == name and cls.label for name, cls in FORMATS.items())


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("rss/wire.xml", "rss"),
        ("atom/wire.xml", "atom"),
        ("jsonfeed/feed.json", "jsonfeed"),
        ("ninjs/v1_story.json", "ninjs"),
        ("ninjs/v1_list.json", "ninjs"),
        ("ninjs/v2_delivery.json", "ninjs"),
        ("ninjs/v3_story.json", "ninjs"),
        ("newsml/message.xml", "newsml"),
        ("newsml/item_kill.xml", "newsml"),
        ("iptc7901/story.txt", "iptc7901"),
        ("iptc7901/two_messages.txt", "iptc7901"),
        ("anpa1312/story.dat", "anpa1312"),
        ("anpa1312/takes.dat", "anpa1312"),
        ("apjson/story.json", "apjson"),
        ("apjson/feed.json", "apjson"),
        ("nitf/structured.xml", "nitf"),
        ("nitf/wrapper.xml", "nitf"),
        ("newsml1/text_structured.xml", "newsml1"),
    ],
)
def test_sniff_names_the_format_of_each_delivery(path, expected):
    assert sniff((FIXTURES / path).read_bytes()) == expected


def test_sniff_reads_past_a_byte_order_mark():
    assert sniff(b"\xef\xbb\xbf" + (FIXTURES / "rss/wire.xml").read_bytes()) == "rss"


def test_sniff_gives_none_for_something_else():
    assert sniff(b"<html><body>Eastbrook</body></html>") is None
    assert sniff(b"Eastbrook, Friday.") is None


def test_delivery_over_max_bytes_is_refused_with_what_to_do():
    class SmallNinjs(NinjsFormat):
        max_bytes = 100

    with pytest.raises(
        DeliveryError,
        match=r"The delivery is 202 bytes, over the limit of 100 bytes for IPTC ninjs. .*raise max_bytes",
    ):
        SmallNinjs().parse(b"[" + b" " * 200 + b"]")


def test_max_bytes_may_be_a_method():
    class SmallNinjs(NinjsFormat):
        def max_bytes(self):
            return 10

    with pytest.raises(DeliveryError, match="limit"):
        SmallNinjs().parse(b'{"uri": "urn:x", "headline": "Eastbrook"}')


def test_default_limit_is_twenty_mebibytes():
    assert NinjsFormat().option("max_bytes") == 20 * 1024 * 1024


def test_parse_takes_bytes_not_text():
    with pytest.raises(TypeError, match="takes the delivery's bytes, not str"):
        NinjsFormat().parse('{"uri": "urn:x"}')


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20T09:15:00Z", datetime(2026, 11, 20, 9, 15, tzinfo=UTC)),
        ("2026-11-20T10:15:00+01:00", datetime(2026, 11, 20, 9, 15, tzinfo=UTC)),
        ("2026-11-20T09:15:00", datetime(2026, 11, 20, 9, 15, tzinfo=UTC)),  # naive is UTC
        ("Fri, 20 Nov 2026 04:15:00 EST", datetime(2026, 11, 20, 9, 15, tzinfo=UTC)),
        ("20 Nov 2026 09:15 GMT", datetime(2026, 11, 20, 9, 15, tzinfo=UTC)),
        ("2026-11-20 09:15:00 +0000", datetime(2026, 11, 20, 9, 15, tzinfo=UTC)),
    ],
)
def test_dates_are_read_as_aware_utc_times(text, expected):
    when = parse_when(text, "versioncreated")
    assert when == expected
    assert when.tzinfo is UTC


def test_missing_date_is_none():
    assert parse_when(None, "versioncreated") is None
    assert parse_when("", "versioncreated") is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2026-02-31T10:00", "versioncreated '2026-02-31T10:00' is not a real date"),
        (
            "Tue, 31 Feb 2026 10:00:00 GMT",
            "versioncreated 'Tue, 31 Feb 2026 10:00:00 GMT' is not a real date",
        ),
        ("2026-11-20T25:00:00Z", "versioncreated '2026-11-20T25:00:00Z' is not a real date"),
        ("20261120T100000+3000", "versioncreated '20261120T100000+3000' is not a real date"),  # 30 h offset
        ("00010101T000000+0100", "versioncreated '00010101T000000+0100' is not a real date"),  # before year 1
        ("after lunch", "versioncreated 'after lunch' is not a date"),
        ("10:00", "versioncreated '10:00' is not a date"),  # no day: never today by default
        ("2026-11-20 10:00 XYZT", "versioncreated '2026-11-20 10:00 XYZT' is not a date"),  # unknown zone
        # dateutil reads the seconds as a Decimal, which raised DivisionImpossible (found by the fuzzer)
        ("0:99999999900999999999999999999", "versioncreated '0:99999999900999999999999999999' is not a date"),
    ],
)
def test_unreadable_dates_give_the_reason_an_editor_sees(text, reason):
    with pytest.raises(ItemProblem) as problem:
        parse_when(text, "versioncreated")
    assert str(problem.value) == reason


def test_version_time_more_than_a_day_ahead_is_taken_as_now_with_a_note():
    notes = []
    before = datetime.now(UTC)
    when = created_at("2099-01-01T00:00:00Z", "versioncreated", notes)
    assert before <= when <= datetime.now(UTC)
    assert notes == [
        "versioncreated '2099-01-01T00:00:00Z' is more than a day ahead of our clock; taken as the time it arrived"
    ]


def test_version_time_a_few_hours_ahead_is_kept():
    notes = []
    soon = (datetime.now(UTC) + timedelta(hours=3)).replace(microsecond=0)
    assert created_at(soon.isoformat(), "versioncreated", notes) == soon
    assert notes == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3", 3),
        (3, 3),
        (" 12 ", 12),
        ("0", 0),
        ("2a", None),
        ("r7", None),
        (-1, None),
        (True, None),
        (None, None),
        (2.5, None),
    ],
)
def test_version_is_a_count_or_none(value, expected):
    assert version_number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, USABLE),
        ("usable", USABLE),
        ("stat:withheld", WITHHELD),
        ("http://cv.iptc.org/newscodes/pubstatusg2/canceled", CANCELED),
        ("Cancelled", CANCELED),
        ("stat:withdrawn", CANCELED),
    ],
)
def test_statuses_map_to_the_three_iptc_values(value, expected):
    assert read_pubstatus(value) == expected


def test_unknown_status_is_a_problem_not_a_guess():
    with pytest.raises(ItemProblem, match="pubstatus 'archived' is not one Copydesk knows"):
        read_pubstatus("archived")


def test_signals_are_read_from_codes_names_and_uris():
    assert read_signals(["sig:correction"]) == {CORRECTION}
    assert read_signals(["http://cv.iptc.org/newscodes/signal/update", "Correction"]) == {CORRECTION, UPDATE}
    assert read_signals(["sig:cwarn", "nmsig:atomic"]) == set()
