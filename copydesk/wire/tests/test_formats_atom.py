"""Atom 1.0 deliveries, from fixtures of an invented agency (Harbour News Agency)."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.formats.rss_atom import AtomFormat
from copydesk.wire.items import CANCELED, CORRECTION, DeliveryError, ImageRef, Subject

FIXTURES = Path(__file__).parent / "fixtures" / "atom"


def parse(name):
    return AtomFormat().parse((FIXTURES / name).read_bytes())


def test_entries_are_read_with_times_in_utc():
    dredging = parse("wire.xml").items[0]
    assert dredging.agency_id == "tag:harbournews.example,2026:hna-eb-3101"
    assert dredging.headline == "Eastbrook harbour dredging to finish before spring tides"
    assert dredging.version_created == datetime(2026, 11, 20, 7, 45, tzinfo=UTC)
    assert dredging.first_created == datetime(2026, 11, 20, 5, 30, tzinfo=UTC)
    assert dredging.summary == "Work on the outer channel ends in February."
    assert dredging.byline == "Tomas Brennick"
    assert dredging.keywords == ["Harbour", "Eastbrook"]
    assert dredging.language == "en"
    assert dredging.copyright == "© 2026 Harbour News Agency"
    assert dredging.link == "https://harbournews.example/eastbrook/dredging"
    assert dredging.image == ImageRef(url="https://img.harbournews.example/eb/dredger.jpg", mime="image/jpeg")
    assert dredging.subjects == [Subject("Harbour", scheme="keyword"), Subject("Eastbrook", scheme="keyword")]


def test_html_content_keeps_nested_markup_and_tails():
    assert parse("wire.xml").items[0].body_html == (
        "<p>The dredger <em>Gull</em> will leave "
        '<a href="https://harbournews.example/eastbrook">Eastbrook <em>outer</em> harbour</a>'
        " in February, the port said.</p>"
    )


def test_xhtml_content_and_several_authors():
    kayakers = parse("wire.xml").items[1]
    assert (
        kayakers.body_html
        == "<p>Two kayakers were brought ashore at <strong>Eastbrook</strong> on Friday.</p>"
    )
    assert kayakers.byline == "Ruth Okafor, Dev Anand"
    assert kayakers.signals == {CORRECTION}
    assert kayakers.link == ""  # a tag: id is not a page to link to


def test_tombstone_is_a_kill_of_the_entry_it_names():
    kill = parse("wire.xml").items[2]
    assert kill.agency_id == "tag:harbournews.example,2026:hna-eb-3090"
    assert kill.pubstatus == CANCELED
    assert kill.version_created == datetime(2026, 11, 20, 12, 55, tzinfo=UTC)
    assert kill.editorial_note == "KILL: story withdrawn, legal advice. Remove all versions."


def test_entry_without_id_or_link_is_rejected_and_the_rest_parsed():
    parsed = parse("bad_items.xml")
    assert [i.agency_id for i in parsed.items] == ["tag:harbournews.example,2026:hna-eb-3111"]
    assert [(r.reason, r.headline) for r in parsed.rejected] == [
        ("no id (guid or link)", "Eastbrook tram depot plans go on show"),
        ("updated '2026-13-40T25:00:00Z' is not a real date", "Eastbrook pier lights switched on"),
    ]


def test_update_time_years_ahead_is_taken_as_arrival_time_with_a_note():
    before = datetime.now(UTC)
    fares = parse("bad_items.xml").items[0]
    assert before <= fares.version_created <= datetime.now(UTC)
    assert fares.first_created == datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    assert fares.notes == [
        "updated '2099-01-01T00:00:00Z' is more than a day ahead of our clock; taken as the time it arrived"
    ]


def test_truncated_feed_is_refused():
    with pytest.raises(DeliveryError, match="the delivery looks truncated"):
        parse("truncated.xml")


def test_entry_language_scheme_categories_and_media_pictures():
    german, english = AtomFormat().parse((FIXTURES / "languages.xml").read_bytes()).items
    assert (german.language, english.language) == ("de", "en")  # the entry's xml:lang, else the feed's
    assert german.byline == "Lena Vogt"
    assert german.subjects == [
        Subject("Häfen", "medtop:20000554", "http://cv.iptc.org/newscodes/mediatopic/"),
        Subject("Eastbrook", scheme="keyword"),
    ]
    assert german.keywords == ["Häfen", "Eastbrook"]  # the label, readable, before the code
    assert german.pictures == [
        ImageRef(
            url="https://img.harbournews.example/de-1.jpg",
            caption="Der Bagger im Hafen.",
            credit="HNA/Vogt",
            alt="Der Bagger im Hafen.",
            mime="image/jpeg",
        )
    ]
    assert english.pictures == []
