"""RSS, Atom and JSON Feed, read back with real parsers: what a feed reader would see."""

import json
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from copydesk.conftest import make_agency, make_article, make_author, make_section
from copydesk.newsroom.actions import add_correction, publish_article, update_article, withdraw_article
from copydesk.newsroom.models import Article, ArticleStatus
from copydesk.newsroom.scheduling import publish_due

pytestmark = pytest.mark.django_db

BASE = "https://news.example"
FORMATS = ("rss.xml", "atom.xml", "feed.json")


@pytest.fixture(autouse=True)
def canonical(settings):
    """A canonical origin unlike the test client's host, so a link built from the request shows."""
    settings.COPYDESK_BASE_URL = BASE
    settings.COPYDESK_SITE_NAME = "The Eastbrook Ledger"


@pytest.fixture
def desk():
    harbour = make_section("Harbour", slug="harbour", description="Ships, ferries and the port.")
    maya = make_author("Maya Okafor", slug="maya-okafor")
    jonah = make_author("Jonah Feld", slug="jonah-feld")
    lead = make_article(
        "Ferry fares & timetables change in the spring",
        section=harbour,
        authors=[maya, jonah],
        tags=["Ferries", "Port"],
        image=True,
        minutes_ago=30,
    )
    older = make_article(
        "Harbour master retires after thirty years",
        section=harbour,
        authors=[maya],
        tags=["Port"],
        minutes_ago=300,
    )
    elsewhere = make_article("Choir wins the regional final", section=make_section("Culture"), minutes_ago=60)
    return SimpleNamespace(
        harbour=harbour, maya=maya, jonah=jonah, lead=lead, older=older, elsewhere=elsewhere
    )


def every_feed(desk):
    scopes = ["/feeds/", "/feeds/sections/harbour/", f"/feeds/authors/{desk.maya.slug}/", "/feeds/tags/port/"]
    return [scope + name for scope in scopes for name in FORMATS]


def read(client, url):
    """Return the feed as a parser sees it: feedparser's result, or the JSON document."""
    response = client.get(url)
    assert response.status_code == 200, url
    if url.endswith(".json"):
        return json.loads(response.content)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
    return parsed


def titles(client, url):
    feed = read(client, url)
    return [item["title"] for item in (feed["items"] if url.endswith(".json") else feed.entries)]


def when(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_every_feed_parses_cleanly_and_lists_its_own_stories_newest_first(client, desk):
    lead, older, elsewhere = desk.lead.headline, desk.older.headline, desk.elsewhere.headline
    for name in FORMATS:
        assert titles(client, f"/feeds/{name}") == [lead, elsewhere, older]
        assert titles(client, f"/feeds/sections/harbour/{name}") == [lead, older]
        assert titles(client, f"/feeds/authors/{desk.jonah.slug}/{name}") == [lead]
        assert titles(client, f"/feeds/tags/ferries/{name}") == [lead]


def test_feeds_answer_with_their_formats_content_types(client, desk):
    assert client.get("/feeds/rss.xml")["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert client.get("/feeds/atom.xml")["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert client.get("/feeds/feed.json")["Content-Type"] == "application/feed+json"


def test_feed_titles_and_links_name_the_paper_and_the_scope(client, desk):
    rss = read(client, "/feeds/sections/harbour/rss.xml").feed
    assert rss.title == "The Eastbrook Ledger — Harbour"
    assert rss.link == f"{BASE}/harbour/" and rss.subtitle == "Ships, ferries and the port."
    atom = read(client, f"/feeds/authors/{desk.maya.slug}/atom.xml").feed
    assert atom.title == "The Eastbrook Ledger — Maya Okafor"
    assert atom.id == f"{BASE}/feeds/authors/{desk.maya.slug}/atom.xml"
    document = read(client, "/feeds/tags/port/feed.json")
    assert document["title"] == "The Eastbrook Ledger — Port"
    assert document["home_page_url"] == f"{BASE}/tags/port/"
    assert document["feed_url"] == f"{BASE}/feeds/tags/port/feed.json"
    assert read(client, "/feeds/rss.xml").feed.title == "The Eastbrook Ledger"


def test_an_rss_item_carries_link_guid_times_authors_categories_and_the_lead_image(client, desk):
    lead = Article.objects.get(pk=desk.lead.pk)
    entry = read(client, "/feeds/rss.xml").entries[0]
    assert entry.title == "Ferry fares & timetables change in the spring"
    assert entry.link == BASE + lead.get_absolute_url()
    assert entry.id.startswith("tag:news.example,") and entry.id.endswith(f":article-{lead.pk}")
    assert entry.guidislink is False
    assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == lead.first_published_at.replace(microsecond=0)
    assert [a["name"] for a in entry.authors] == ["Maya Okafor", "Jonah Feld"]
    assert [t.term for t in entry.tags] == ["Harbour", "Ferries", "Port"]
    assert entry.summary == lead.summary
    rendition = lead.lead_image.get_rendition("fill-1200x675")
    [enclosure] = entry.enclosures
    assert enclosure.href == BASE + rendition.url
    assert enclosure.length == str(rendition.file.size) and enclosure.type == "image/png"


def test_an_atom_entry_and_a_json_item_give_authors_with_their_pages_and_the_image(client, desk):
    atom = read(client, "/feeds/atom.xml").entries[0]
    assert [(a["name"], a["href"]) for a in atom.authors] == [
        ("Maya Okafor", f"{BASE}/authors/{desk.maya.slug}/"),
        ("Jonah Feld", f"{BASE}/authors/{desk.jonah.slug}/"),
    ]
    [enclosure] = [link for link in atom.links if link.rel == "enclosure"]
    assert enclosure.href.startswith(f"{BASE}/media/") and int(enclosure.length) > 0
    item = read(client, "/feeds/feed.json")["items"][0]
    assert item["authors"] == [
        {"name": "Maya Okafor", "url": f"{BASE}/authors/{desk.maya.slug}/"},
        {"name": "Jonah Feld", "url": f"{BASE}/authors/{desk.jonah.slug}/"},
    ]
    assert item["image"] == enclosure.href
    assert item["tags"] == ["Harbour", "Ferries", "Port"]


def test_agency_copy_is_credited_to_its_byline_or_the_agency(client, section):
    make_article(
        "Quota talks stall again", section=section, agency=make_agency(), byline="Lena Marsh, Northwind Wire"
    )
    make_article("Fishing fleet stays in port", section=section, agency=make_agency(), minutes_ago=90)
    items = read(client, "/feeds/feed.json")["items"]
    assert [item["authors"] for item in items] == [
        [{"name": "Lena Marsh, Northwind Wire"}],
        [{"name": "Northwind Wire"}],
    ]
    assert [a["name"] for a in read(client, "/feeds/atom.xml").entries[0].authors] == [
        "Lena Marsh, Northwind Wire"
    ]


def test_the_json_feed_has_every_field_json_feed_1_1_requires(client, desk):
    document = read(client, "/feeds/feed.json")
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["title"] and document["home_page_url"] == f"{BASE}/" and document["language"] == "en-gb"
    assert document["feed_url"] == f"{BASE}/feeds/feed.json"
    for item in document["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item["url"].startswith(f"{BASE}/")
        assert item.get("content_html") or item.get("content_text")
        assert when(item["date_published"]) <= when(item["date_modified"])
    assert {item["id"] for item in document["items"]} == {
        e.id for e in read(client, "/feeds/rss.xml").entries
    }


def test_an_update_and_then_a_correction_each_move_the_updated_time(client, desk):
    story = Article.objects.get(pk=desk.older.pk)

    def times():
        atom = next(e for e in read(client, "/feeds/atom.xml").entries if e.title == story.headline)
        item = next(i for i in read(client, "/feeds/feed.json")["items"] if i["title"] == story.headline)
        assert when(atom.published) == when(item["date_published"])
        return when(atom.published), when(atom.updated), when(item["date_modified"])

    published, updated, modified = times()
    assert published == updated == modified == story.first_published_at
    story = update_article(story, dek="The harbour master says the port is in good hands.")
    assert times() == (published, story.updated_at, story.updated_at)
    later = timezone.now() + timedelta(minutes=5)
    add_correction(story, text="He served for thirty-one years, not thirty.", at=later)
    assert times() == (published, later, later)


def test_a_correction_newer_than_the_last_update_still_counts(client, desk):
    story = Article.objects.get(pk=desk.older.pk)
    later = timezone.now() + timedelta(minutes=5)
    add_correction(story, text="The ceremony is on Friday, not Thursday.", at=later)
    update_article(Article.objects.get(pk=story.pk), dek="A farewell at the quay on Friday.")
    atom = next(e for e in read(client, "/feeds/atom.xml").entries if e.title == story.headline)
    assert when(atom.updated) == later


def test_withdrawn_draft_and_scheduled_stories_appear_in_no_feed(
    client, desk, django_capture_on_commit_callbacks
):
    withdrawn = make_article(
        "Harbour crane collapses", section=desk.harbour, authors=[desk.maya], tags=["Port"]
    )
    withdraw_article(withdrawn, reason="The report was wrong.")
    make_article(
        "Draft about the port budget", section=desk.harbour, authors=[desk.maya], tags=["Port"], publish=False
    )
    scheduled = make_article(
        "Embargoed: port sold to a consortium",
        section=desk.harbour,
        authors=[desk.maya],
        tags=["Port"],
        publish=False,
        go_live_at=timezone.now() + timedelta(hours=2),
    )
    scheduled = publish_article(scheduled)
    assert scheduled.status == ArticleStatus.SCHEDULED
    hidden = {
        "Harbour crane collapses",
        "Draft about the port budget",
        "Embargoed: port sold to a consortium",
    }
    for url in every_feed(desk):
        assert not hidden & set(titles(client, url)), url

    # Once the embargo passes and the worker publishes it, it is in every feed of its scope.
    for revision in scheduled.revisions.filter(approved_go_live_at__isnull=False):
        revision.approved_go_live_at = timezone.now() - timedelta(seconds=1)
        revision.content["go_live_at"] = revision.approved_go_live_at.isoformat()
        revision.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert [a.pk for a in publish_due()] == [scheduled.pk]
    for url in every_feed(desk):
        assert titles(client, url)[0] == "Embargoed: port sold to a consortium", url


def test_feeds_give_the_excerpt_unless_full_text_is_on(client, desk):
    rss = read(client, "/feeds/rss.xml").entries[0]
    assert "content" not in rss and rss.summary == Article.objects.get(pk=desk.lead.pk).summary
    atom = read(client, "/feeds/atom.xml").entries[0]
    assert "content" not in atom
    item = read(client, "/feeds/feed.json")["items"][0]
    assert "content_html" not in item and item["content_text"] == item["summary"]


def test_full_text_goes_to_the_newsrooms_own_stories_never_to_agency_or_partner_copy(
    client, section, settings
):
    settings.COPYDESK_FEED_FULL_CONTENT = True
    body = "<p>The new ferry seats ninety passengers.</p><p>It enters service on Monday morning.</p>"
    own = make_article("New ferry enters service", section=section, body=body, minutes_ago=10)
    make_article("Agency: fuel prices rise", section=section, agency=make_agency(), minutes_ago=20)
    make_article(
        "Partner: lighthouse restored",
        section=section,
        original_publisher="The Harbour Gazette",
        original_url="https://harbourgazette.example/lighthouse",
        minutes_ago=30,
    )
    full = Article.objects.get(pk=own.pk).body_html
    rss = read(client, "/feeds/rss.xml").entries
    assert rss[0].content[0].value == full
    assert ["content" in entry for entry in rss] == [True, False, False]
    atom = read(client, "/feeds/atom.xml").entries
    assert atom[0].content[0].value == full and atom[0].content[0].type == "text/html"
    assert ["content" in entry for entry in atom] == [True, False, False]
    items = read(client, "/feeds/feed.json")["items"]
    assert items[0]["content_html"] == full
    assert [("content_html" in i, "content_text" in i) for i in items] == [
        (True, False),
        (False, True),
        (False, True),
    ]


def test_an_item_keeps_its_id_when_the_story_is_renamed_and_moved(client, desk):
    before = {e.title: e.id for e in read(client, "/feeds/atom.xml").entries}[desk.older.headline]
    update_article(
        Article.objects.get(pk=desk.older.pk),
        headline="Harbour master retires",
        section=desk.elsewhere.section,
    )
    after = {e.title: e.id for e in read(client, "/feeds/atom.xml").entries}["Harbour master retires"]
    assert after == before


def test_feeds_follow_the_item_setting(client, desk, settings):
    settings.COPYDESK_FEED_ITEMS = 2
    for name in FORMATS:
        assert len(titles(client, f"/feeds/{name}")) == 2


def test_feeds_name_what_they_show_for_purging_and_set_no_cookie(client, desk):
    response = client.get("/feeds/sections/harbour/atom.xml")
    keys = set(response["Surrogate-Key"].split())
    assert {
        "feeds",
        "site",
        f"section-{desk.harbour.pk}",
        f"article-{desk.lead.pk}",
        f"article-{desk.older.pk}",
    } <= keys
    assert {f"author-{desk.maya.pk}", f"author-{desk.jonah.pk}"} <= keys
    assert f"article-{desk.elsewhere.pk}" not in keys
    assert "public" in response["Cache-Control"] and response.has_header("Last-Modified")
    assert not response.cookies
    assert f"author-{desk.maya.pk}" in client.get(f"/feeds/authors/{desk.maya.slug}/rss.xml")["Surrogate-Key"]
    assert "tag-" in client.get("/feeds/tags/port/feed.json")["Surrogate-Key"]


def test_a_withdrawal_takes_the_story_out_of_cached_feeds(
    client, desk, settings, django_capture_on_commit_callbacks
):
    settings.COPYDESK_PAGE_CACHE = True
    cache.clear()
    for url in every_feed(desk):
        assert desk.older.headline in titles(client, url)
    assert client.get("/feeds/rss.xml")["X-Copydesk-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_article(Article.objects.get(pk=desk.older.pk), reason="Published by mistake.")
    for url in every_feed(desk):
        assert desk.older.headline not in titles(client, url), url
    cache.clear()


def test_unknown_scopes_answer_404(client, desk):
    for url in [
        "/feeds/sections/nowhere/rss.xml",
        "/feeds/authors/nobody/atom.xml",
        "/feeds/tags/nothing/feed.json",
    ]:
        assert client.get(url).status_code == 404


def test_a_feed_costs_the_same_queries_for_3_stories_as_for_30(client, section):
    author = make_author()

    def add(n):
        for _ in range(n):
            make_article(section=section, authors=[author], tags=["Port", "Ferries"], image=True)

    def cost():
        counts = {}
        for url in ["/feeds/rss.xml", f"/feeds/authors/{author.slug}/atom.xml", "/feeds/tags/port/feed.json"]:
            client.get(url)  # the first request makes the lead images' renditions
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts[url] = len(queries)
        return counts

    add(3)
    few = cost()
    add(27)
    assert len(titles(client, "/feeds/rss.xml")) == 30
    assert cost() == few
    assert max(few.values()) <= 8, few


def test_pages_point_feed_readers_at_their_feeds(client, desk):
    def alternates(url):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        return [(link["type"], link["href"]) for link in page.select('head link[rel="alternate"][type]')]

    site = [
        ("application/rss+xml", f"{BASE}/feeds/rss.xml"),
        ("application/atom+xml", f"{BASE}/feeds/atom.xml"),
        ("application/feed+json", f"{BASE}/feeds/feed.json"),
    ]
    assert alternates("/") == site
    assert alternates("/harbour/")[:3] == [
        (t, h.replace("/feeds/", "/feeds/sections/harbour/")) for t, h in site
    ]
    assert alternates("/harbour/")[3:] == site
    assert alternates(f"/authors/{desk.maya.slug}/")[0] == (
        "application/rss+xml",
        f"{BASE}/feeds/authors/{desk.maya.slug}/rss.xml",
    )
    assert alternates("/tags/port/")[0] == ("application/rss+xml", f"{BASE}/feeds/tags/port/rss.xml")
    for url in ["/", "/harbour/", f"/authors/{desk.maya.slug}/", "/tags/port/"]:
        page = BeautifulSoup(client.get(url).content, "html.parser")
        assert page.select('a[type="application/rss+xml"]'), url
    section_link = BeautifulSoup(client.get("/harbour/").content, "html.parser").select_one(
        "main .feed-link a"
    )
    assert section_link["href"] == "/feeds/sections/harbour/rss.xml"
    assert section_link.get_text() == "RSS feed of Harbour"


def test_a_lost_image_file_costs_its_story_the_enclosure_not_the_feed(client, section):
    lost = make_article("Quay mural unveiled", section=section, image=True, minutes_ago=5)
    make_article("Ferry timetable printed", section=section, image=True, minutes_ago=10)
    lost.lead_image.file.storage.delete(lost.lead_image.file.name)
    for name in FORMATS:
        assert titles(client, f"/feeds/{name}") == ["Quay mural unveiled", "Ferry timetable printed"]
    entries = read(client, "/feeds/rss.xml").entries
    assert [len(entry.enclosures) for entry in entries] == [0, 1]
