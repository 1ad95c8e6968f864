"""IPTC NITF 3.x deliveries, from fixtures of an invented agency (Larkspur Press Agency)."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.formats import sniff
from copydesk.wire.formats.nitf import NITFFormat
from copydesk.wire.items import (
    CANCELED,
    CORRECTION,
    PICTURE,
    TEXT,
    USABLE,
    VIDEO,
    WITHHELD,
    DeliveryError,
    ImageRef,
    Rendition,
    Subject,
)
from copydesk.wire.models import Rejection, WireItem

from .builders import make_source

FIXTURES = Path(__file__).parent / "fixtures" / "nitf"
FERRY = "lpa:20261207:corven-ferry"


def parse(name):
    return NITFFormat().parse((FIXTURES / name).read_bytes())


def only(name):
    parsed = parse(name)
    assert parsed.rejected == []
    [item] = parsed.items
    return item


def test_story_metadata_is_read_field_by_field():
    ferry = only("structured.xml")
    assert ferry.agency_id == FERRY
    assert ferry.headline == "Corven ferries cut to two crossings a day for the winter"
    assert ferry.summary == "The ferry company says falling winter traffic leaves it no choice."
    assert ferry.byline == "Mara Quell, Larkspur Press Agency"  # "By" left to the article page
    assert ferry.dateline == "CORVEN, 7 December"
    assert ferry.credit == "LPA"
    assert ferry.language == "en-GB"
    assert ferry.urgency == 3
    assert ferry.version == 1
    assert ferry.version_created == ferry.first_created == datetime(2026, 12, 7, 7, 15, tzinfo=UTC)
    assert (ferry.pubstatus, ferry.embargoed_until, ferry.signals) == (USABLE, None, set())
    assert ferry.slugline == "corven-ferry"
    assert ferry.copyright == "Copyright 2026 Larkspur Press Agency"
    assert ferry.usage_terms == "No archive use after 30 days. Territory: Europe."
    assert ferry.places == ["Corven", "Westmarch", "Norland"]
    assert ferry.subjects == [
        Subject("economy, business and finance", "04000000", "iptc-subjectcode"),
        Subject("shipping", "04015001", "iptc-subjectcode"),
        Subject("Regional", "", "lpa:desk"),
        Subject("Ilse Varrow", "", "person"),
        Subject("Westmarch Ferry Company", "lpa:org:4411", "organisation"),
    ]
    assert ferry.keywords == ["economy, business and finance", "shipping", "ferries", "Corven"]
    assert (
        ferry.editorial_note == "Timetable to follow as a separate graphic."
    )  # the npa note, out of the body
    assert (ferry.kind, ferry.pictures, ferry.renditions) == (TEXT, [], [])


def test_body_keeps_headings_lists_and_tables_and_drops_scripted_links():
    assert only("structured.xml").body_html == (
        "<p>The Westmarch Ferry Company will run two crossings a day to Corven from January, down from "
        "five, its director Ilse Varrow said on Saturday.</p>"
        "<h2>What changes</h2>"
        "<ul><li>The 06:40 and 17:10 sailings stay.</li><li>The midday sailings end on <em>January 4</em>.</li></ul>"
        "<h3>Crossings by month</h3>"
        "<table><tr><th>Month</th><th>Crossings</th></tr><tr><td>December</td><td>5</td></tr>"
        "<tr><td>January</td><td>2</td></tr></table>"
        '<ol><li>Book ahead online.</li><li>Check the <a href="https://ferries.lpa.example/corven">timetable</a> '
        "before travelling.</li></ol>"
        "<p>The council will discuss the cut on Thursday.</p>"
        "<p>Additional reporting by Tomas Brenn.</p>"
    )


def test_media_become_pictures_with_captions_and_credits_not_body_text():
    lighthouse = only("pictures.xml")  # in the NITF 3.4+ namespace
    assert lighthouse.body_html == (
        "<p>The lighthouse at Skerry Point opened its lamp room to visitors on Sunday.</p>"
        "<p>Restoration took three years and cost 2.1 million crowns.</p>"
        "<p>Tours run at weekends until March.</p>"
    )
    assert lighthouse.pictures == [
        ImageRef(
            url="https://img.lpa.example/771/web.jpg",  # the widest JPEG, not the TIFF master
            caption="The restored lighthouse at Skerry Point on Sunday.",
            credit="Kai Sorel/LPA",
            alt="A white lighthouse on a rocky point under grey cloud",
            byline="Kai Sorel",
            mime="image/jpeg",
            agency_id="lpa-pic-771",
        ),
        ImageRef(
            url="https://img.lpa.example/772/web.png",
            caption="Keeper's logbooks from 1890 on display.",
            credit="Westmarch Museum",
            alt="Keeper's logbooks from 1890 on display.",
            mime="image/png",
        ),
    ]  # the third media points at a local file and is left out
    assert (lighthouse.byline, lighthouse.dateline, lighthouse.language) == (
        "Oren Falk",
        "SKERRY POINT, Norland",
        "en",
    )


def test_picture_item_is_a_picture_with_its_renditions():
    surf = only("picture_item.xml")
    assert (surf.kind, surf.body_html) == (PICTURE, "")
    assert surf.summary == "Waves break over the harbour wall at Corven as the storm passes."
    assert (surf.credit, surf.byline) == ("Kai Sorel/LPA", "Kai Sorel")
    assert surf.renditions == [
        Rendition("https://img.lpa.example/790/preview.jpg", "image/jpeg", 640, 427, "preview"),
        Rendition("https://img.lpa.example/790/high.jpg", "image/jpeg", 3000, 2000, "highRes"),
    ]
    assert surf.image.url == "https://img.lpa.example/790/high.jpg"


def test_video_item_is_a_video_with_its_renditions():
    video = only("video_item.xml")
    assert (video.kind, video.body_html, video.credit) == (VIDEO, "", "LPA Video")
    assert [r.name for r in video.renditions] == ["720p", "360p"]
    assert video.image.kind == VIDEO and video.image.url.endswith("720p.mp4")


def test_correction_carries_its_signal_version_and_notes():
    correction = only("correction.xml")
    assert (correction.agency_id, correction.version, correction.signals) == (FERRY, 2, {CORRECTION})
    assert correction.editorial_note == (
        "Corrects time of first sailing in list.\nCORRECTS first sailing to 06:40, not 06:10."
    )
    assert correction.byline == "Mara Quell"


def test_kill_named_by_the_editorial_message_gets_through_without_a_headline():
    kill = only("kill.xml")
    assert (kill.agency_id, kill.version, kill.pubstatus, kill.headline, kill.body_html) == (
        FERRY,
        3,
        CANCELED,
        "",
        "",
    )
    assert kill.editorial_note.startswith("KILL: story withdrawn")


def test_withheld_management_status_is_read():
    held = only("withheld.xml")
    assert (held.pubstatus, held.editorial_note) == (
        WITHHELD,
        "HOLD: figures being checked with the ferry company.",
    )


def test_embargoed_status_takes_the_release_time_as_the_embargo():
    census = only("embargo.xml")
    assert (census.pubstatus, census.embargoed_until) == (USABLE, datetime(2031, 3, 2, 5, 0, tzinfo=UTC))


def test_release_time_after_the_issue_time_is_an_embargo_even_when_usable():
    exams = only("release_later_than_issue.xml")
    assert exams.embargoed_until == datetime(2031, 8, 15, 7, 0, tzinfo=UTC)


def test_release_time_equal_to_the_issue_time_is_no_embargo():
    assert only("structured.xml").embargoed_until is None


@pytest.mark.parametrize(
    ("docdata", "expected"),
    [
        ('<ed-msg info="EMBARGOED until 06:00 CET 2 March."/>', datetime(2031, 3, 2, 5, 0, tzinfo=UTC)),
        ('<ed-msg msg-type="embargo"/>', datetime(2031, 3, 2, 5, 0, tzinfo=UTC)),
        ('<ed-msg info="Embargo lifted; may be used at once."/>', None),
        ("", None),  # no word of an embargo, and no issue time to compare the release with
    ],
)
def test_an_embargo_editorial_message_makes_the_release_time_an_embargo(docdata, expected):
    document = (
        f'<nitf><head><docdata><doc-id id-string="lpa:x"/><date.release norm="20310302T060000+0100"/>{docdata}'
        "</docdata></head><body><body.head><hedline><hl1>Puffins</hl1></hedline></body.head></body></nitf>"
    )
    [item] = NITFFormat().parse(document.encode()).items
    assert (item.pubstatus, item.embargoed_until) == (USABLE, expected)


def test_embargo_without_a_release_time_is_held_as_withheld_with_a_note():
    budget = only("embargo_no_time.xml")
    assert (budget.pubstatus, budget.embargoed_until) == (WITHHELD, None)
    assert budget.notes == [
        "embargoed with no release time (date.release); held as withheld until the agency sends one"
    ]


def test_language_comes_from_xml_lang_and_a_foreign_byline_word_stays():
    german = only("german.xml")  # names the NITF DTD, which is never read
    assert (german.language, german.byline, german.dateline) == (
        "de",
        "Von Jana Wirtz",
        "CORVEN, 7. Dezember",
    )
    assert german.headline == "Fähre nach Corven fährt im Winter nur noch zweimal täglich"


def test_wrapper_with_several_documents_gives_each_one():
    italian, bus = parse("wrapper.xml").items
    assert (italian.agency_id, italian.language, italian.byline) == (
        "lpa:20261207:it:traghetto",
        "it",
        "di Lucia Ferri",
    )
    # No doc-id: the nitf@uno attribute is the identity; no hedline: the head's title is the headline.
    assert (bus.agency_id, bus.headline) == ("lpa-uno-20261207-0042", "Corven school bus")
    assert bus.dateline == "CORVEN, 7 December"  # a block's dateline, kept out of the body
    assert bus.body_html == "<p>The school bus will meet both remaining ferries.</p>"


def test_bad_documents_are_rejected_with_reasons_and_the_rest_read():
    parsed = parse("bad_items.xml")
    assert [i.agency_id for i in parsed.items] == ["lpa:20261207:good"]
    assert parsed.items[0].version is None  # du-key version "v2" is not a count
    assert [(r.reason, r.agency_id, r.headline) for r in parsed.rejected] == [
        (
            "no id: the document has neither docdata/doc-id@id-string nor nitf@uno",
            "",
            "Corven harbour dredging delayed",
        ),
        (
            "date.issue '20260231T100000Z' is not a real date",
            "lpa:20261207:impossible-date",
            "Skerry road reopens",
        ),
        ("no headline (body.head/hedline/hl1 or head/title)", "lpa:20261207:no-headline", ""),
        (
            "management-status 'on-hold' is not one Copydesk knows (usable, withheld or canceled)",
            "lpa:20261207:odd-status",
            "Odd status",
        ),
    ]
    assert parsed.rejected[0].excerpt.startswith("<nitf>")


def test_not_xml_is_refused_whole():
    with pytest.raises(DeliveryError, match="not well-formed XML"):
        NITFFormat().parse(b"CORVEN, 7 December -- ferries cut")


def test_newsml_carrying_nitf_is_refused_with_the_format_to_choose():
    with pytest.raises(DeliveryError, match=r"This is IPTC NewsML 1.2, not NITF.*set the source's format"):
        NITFFormat().parse((FIXTURES.parent / "newsml1" / "text_structured.xml").read_bytes())


def test_subheadline_is_the_summary_when_there_is_no_abstract():
    document = (
        '<nitf><head><docdata><doc-id id-string="lpa:x"/></docdata></head><body><body.head>'
        "<hedline><hl1>Puffins return</hl1><hl2>Early, and in numbers</hl2></hedline></body.head></body></nitf>"
    )
    assert NITFFormat().parse(document.encode()).items[0].summary == "Early, and in numbers"


def test_xml_without_nitf_is_refused_with_its_root_named():
    with pytest.raises(DeliveryError, match=r"This is not NITF: the root element is <rss>"):
        NITFFormat().parse(b"<rss><channel><title>x</title></channel></rss>")


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE nitf [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE nitf [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_entity_declarations_are_refused(doctype):
    document = f'{doctype}<nitf><head><docdata><doc-id id-string="x"/></docdata></head><body/></nitf>'
    with pytest.raises(DeliveryError, match="XML entity declarations are refused"):
        NITFFormat().parse(document.encode())


def test_a_named_dtd_is_never_read(tmp_path):
    dtd = tmp_path / "nitf.dtd"
    dtd.write_text('<!ENTITY leak "read from the DTD">')
    document = (
        f'<!DOCTYPE nitf SYSTEM "{dtd.as_uri()}"><nitf><head><docdata><doc-id id-string="x"/></docdata></head>'
        "<body><body.head><hedline><hl1>Harbour &leak;</hl1></hedline></body.head></body></nitf>"
    )
    items = NITFFormat().parse(document.encode()).items
    assert "read from the DTD" not in (items[0].headline if items else "")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("structured.xml", "nitf"), ("wrapper.xml", "nitf"), ("german.xml", "nitf"), ("pictures.xml", "nitf")],
)
def test_sniff_recognises_nitf_and_its_wrappers(name, expected):
    assert sniff((FIXTURES / name).read_bytes()) == expected


def test_sniff_leaves_newsml_with_nitf_inside_to_its_own_formats():
    newsml1 = (FIXTURES.parent / "newsml1" / "text_structured.xml").read_bytes()
    g2 = (FIXTURES.parent / "newsml" / "message.xml").read_bytes()
    assert not NITFFormat().sniff(newsml1) and not NITFFormat().sniff(g2)
    assert (sniff(newsml1), sniff(g2)) == ("newsml1", "newsml")


@pytest.mark.django_db
def test_each_fixture_goes_through_ingest_into_wire_items():
    source = make_source(format="nitf")
    for name in (
        "structured.xml",
        "pictures.xml",
        "german.xml",
        "wrapper.xml",
        "embargo.xml",
        "picture_item.xml",
    ):
        delivery = ingest_delivery(source, (FIXTURES / name).read_bytes(), name)
        assert delivery.completed_at and "rejected" not in delivery.counts, (name, delivery.counts)
    ferry = WireItem.objects.get(agency=source.agency, guid=FERRY)
    assert (ferry.headline, ferry.byline, ferry.version) == (
        "Corven ferries cut to two crossings a day for the winter",
        "Mara Quell, Larkspur Press Agency",
        1,
    )
    assert "<h2>What changes</h2><ul><li>" in ferry.body_html
    lighthouse = WireItem.objects.get(agency=source.agency, guid="lpa:20261207:lighthouse")
    assert (lighthouse.image_url, lighthouse.image_caption, lighthouse.image_credit) == (
        "https://img.lpa.example/771/web.jpg",
        "The restored lighthouse at Skerry Point on Sunday.",
        "Kai Sorel/LPA",
    )
    census = WireItem.objects.get(agency=source.agency, guid="lpa:20261207:seabird-census")
    assert census.embargoed_until == datetime(2031, 3, 2, 5, 0, tzinfo=UTC)
    assert WireItem.objects.filter(source=source).count() == 7

    assert ingest_delivery(source, (FIXTURES / "correction.xml").read_bytes(), "c").counts == {"corrected": 1}
    assert ingest_delivery(source, (FIXTURES / "kill.xml").read_bytes(), "k").counts == {"withdrawn": 1}
    assert WireItem.objects.get(pk=ferry.pk).pubstatus == CANCELED

    bad = ingest_delivery(source, (FIXTURES / "bad_items.xml").read_bytes(), "bad")
    assert bad.counts == {"rejected": 4, "new": 1}
    assert Rejection.objects.filter(delivery=bad).count() == 4
