"""What an agency story keeps on its way to readers: language, dateline, byline, subjects, structure,
copyright; and what it never shows them: the slugline and the agency's note to editors."""

import hashlib
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from copydesk.newsroom.models import Article
from copydesk.wire import ingest, lifecycle
from copydesk.wire.formats.safe_xml import parse_xml
from copydesk.wire.items import Subject
from copydesk.wire.models import Source, WireItem

from .builders import make_item, make_source

pytestmark = pytest.mark.django_db

GERMAN_BODY = (
    "<p>Der Stadtrat von Zürich hat am Dienstag einen neuen Fahrplan für die Seefähren beschlossen.</p>"
    "<p>Die Fähren fahren ab Dezember alle zwanzig Minuten.</p>"
)
# Different stories, so that near-duplicate detection leaves each its own story.
OTHER_BODIES = [
    "<p>Die Bibliothek am Hafen öffnet nach dem Umbau wieder, mit einem Lesesaal für Kinder.</p>",
    "<p>Auf dem Wochenmarkt kosten Äpfel nach der schlechten Ernte fast doppelt so viel wie im Vorjahr.</p>",
    "<p>Der Chor der Altstadt gewinnt zum ersten Mal den regionalen Wettbewerb in der Tonhalle.</p>",
    "<p>Die Radspur an der Marktgasse soll bis zum Frühling fertig sein, sagt das Tiefbauamt.</p>",
]


def other_story(n):
    body = OTHER_BODIES[n]
    return {"headline": body[3:60], "body_html": body}


SLUGLINE = "ZH-FAEHREN-PLAN-7Q"
EDNOTE = "NOTE-TO-DESK-XK9: embargoed figures confirmed by the council press office."
SUBJECTS = [
    Subject("Verkehr", "medtop:20000760", "http://cv.iptc.org/newscodes/mediatopic/"),
    Subject("Lokalpolitik", "subj:11006005", "http://cv.iptc.org/newscodes/subjectcode/"),
]


def german_item(**fields):
    fields.setdefault("agency_id", "urn:nwa:2026:faehren-1")
    fields.setdefault("headline", "Zürich beschliesst neuen Fährplan für den See")
    fields.setdefault("body_html", GERMAN_BODY)
    fields.setdefault("language", "de")
    fields.setdefault("byline", "By Anna Keller")
    fields.setdefault("dateline", "ZÜRICH, 3. März")
    fields.setdefault("slugline", SLUGLINE)
    fields.setdefault("editorial_note", EDNOTE)
    fields.setdefault("subjects", SUBJECTS)
    fields.setdefault("places", ["Zürich"])
    fields.setdefault("copyright", "2026 Northwind Wire")
    fields.setdefault("urgency", 3)
    return make_item(**fields)


def published(item, **source_fields):
    ingest.ingest_item(make_source(**source_fields), item)
    return WireItem.objects.get(guid=item.agency_id)


def page_of(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def json_ld(page):
    documents = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    return next(d for d in documents if d.get("@type") == "NewsArticle")


def test_the_wire_item_keeps_what_the_agency_said_about_the_story():
    wire = published(german_item(language="de_DE", byline="BY Anna Keller", urgency=1))
    assert (wire.language, wire.dateline, wire.slugline, wire.urgency) == (
        "de-DE",
        "ZÜRICH, 3. März",
        SLUGLINE,
        1,
    )
    assert wire.places == ["Zürich"] and wire.byline == "Anna Keller"
    assert wire.subjects[0] == {
        "name": "Verkehr",
        "code": "medtop:20000760",
        "scheme": "http://cv.iptc.org/newscodes/mediatopic/",
    }


def test_a_german_story_is_served_as_german_with_the_site_around_it_in_its_own_language(client):
    article = published(german_item()).article
    assert article.language == "de"
    response, page = page_of(client, article)
    assert (page.html["lang"], page.html["dir"]) == ("de", "ltr")
    # The site's own words (masthead, footer, Recent posts) stay marked as the site's language.
    assert page.select_one("header.masthead")["lang"] == "en-GB"
    assert page.select_one("footer.site-footer")["lang"] == "en-GB"
    assert page.select_one("aside.recent")["lang"] == "en-GB"
    assert json_ld(page)["inLanguage"] == "de"
    assert page.select_one('meta[property="og:locale"]')["content"] == "de"
    assert "Set-Cookie" not in response.headers  # still a page any cache may keep


def test_listings_keep_the_site_language_and_mark_a_story_in_another(client):
    article = published(german_item()).article
    page = BeautifulSoup(client.get(article.section.get_absolute_url()).content, "html.parser")
    assert page.html["lang"] == "en-GB" and page.select_one("header.masthead").get("lang") is None
    card = page.select_one(f'[data-article-id="{article.pk}"]')
    assert (card["lang"], card["dir"]) == ("de", "ltr")


def test_a_story_in_the_site_language_carries_no_lang_of_its_own(client):
    article = published(make_item()).article
    _, page = page_of(client, article)
    assert page.html["lang"] == "en-GB" and page.select_one("header.masthead").get("lang") is None
    home = BeautifulSoup(client.get("/").content, "html.parser")
    assert home.select_one(f'[data-article-id="{article.pk}"]').get("lang") is None


def test_an_arabic_story_is_right_to_left(client):
    item = german_item(
        agency_id="urn:nwa:2026:ar-1",
        headline="مجلس المدينة يقر جدولا جديدا للعبارات",
        body_html="<p>أقر مجلس المدينة يوم الثلاثاء جدولا جديدا للعبارات في الميناء.</p>",
        language="ar",
        dateline="",
    )
    article = published(item).article
    _, page = page_of(client, article)
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
    assert page.select_one("header.masthead")["dir"] == "ltr"
    listing = BeautifulSoup(client.get(article.section.get_absolute_url()).content, "html.parser")
    assert listing.select_one(f'[data-article-id="{article.pk}"]')["dir"] == "rtl"


def feeds(client, section):
    return {
        fmt: client.get(reverse(f"public:section_feed_{fmt}", args=[section.slug])).content
        for fmt in ("rss", "atom", "json")
    }


def test_feeds_give_each_story_its_language(client):
    article = published(german_item()).article
    other = published(make_item(agency_id="urn:nwa:2026:english"), section=article.section).article
    documents = feeds(client, article.section)
    rss = parse_xml(documents["rss"])
    dc = "{http://purl.org/dc/elements/1.1/}language"
    by_title = {item.findtext("title"): item.findtext(dc) for item in rss.iter("item")}
    assert by_title == {article.headline: "de", other.headline: "en-GB"}
    atom = parse_xml(documents["atom"])
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    entries = {
        e.findtext("{http://www.w3.org/2005/Atom}title"): e.get(xml_lang)
        for e in atom.iter("{http://www.w3.org/2005/Atom}entry")
    }
    assert entries == {article.headline: "de", other.headline: "en-GB"}
    items = {i["title"]: i["language"] for i in json.loads(documents["json"])["items"]}
    assert items == {article.headline: "de", other.headline: "en-GB"}


def test_news_sitemap_names_each_story_language(client):
    article = published(german_item()).article
    sitemap = client.get(reverse("public:news_sitemap")).content.decode()
    entry = next(part for part in sitemap.split("<url>") if article.headline in part)
    assert "<news:language>de</news:language>" in entry


def test_the_slugline_and_the_note_to_editors_never_reach_readers(client):
    wire = published(german_item())
    article = wire.article
    _, page = page_of(client, article)
    public = [
        page.decode(),
        json.dumps(json_ld(page)),
        *[doc.decode() for doc in feeds(client, article.section).values()],
        client.get(reverse("public:site_feed_rss")).content.decode(),
        client.get(reverse("public:news_sitemap")).content.decode(),
    ]
    for document in public:
        assert SLUGLINE not in document and "NOTE-TO-DESK-XK9" not in document
    # The desk keeps both on the wire item's page.
    desk = get_user_model().objects.create_superuser("slugdesk", "slug@example.com", "a-long-test-password")
    client.force_login(desk)
    desk_page = client.get(reverse("wire_queue:inspect", args=[wire.pk])).content.decode()
    assert SLUGLINE in desk_page and "NOTE-TO-DESK-XK9" in desk_page


def test_by_is_never_doubled_on_wire_stories(client):
    for n, byline in enumerate(["By Anna Keller", "by Anna Keller", "BY: Anna Keller", "By By Anna Keller"]):
        wire = published(german_item(agency_id=f"urn:by:{n}", byline=byline, **other_story(n)))
        assert wire.article.byline == "Anna Keller"
        _, page = page_of(client, wire.article)
        assert page.select_one(".story__byline").get_text(" ", strip=True) == "By Anna Keller"
        assert json_ld(page)["author"][0]["name"] == "Anna Keller"
    rss = client.get(reverse("public:site_feed_rss")).content.decode()
    assert "By Anna" not in rss and "<dc:creator>Anna Keller</dc:creator>" in rss
    desk = get_user_model().objects.create_superuser("bydesk", "by@example.com", "a-long-test-password")
    client.force_login(desk)
    assert "By By" not in client.get(reverse("wire_queue:inspect", args=[wire.pk])).content.decode()


def test_a_name_that_begins_with_by_is_left_alone(client):
    article = published(german_item(byline="Byron Ostrowski")).article
    _, page = page_of(client, article)
    assert page.select_one(".story__byline").get_text(" ", strip=True) == "By Byron Ostrowski"


def test_the_dateline_is_shown_before_the_body_and_never_inside_it(client):
    body = "<p>ZÜRICH, 3. März —</p>" + GERMAN_BODY
    article = published(german_item(body_html=body)).article
    assert article.dateline == "ZÜRICH, 3. März"
    assert "ZÜRICH" not in article.body_html and article.body_html.startswith("<p>Der Stadtrat")
    _, page = page_of(client, article)
    filed = page.select_one(".story__filed")
    assert filed.get_text(" ", strip=True) == "ZÜRICH, 3. März —"
    assert filed.find_next_sibling(class_="story__body") is not None
    assert "ZÜRICH" not in page.select_one(".story__body").get_text()


def test_a_body_that_only_mentions_the_place_keeps_its_first_paragraph():
    body = "<p>Zürich, 3. März: der Stadtrat hat beschlossen, die Fähren öfter fahren zu lassen.</p>"
    article = published(german_item(body_html=body)).article
    assert "der Stadtrat hat beschlossen" in article.body_html


STRUCTURED_BODY = (
    "<h1>Was sich ändert</h1><p>Der Rat hat drei Dinge beschlossen.</p>"
    "<h3>Die Fähren</h3><ul><li>alle zwanzig Minuten</li><li>auch sonntags</li></ul>"
    "<ol><li>Erstens</li><li>Zweitens</li></ol>"
    "<blockquote><p>Wir fahren öfter, sagte die Betreiberin.</p></blockquote>"
    '<table><caption>Abfahrten</caption><thead><tr><th scope="col">Linie</th><th scope="col">Takt</th></tr></thead>'
    "<tbody><tr><td>F1</td><td>20 min</td></tr></tbody></table><h6>Quelle</h6>"
)


def test_the_body_keeps_its_headings_lists_quotes_and_tables(client):
    article = published(german_item(body_html=STRUCTURED_BODY)).article
    _, page = page_of(client, article)
    body = page.select_one(".story__body")
    assert [h.get_text() for h in body.select("h2, h3, h4")] == ["Was sich ändert", "Die Fähren", "Quelle"]
    assert [li.get_text() for li in body.select("ul > li")] == ["alle zwanzig Minuten", "auch sonntags"]
    assert len(body.select("ol > li")) == 2 and body.select_one("blockquote p")
    table = body.select_one("table")
    assert table.caption.get_text() == "Abfahrten"
    assert [th["scope"] for th in table.select("thead th")] == ["col", "col"]
    assert [td.get_text() for td in table.select("tbody td")] == ["F1", "20 min"]
    assert not page.select("h1")[1:]  # the headline stays the page's only h1


def test_subjects_and_places_become_tags_and_the_story_keeps_the_agency_scheme(client):
    article = published(german_item()).article
    assert sorted(article.tags.names()) == ["lokalpolitik", "verkehr", "zürich"]
    assert article.subjects == [
        {"name": "Verkehr", "code": "medtop:20000760", "scheme": "http://cv.iptc.org/newscodes/mediatopic/"},
        {
            "name": "Lokalpolitik",
            "code": "subj:11006005",
            "scheme": "http://cv.iptc.org/newscodes/subjectcode/",
        },
    ]
    _, page = page_of(client, article)
    assert sorted(a.get_text() for a in page.select(".story__tags a")) == [
        "lokalpolitik",
        "verkehr",
        "zürich",
    ]
    assert "medtop:" not in page.decode()


def test_the_copyright_line_is_shown_when_the_agency_gives_one(client):
    article = published(german_item()).article
    _, page = page_of(client, article)
    assert page.select_one(".story__copyright").get_text(strip=True) == "© 2026 Northwind Wire"
    assert json_ld(page)["copyrightNotice"] == "© 2026 Northwind Wire"
    plain = published(german_item(agency_id="urn:nwa:2026:no-rights", copyright="", **other_story(0)))
    plain = plain.article
    _, page = page_of(client, plain)
    assert page.select_one(".story__copyright") is None


def test_a_flash_stands_out_on_the_desk_queue(client):
    published(
        german_item(agency_id="urn:flash", headline="Fähre auf Grund gelaufen", urgency=1),
        rule=Source.Rule.HOLD,
    )
    published(
        german_item(agency_id="urn:routine", headline="Fahrplan wird gedruckt", urgency=5),
        rule=Source.Rule.HOLD,
    )
    desk = get_user_model().objects.create_superuser("flashdesk", "flash@example.com", "a-long-test-password")
    client.force_login(desk)
    page = BeautifulSoup(client.get(reverse("wire_queue:index")).content, "html.parser")

    def row(headline):
        return (
            page.find("a", string=lambda s: s and headline in s).find_parent("tr").get_text(" ", strip=True)
        )

    assert "Flash" in row("Fähre auf Grund gelaufen") and "Flash" not in row("Fahrplan wird gedruckt")


def test_an_agency_update_to_the_language_reaches_the_story_and_digests_from_before_still_match():
    wire = published(german_item(language=""))
    assert wire.article.language == "en-GB"
    # The digest recorded before the story kept its language is the digest of the same text now.
    text = lifecycle.agency_text(wire)
    before = hashlib.sha256(json.dumps([text[n] for n in lifecycle.TEXT_FIELDS]).encode()).hexdigest()
    assert lifecycle.digest({**text, "dateline": "", "copyright": ""}) == before
    assert not lifecycle.is_edited(wire)
    ingest.ingest_item(wire.source, german_item(version=2, language="de"))
    assert Article.objects.get(pk=wire.article_id).language == "de"
