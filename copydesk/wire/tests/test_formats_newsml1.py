"""IPTC NewsML 1.2 deliveries, from fixtures of an invented agency (Tidewater News Service)."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.formats import sniff
from copydesk.wire.formats.newsml1 import NewsML1Format
from copydesk.wire.items import (
    CANCELED,
    CORRECTION,
    GRAPHIC,
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
from copydesk.wire.models import Rejection, WireItem

from .builders import make_source

FIXTURES = Path(__file__).parent / "fixtures" / "newsml1"
BARRIER = "urn:newsml:tidewater.example:20261207:TNS-0412"


def parse(name):
    return NewsML1Format().parse((FIXTURES / name).read_bytes())


def only(name):
    parsed = parse(name)
    assert parsed.rejected == []
    [item] = parsed.items
    return item


def tight(html):
    """The HTML without the XML file's indentation between tags."""
    return re.sub(r">\s+<", "><", html)


def test_news_item_metadata_is_read_field_by_field():
    barrier = only("text_structured.xml")
    # The identity leaves out the revision, so that every revision is the same story.
    assert (barrier.agency_id, barrier.version) == (BARRIER, 1)
    assert barrier.headline == "Saltmere tide barrier to close twice as often by 2040"
    assert (
        barrier.summary == "Engineers say rising seas leave the town's defences working harder every winter"
    )
    assert barrier.byline == "Petra Lund"  # "By" left to the article page
    assert barrier.dateline == "SALTMERE, Dec 7"
    assert (barrier.credit, barrier.slugline) == ("TNS", "saltmere-barrier")
    assert barrier.copyright == "(c) 2026 Tidewater News Service"
    assert barrier.usage_terms == "Online and print. Worldwide except Norland. Not for resale."
    assert (barrier.language, barrier.urgency) == ("en", 3)
    assert barrier.first_created == datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
    assert barrier.version_created == datetime(2026, 12, 7, 10, 10, tzinfo=UTC)
    assert (barrier.pubstatus, barrier.embargoed_until, barrier.signals) == (USABLE, None, set())
    assert barrier.editorial_note == "Graphic of the barrier to follow."
    assert barrier.places == ["Saltmere", "Norland"]  # the most specific first
    assert barrier.subjects == [
        Subject("environmental issue", "06000000", "iptc-subjectcode"),
        Subject("06005000", "06005000", "iptc-subjectcode"),
        Subject("Current", "", "genre"),
    ]
    assert barrier.keywords == ["environmental issue", "flood defences", "Saltmere", "sea level"]
    assert (barrier.kind, barrier.pictures) == (TEXT, [])


def test_nitf_data_content_keeps_its_structure():
    assert only("text_structured.xml").body_html == (
        "<p>The Saltmere tide barrier closed 14 times last winter, and engineers expect twice that by 2040.</p>"
        "<h2>Why it matters</h2>"
        "<ul><li>The barrier protects 9,000 homes.</li><li>Each closure costs about 40,000 crowns.</li></ul>"
        "<table><tr><th>Winter</th><th>Closures</th></tr><tr><td>2016</td><td>6</td></tr>"
        "<tr><td>2026</td><td>14</td></tr></table>"
        "<p>The council will vote on new gates in the spring.</p>"
    )


def test_text_item_carries_its_photo_components_as_pictures():
    regatta = only("text_with_pictures.xml")
    assert regatta.kind == TEXT
    assert (regatta.byline, regatta.dateline) == ("Anders Moe", "SALTMERE, Dec 7")
    assert tight(regatta.body_html) == (
        "<p>Three hundred boats sailed in the winter regatta, the most in its 60 years.</p>"
        "<p>The youngest skipper was eleven.</p>"
    )  # the captions stay out of the body
    assert regatta.pictures == [
        ImageRef(
            url="https://photos.tidewater.example/5501/preview.jpg",  # the widest JPEG, not the TIFF
            caption="Boats round the first mark off Saltmere harbour.",
            credit="Sofie Dahl/TNS",
            alt="Boats round the first mark off Saltmere harbour.",
            byline="Sofie Dahl",
            copyright="(c) 2026 Tidewater News Service",
            kind=PICTURE,
            mime="image/jpeg",
        ),
        ImageRef(
            url="https://photos.tidewater.example/5502/web.png",
            caption="Skipper Ella Brand, 11, at the helm.",
            credit="Saltmere Sailing Club",
            alt="Skipper Ella Brand, 11, at the helm.",
            kind=GRAPHIC,
            mime="image/png",
        ),
    ]
    assert regatta.renditions == []


def test_photo_item_is_a_picture_with_its_renditions_caption_and_credit():
    frost = only("photo_item.xml")
    assert (frost.kind, frost.body_html) == (PICTURE, "")
    assert frost.summary == "Frost covers the salt marsh east of Saltmere at dawn."
    assert (frost.credit, frost.byline) == ("Sofie Dahl/TNS", "Sofie Dahl")
    assert frost.renditions == [
        Rendition("https://photos.tidewater.example/0077/preview.jpg", "image/jpeg", 800, 533, "Preview"),
        Rendition("https://photos.tidewater.example/0077/high.jpg", "image/jpeg", 4000, 2667, "HighRes"),
    ]
    assert frost.image.url == "https://photos.tidewater.example/0077/high.jpg"
    assert frost.image.caption == frost.summary


def test_video_item_is_a_video_whose_playable_rendition_leads():
    video = only("video_item.xml")
    assert (video.kind, video.credit) == (VIDEO, "TNS Video")
    assert video.summary == "The Saltmere barrier gates swing shut ahead of a high tide."
    assert [(r.mime, r.width) for r in video.renditions] == [("video/mp4", 1920), ("video/quicktime", 3840)]
    assert video.image.url == "https://video.tidewater.example/0012/1080.mp4"


def test_correction_is_the_same_story_with_its_revision_and_signals():
    correction = only("correction.xml")
    assert (correction.agency_id, correction.version) == (BARRIER, 2)
    assert correction.signals == {CORRECTION, UPDATE}
    assert correction.editorial_note == "CORRECTS number of homes protected to 9,000, not 19,000."
    assert correction.body_html == (
        "<p>The barrier protects 9,000 homes.</p><p>The council will vote on new gates in the spring.</p>"
    )


def test_canceled_item_without_component_gets_through():
    kill = only("kill.xml")
    assert (kill.agency_id, kill.version, kill.pubstatus, kill.headline, kill.body_html) == (
        BARRIER,
        3,
        CANCELED,
        "",
        "",
    )


def test_embargoed_status_takes_the_status_change_time():
    oysters = only("embargo.xml")
    assert (oysters.pubstatus, oysters.embargoed_until) == (USABLE, datetime(2031, 3, 2, 5, 0, tzinfo=UTC))
    assert oysters.body_html == "<p>Divers counted oysters on <strong>all six</strong> beds surveyed.</p>"


def test_embargoed_without_a_time_is_held_as_withheld_with_a_note():
    budget = only("embargo_no_time.xml")
    assert (budget.pubstatus, budget.embargoed_until) == (WITHHELD, None)
    assert budget.notes == [
        "embargoed with no release time (StatusWillChange); held as withheld until the agency sends one"
    ]


def test_several_items_in_their_languages_and_the_catalog_skipped():
    assert len(parse("multilingual.xml").items) == 3  # the Catalog item is no story
    german, italian, _ = parse("multilingual.xml").items
    assert (german.language, german.byline, german.urgency) == ("de", "Von Petra Lund", 2)
    assert german.headline == "Sturmflutsperre von Saltmere schließt immer öfter"
    assert german.dateline == "SALTMERE, 7. Dezember"
    assert (italian.language, italian.byline) == ("it", "di Marco Vela")
    assert italian.urgency == 5  # none of its own: the envelope's priority
    assert italian.body_html == "<p>La barriera si è chiusa 14 volte lo scorso inverno.</p>"


def test_a_whole_nitf_document_fills_in_what_the_news_lines_leave_out():
    keepers = parse("multilingual.xml").items[2]
    assert (keepers.headline, keepers.byline, keepers.dateline) == (
        "Saltmere barrier keepers train two apprentices",
        "Petra Lund",
        "SALTMERE, Dec 7",
    )
    assert (keepers.summary, keepers.language) == ("The first new keepers in twenty years.", "en-GB")
    assert keepers.body_html == "<p>Both apprentices grew up in the town.</p>"


def test_bad_items_are_rejected_with_reasons_and_the_rest_read():
    parsed = parse("bad_items.xml")
    [good] = parsed.items
    assert (good.agency_id, good.version) == ("urn:newsml:tidewater.example:20261207:TNS-0504", None)
    assert [(r.reason, r.agency_id, r.headline) for r in parsed.rejected] == [
        (
            "no id: NewsIdentifier needs ProviderId, DateId and NewsItemId, or a PublicIdentifier",
            "",
            "Saltmere bridge repainted",
        ),
        (
            "ThisRevisionCreated '20260231T100000+0000' is not a real date",
            "urn:newsml:tidewater.example:20261207:TNS-0502",
            "Saltmere market hall to reopen",
        ),
        (
            "Status 'pending' is not one Copydesk knows (usable, withheld or canceled)",
            "urn:newsml:tidewater.example:20261207:TNS-0503",
            "Status nobody knows",
        ),
    ]
    assert parsed.rejected[0].excerpt.startswith("<NewsItem>")


def test_not_xml_is_refused_whole():
    with pytest.raises(DeliveryError, match="not well-formed XML"):
        NewsML1Format().parse(b"SALTMERE, Dec 7 -- barrier closes")


def test_newsml_g2_is_refused_and_pointed_to_its_own_format():
    with pytest.raises(
        DeliveryError, match=r"This is not NewsML 1: the root element is <newsMessage>.*NewsML-G2"
    ):
        NewsML1Format().parse((FIXTURES.parent / "newsml" / "message.xml").read_bytes())


def test_entity_declarations_are_refused():
    document = (
        '<!DOCTYPE NewsML [<!ENTITY a "tide"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>&b;</HeadLine></NewsLines>"
        "</NewsComponent></NewsItem></NewsML>"
    )
    with pytest.raises(DeliveryError, match="XML entity declarations are refused"):
        NewsML1Format().parse(document.encode())


@pytest.mark.parametrize("name", ["text_structured.xml", "multilingual.xml", "kill.xml", "photo_item.xml"])
def test_sniff_recognises_newsml1_and_no_other_format_claims_it(name):
    data = (FIXTURES / name).read_bytes()
    assert sniff(data) == "newsml1"
    assert not NewsML1Format().sniff((FIXTURES.parent / "nitf" / "structured.xml").read_bytes())
    assert not NewsML1Format().sniff((FIXTURES.parent / "newsml" / "message.xml").read_bytes())


@pytest.mark.django_db
def test_each_fixture_goes_through_ingest_into_wire_items():
    source = make_source(format="newsml1")
    for name in (
        "text_structured.xml",
        "text_with_pictures.xml",
        "multilingual.xml",
        "embargo.xml",
        "photo_item.xml",
    ):
        delivery = ingest_delivery(source, (FIXTURES / name).read_bytes(), name)
        assert delivery.completed_at and "rejected" not in delivery.counts, (name, delivery.counts)
    barrier = WireItem.objects.get(agency=source.agency, guid=BARRIER)
    assert (barrier.headline, barrier.byline, barrier.version, barrier.credit) == (
        "Saltmere tide barrier to close twice as often by 2040",
        "Petra Lund",
        1,
        "TNS",
    )
    assert "<h2>Why it matters</h2><ul><li>" in barrier.body_html
    regatta = WireItem.objects.get(
        agency=source.agency, guid="urn:newsml:tidewater.example:20261207:TNS-0430"
    )
    assert (regatta.image_url, regatta.image_caption, regatta.image_credit) == (
        "https://photos.tidewater.example/5501/preview.jpg",
        "Boats round the first mark off Saltmere harbour.",
        "Sofie Dahl/TNS",
    )
    oysters = WireItem.objects.get(
        agency=source.agency, guid="urn:newsml:tidewater.example:20261207:TNS-0420"
    )
    assert oysters.embargoed_until == datetime(2031, 3, 2, 5, 0, tzinfo=UTC)
    assert WireItem.objects.filter(source=source).count() == 7

    assert ingest_delivery(source, (FIXTURES / "correction.xml").read_bytes(), "c").counts == {"corrected": 1}
    assert ingest_delivery(source, (FIXTURES / "kill.xml").read_bytes(), "k").counts == {"withdrawn": 1}
    assert WireItem.objects.get(pk=barrier.pk).pubstatus == CANCELED

    bad = ingest_delivery(source, (FIXTURES / "bad_items.xml").read_bytes(), "bad")
    assert bad.counts == {"rejected": 3, "new": 1}
    assert Rejection.objects.filter(delivery=bad).count() == 3
