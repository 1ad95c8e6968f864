"""IPTC NewsML-G2 deliveries, from fixtures of an invented agency (Harbour News Agency)."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from copydesk.wire.formats.newsml_g2 import NewsMLFormat
from copydesk.wire.items import (
    CANCELED,
    CONCEPT,
    CORRECTION,
    GRAPHIC,
    PACKAGE,
    PICTURE,
    TEXT,
    UPDATE,
    USABLE,
    WITHHELD,
    DeliveryError,
    ImageRef,
    Rendition,
    Subject,
)

FIXTURES = Path(__file__).parent / "fixtures" / "newsml"
TERMINAL = "urn:newsml:harbournews.example:20261120:hna-eb-5001"


def parse(name):
    return NewsMLFormat().parse((FIXTURES / name).read_bytes())


def test_news_message_gives_each_item_with_its_kind_and_the_package_its_members():
    parsed = parse("message.xml")
    assert [(i.agency_id, i.kind) for i in parsed.items] == [
        (TERMINAL, TEXT),
        (f"{TERMINAL[:-4]}5002", TEXT),
        (f"{TERMINAL}-pic", PICTURE),
        (f"{TERMINAL}-pkg", PACKAGE),
    ]
    assert parsed.rejected == []
    package = parsed.items[3]
    assert package.members == [TERMINAL, f"{TERMINAL}-pic"]
    assert package.headline == "Eastbrook container terminal to double in size"  # no title: its lead's
    # The package groups the picture with the terminal story, not with the market one.
    assert [p.agency_id for p in parsed.items[0].pictures] == [f"{TERMINAL}-pic"]
    assert parsed.items[1].pictures == []


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
        mime="image/jpeg",
        agency_id=f"{TERMINAL}-pic",
    )
    assert picture.renditions == [
        Rendition("https://img.harbournews.example/eb/cranes-thumb.jpg", "image/jpeg", 240, 160, "thumbnail"),
        Rendition("https://img.harbournews.example/eb/cranes-web.jpg", "image/jpeg", 1600, 1067, "web"),
    ]


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


# Pictures, kinds, places and subjects -----------------------------------------------------------

DIKE = "urn:newsml:polderpers.example:20261121:pp-3001"
G2 = "http://iptc.org/std/nar/2006-10-01/"


def test_text_item_is_read_with_dateline_slugline_places_subjects_and_inherited_language():
    dike = parse("message_pictures.xml").items[0]
    assert (dike.agency_id, dike.kind, dike.version) == (DIKE, TEXT, 2)
    assert dike.language == "nl"  # from the message's xml:lang
    assert (dike.dateline, dike.slugline) == ("WESTERDIJK, 21 november", "DIJK-HERSTEL")
    assert dike.byline == "Joost Verhaar"  # without "By"
    assert dike.places == ["Westerdijk", "Noord-Holland", "Polder Oost"]
    assert dike.subjects == [
        Subject("Overstroming", "medtop:20000709", "http://cv.iptc.org/newscodes/mediatopic/"),
        Subject("Waterbeheer", "ppsub:water", "https://polderpers.example/cv/subject/"),  # inline catalog
        Subject("Polder Oost", "polder-oost"),
        Subject("Waterschap", "waterschap", "https://polderpers.example/org/"),
    ]
    assert (dike.urgency, dike.credit, dike.usage_terms, dike.copyright) == (
        4,
        "Polder Pers",
        "Alleen online.",
        "Polder Pers",
    )
    assert dike.body_html == (  # the XHTML's structure kept
        "<h2>Snel werk</h2><p>De ploeg werkte <em>dag en nacht</em>.</p><ol><li>Zandzakken</li><li>Klei</li></ol>"
        "<blockquote><p>We zijn opgelucht.</p></blockquote><table><tr><td>Lengte</td><td>40 m</td></tr></table>"
    )


def test_text_item_gets_every_picture_linked_or_packaged_with_it_in_order():
    dike = parse("message_pictures.xml").items[0]
    assert dike.pictures == [
        ImageRef(  # linked from its itemMeta first
            url="https://img.polderpers.example/3001-f2.jpg",
            caption="De dijkgraaf bekijkt het werk.",
            credit="Polder Pers/Kees Dam",
            alt="De dijkgraaf bekijkt het werk.",
            mime="image/jpeg",
            agency_id=f"{DIKE}-f2",
        ),
        ImageRef(  # then the package's, through its groupRef; the web JPEG, not the TIFF master
            url="https://img.polderpers.example/3001-f1-web.jpg",
            caption="Arbeiders dichten het gat in de dijk bij Westerdijk.",
            credit="Polder Pers",
            alt="Mannen met zandzakken op een dijk.",
            byline="Mira Blom",
            copyright="(c) 2026 Polder Pers / Mira Blom",
            usage_terms="Niet voor archief.",
            mime="image/jpeg",
            agency_id=f"{DIKE}-f1",
        ),
        ImageRef(
            url="https://img.polderpers.example/3001-g1.png",
            caption="Kaart van de dijk",
            credit="Polder Pers Graphics",
            alt="Kaart van de dijk",
            kind=GRAPHIC,
            mime="image/png",
            agency_id=f"{DIKE}-g1",
        ),
        ImageRef(  # an itemRef to a picture outside the message
            url="https://img.polderpers.example/3001-f9.jpg",
            caption="De dijk vanuit de lucht.",
            alt="De dijk vanuit de lucht.",
            mime="image/jpeg",
            agency_id=f"{DIKE}-f9",
        ),
    ]  # and not the icon, a thumbnail of what is already there


def test_media_package_and_concept_items_get_their_kinds():
    items = parse("message_pictures.xml").items
    assert [(i.agency_id.rsplit(":", 1)[-1], i.kind) for i in items] == [
        ("pp-3001", TEXT),
        ("pp-3001-f1", PICTURE),
        ("pp-3001-f2", PICTURE),
        ("pp-3001-g1", GRAPHIC),
        ("pp-3001-pkg", PACKAGE),
        ("waterschap", CONCEPT),
    ]
    photo, _, graphic, package, concept = items[1:]
    assert [r.name for r in photo.renditions] == ["highRes", "web", "thumbnail"]
    assert graphic.renditions == [
        Rendition("https://img.polderpers.example/3001-g1.png", "image/png", 1200, 900)
    ]
    assert package.headline == "Dijkherstel Westerdijk"  # its title
    assert package.members == [DIKE, f"{DIKE}-f1", f"{DIKE}-g1", f"{DIKE}-f9"]  # through the groupRef
    assert (concept.headline, concept.summary) == (
        "Waterschap Polder Oost",
        "Het waterschap dat de dijken in Polder Oost beheert.",
    )


def g2_message(*items: str) -> bytes:
    return (f'<newsMessage xmlns="{G2}"><itemSet>{"".join(items)}</itemSet></newsMessage>').encode()


def g2_item(guid: str, item_class: str, inner: str = "", content: str = "") -> str:
    return (
        f'<newsItem guid="{guid}" version="1"><itemMeta><itemClass qcode="ninat:{item_class}"/>'
        f"<versionCreated>2026-11-21T10:00:00Z</versionCreated></itemMeta>"
        f"<contentMeta><headline>Eastbrook {guid}</headline>{inner}</contentMeta>{content}</newsItem>"
    )


def picture_content(name: str) -> str:
    return (
        f'<contentSet><remoteContent href="https://img.example/{name}.jpg" contenttype="image/jpeg" '
        f'width="1000"/></contentSet>'
    )


def test_a_lone_story_takes_the_message_pictures_and_two_stories_take_none():
    pictures = [g2_item(f"p{n}", "picture", content=picture_content(f"p{n}")) for n in (1, 2)]
    story, *_ = NewsMLFormat().parse(g2_message(g2_item("s1", "text"), *pictures)).items
    assert [p.url for p in story.pictures] == ["https://img.example/p1.jpg", "https://img.example/p2.jpg"]
    first, second, *_ = (
        NewsMLFormat().parse(g2_message(g2_item("s1", "text"), g2_item("s2", "text"), *pictures)).items
    )
    assert (first.pictures, second.pictures) == ([], [])


def test_a_story_with_only_an_icon_carries_it():
    icon = '<icon href="https://img.example/icon.jpg" contenttype="image/jpeg"/>'
    [story] = NewsMLFormat().parse(g2_message(g2_item("s1", "text", inner=icon))).items
    assert story.pictures == [ImageRef(url="https://img.example/icon.jpg", mime="image/jpeg")]


def test_a_package_item_alone_is_a_delivery():
    data = (
        f'<packageItem xmlns="{G2}" guid="pkg-1" version="1"><itemMeta><itemClass qcode="ninat:composite"/>'
        '<title>Eastbrook day</title></itemMeta><groupSet root="G1"><group id="G1">'
        '<itemRef residref="a"/><groupRef idref="G1"/><itemRef residref="b"/></group></groupSet></packageItem>'
    ).encode()
    assert NewsMLFormat().sniff(data)
    [package] = NewsMLFormat().parse(data).items
    assert (package.kind, package.headline, package.members) == (PACKAGE, "Eastbrook day", ["a", "b"])


def test_a_chain_of_thousands_of_group_refs_is_read_without_recursion():
    groups = "".join(
        f'<group id="G{n}"><itemRef residref="i{n}"/><groupRef idref="G{n + 1}"/></group>'
        for n in range(5000)
    )
    data = (
        f'<packageItem xmlns="{G2}" guid="pkg-2" version="1"><itemMeta><itemClass qcode="ninat:composite"/>'
        f'<title>Eastbrook</title></itemMeta><groupSet root="G0">{groups}</groupSet></packageItem>'
    ).encode()
    [package] = NewsMLFormat().parse(data).items
    assert package.members == [f"i{n}" for n in range(5000)]
