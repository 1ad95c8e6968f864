"""Sitemaps, the Google News sitemap and robots.txt, validated against their schemas."""

from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from copydesk.conftest import make_article, make_author, make_section
from copydesk.newsroom.actions import add_correction, publish_article, update_article, withdraw_article
from copydesk.newsroom.models import Article, ArticleStatus
from copydesk.public import sitemaps
from copydesk.public.sitemaps import MonthSitemap

pytestmark = pytest.mark.django_db

BASE = "https://news.example"
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "sitemap.xsd")))


@pytest.fixture(autouse=True)
def canonical(settings):
    settings.COPYDESK_BASE_URL = BASE
    settings.COPYDESK_SITE_NAME = "The Eastbrook Ledger"
    settings.LANGUAGE_CODE = "en-gb"


def published_at(when, headline, **fields):
    """A live story first published at `when`, through the real actions."""
    return publish_article(make_article(headline, publish=False, **fields), published_at=when)


@pytest.fixture
def desk():
    harbour = make_section("Harbour", slug="harbour")
    maya = make_author("Maya Okafor", slug="maya-okafor")
    today = make_article(
        "Ferry fares change in the spring", section=harbour, authors=[maya], tags=["Ferries"]
    )
    old = published_at(
        timezone.now() - timedelta(days=70),
        "Harbour master retires",
        section=harbour,
        authors=[maya],
        tags=["Port"],
    )
    return SimpleNamespace(harbour=harbour, maya=maya, today=today, old=old)


def fetch(client, url, **headers):
    """Return the parsed document, after checking it is a valid sitemap served as one."""
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    document = etree.fromstring(response.content)
    assert SCHEMA.validate(document), f"{url}: {SCHEMA.error_log}"
    return document


def locations(document):
    return [loc.text for loc in document.iterfind(".//s:loc", NS)]


def path_of(url):
    assert url.startswith(BASE + "/"), url
    return url.removeprefix(BASE)


def lastmods(document):
    return {
        url.findtext("s:loc", namespaces=NS): datetime.fromisoformat(url.findtext("s:lastmod", namespaces=NS))
        for url in document.iterfind("s:url", NS)
        if url.find("s:lastmod", NS) is not None
    }


def every_sitemap(client):
    """{path: document} for every sitemap the index lists."""
    return {path_of(url): fetch(client, path_of(url)) for url in locations(fetch(client, "/sitemap.xml"))}


def month(when):
    return f"articles-{when.astimezone(timezone.get_default_timezone()):%Y-%m}"


def test_the_index_lists_each_month_with_live_stories_then_sections_authors_and_tags(client, desk):
    listed = [path_of(url) for url in locations(fetch(client, "/sitemap.xml"))]
    assert listed == [
        f"/sitemaps/{month(desk.today.first_published_at)}.xml",
        f"/sitemaps/{month(desk.old.first_published_at)}.xml",
        "/sitemaps/sections.xml",
        "/sitemaps/authors.xml",
        "/sitemaps/tags.xml",
    ]
    sitemaps = every_sitemap(client)
    assert locations(sitemaps[listed[0]]) == [BASE + desk.today.get_absolute_url()]
    assert locations(sitemaps[listed[1]]) == [BASE + desk.old.get_absolute_url()]
    assert locations(sitemaps["/sitemaps/sections.xml"]) == [f"{BASE}/harbour/"]
    assert locations(sitemaps["/sitemaps/authors.xml"]) == [f"{BASE}/authors/maya-okafor/"]
    assert locations(sitemaps["/sitemaps/tags.xml"]) == [f"{BASE}/tags/ferries/", f"{BASE}/tags/port/"]


def test_months_are_the_newsrooms_own_not_utcs(client, section, settings):
    chatham = ZoneInfo("Pacific/Chatham")
    settings.TIME_ZONE = "Pacific/Chatham"
    # Half past midnight on 1 April in Chatham is still 31 March in UTC.
    story = published_at(
        datetime(2025, 4, 1, 0, 30, tzinfo=chatham), "Ferry timetable for April", section=section
    )
    assert story.first_published_at.astimezone(ZoneInfo("UTC")).month == 3
    assert f"{BASE}/sitemaps/articles-2025-04.xml" in locations(fetch(client, "/sitemap.xml"))
    assert locations(fetch(client, "/sitemaps/articles-2025-04.xml")) == [BASE + story.get_absolute_url()]
    assert client.get("/sitemaps/articles-2025-03.xml").status_code == 404


def test_locations_use_the_canonical_origin_whatever_host_was_asked(client, desk):
    for url in [
        "/sitemap.xml",
        f"/sitemaps/{month(desk.today.first_published_at)}.xml",
        "/sitemaps/news.xml",
    ]:
        for location in locations(fetch(client, url, HTTP_HOST="internal.example:8080")):
            assert location.startswith(BASE + "/"), location


def test_withdrawn_draft_and_scheduled_stories_are_in_no_sitemap(client, desk):
    secret_section = make_section("Mergers", slug="mergers")
    reporter = make_author("Alex Byline", slug="alex-byline")
    embargoed = make_article(
        "Port sold to a consortium",
        section=desk.harbour,
        authors=[reporter],
        tags=["Port sale"],
        publish=False,
        go_live_at=timezone.now() + timedelta(hours=2),
    )
    assert publish_article(embargoed).status == ArticleStatus.SCHEDULED
    make_article(
        "Draft about the budget", section=desk.harbour, authors=[reporter], tags=["Budget"], publish=False
    )
    withdrawn = make_article("Crane collapses", section=desk.harbour, tags=["Crane"])
    withdraw_article(withdrawn, reason="The report was wrong.")
    found = {url for document in every_sitemap(client).values() for url in locations(document)}
    found |= set(locations(fetch(client, "/sitemaps/news.xml")))
    hidden = {embargoed, withdrawn, Article.objects.get(headline="Draft about the budget")}
    assert not {BASE + story.get_absolute_url() for story in hidden} & found
    assert not {f"{BASE}/tags/port-sale/", f"{BASE}/tags/budget/", f"{BASE}/tags/crane/"} & found
    assert f"{BASE}/mergers/" in found and secret_section  # sections are in the navigation anyway


def test_lastmod_follows_updates_and_corrections(client, desk):
    story = Article.objects.get(pk=desk.old.pk)
    url, where = BASE + story.get_absolute_url(), f"/sitemaps/{month(story.first_published_at)}.xml"
    assert lastmods(fetch(client, where))[url] == story.first_published_at
    story = update_article(story, dek="He leaves after thirty years at the quay.")
    assert lastmods(fetch(client, where))[url] == story.updated_at
    later = timezone.now() + timedelta(minutes=3)
    add_correction(story, text="He served thirty-one years, not thirty.", at=later)
    assert lastmods(fetch(client, where))[url] == later
    assert lastmods(fetch(client, "/sitemaps/tags.xml"))[f"{BASE}/tags/port/"] == story.first_published_at
    assert (
        lastmods(fetch(client, "/sitemaps/sections.xml"))[f"{BASE}/harbour/"] == desk.today.first_published_at
    )


def test_authors_and_tags_take_lastmod_from_the_newest_stories_only(client, desk, monkeypatch):
    monkeypatch.setattr(sitemaps, "RECENT_STORIES", 1)
    newest = desk.today.first_published_at
    assert lastmods(fetch(client, "/sitemaps/tags.xml")) == {f"{BASE}/tags/ferries/": newest}
    assert locations(fetch(client, "/sitemaps/tags.xml")) == [f"{BASE}/tags/ferries/", f"{BASE}/tags/port/"]
    make_author("Noor Haddad", slug="noor-haddad")  # a new hire: a page, no story yet
    document = fetch(client, "/sitemaps/authors.xml")
    assert lastmods(document) == {f"{BASE}/authors/maya-okafor/": newest}
    assert locations(document) == [f"{BASE}/authors/maya-okafor/", f"{BASE}/authors/noor-haddad/"]


def test_the_news_sitemap_lists_the_last_two_days_with_publication_language_date_and_title(client, desk):
    yesterday = published_at(
        timezone.now() - timedelta(hours=30), "Lifeboat crew rescues two sailors", section=desk.harbour
    )
    published_at(
        timezone.now() - timedelta(days=2, minutes=5), "Quay lights switched on", section=desk.harbour
    )
    document = fetch(client, "/sitemaps/news.xml")
    assert locations(document) == [BASE + desk.today.get_absolute_url(), BASE + yesterday.get_absolute_url()]
    first = document.find("s:url/news:news", NS)
    assert first.findtext("news:publication/news:name", namespaces=NS) == "The Eastbrook Ledger"
    assert first.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert first.findtext("news:title", namespaces=NS) == "Ferry fares change in the spring"
    when = datetime.fromisoformat(first.findtext("news:publication_date", namespaces=NS))
    assert when == Article.objects.get(pk=desk.today.pk).first_published_at


def test_the_news_sitemap_stops_at_1000_stories(client, section):
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            headline=f"Tide table for berth {n}",
            slug=f"tide-table-{n}",
            body="<p>High water at six.</p>",
            body_html="<p>High water at six.</p>",
            summary="High water at six.",
            section=section,
            live=True,
            has_unpublished_changes=False,
            status=ArticleStatus.PUBLISHED,
            first_published_at=now - timedelta(minutes=n),
        )
        for n in range(1, 1002)
    )
    listed = locations(fetch(client, "/sitemaps/news.xml"))
    assert len(listed) == 1000
    assert listed[0].endswith("/tide-table-1/") and listed[-1].endswith("/tide-table-1000/")


def test_a_month_past_the_sitemap_limit_is_listed_in_pages(client, section, monkeypatch):
    monkeypatch.setattr(MonthSitemap, "limit", 2)
    stories = [make_article(section=section, minutes_ago=n) for n in (1, 2, 3)]
    name = month(stories[0].first_published_at)
    listed = [path_of(url) for url in locations(fetch(client, "/sitemap.xml")) if name in url]
    assert listed == [f"/sitemaps/{name}.xml", f"/sitemaps/{name}.xml?p=2"]
    assert len(locations(fetch(client, listed[0]))) == 2
    assert locations(fetch(client, listed[1])) == [BASE + stories[2].get_absolute_url()]
    assert client.get(f"/sitemaps/{name}.xml?p=3").status_code == 404


def test_unknown_and_empty_sitemaps_answer_404(client, desk):
    for name in ["nonsense", "articles-2026-13", "articles-1999-01", "articles-26-1"]:
        assert client.get(f"/sitemaps/{name}.xml").status_code == 404, name


def test_months_outside_the_calendar_answer_404_not_500(client, desk):
    # Year 0 does not exist; the month after December 9999 cannot be computed.
    for name in ["articles-0000-01", "articles-9999-12", "articles-0001-01", "articles-9999-01"]:
        assert client.get(f"/sitemaps/{name}.xml").status_code == 404, name


def test_a_newsroom_without_stories_lists_only_its_sections(client, section):
    assert locations(fetch(client, "/sitemap.xml")) == [f"{BASE}/sitemaps/sections.xml"]
    assert locations(fetch(client, "/sitemaps/sections.xml")) == [f"{BASE}/local/"]
    assert lastmods(fetch(client, "/sitemaps/sections.xml")) == {}
    for name in ["authors", "tags", month(timezone.now()), "news"]:
        assert client.get(f"/sitemaps/{name}.xml").status_code == 404


def test_sitemaps_name_their_purge_key_and_set_no_cookie(client, desk):
    for url in ["/sitemap.xml", "/sitemaps/news.xml", "/sitemaps/tags.xml"]:
        response = client.get(url)
        assert "sitemaps" in response["Surrogate-Key"].split() and "public" in response["Cache-Control"]
        assert not response.cookies


def test_a_withdrawal_takes_the_story_out_of_cached_sitemaps(
    client, desk, settings, django_capture_on_commit_callbacks
):
    settings.COPYDESK_PAGE_CACHE = True
    cache.clear()
    make_article("Lifeboat crew rescues two sailors", section=desk.harbour, minutes_ago=90)
    where = f"/sitemaps/{month(desk.today.first_published_at)}.xml"
    url = BASE + desk.today.get_absolute_url()
    assert url in locations(fetch(client, where)) and url in locations(fetch(client, "/sitemaps/news.xml"))
    assert client.get(where)["X-Copydesk-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_article(Article.objects.get(pk=desk.today.pk), reason="Published by mistake.")
    assert url not in locations(fetch(client, "/sitemaps/news.xml"))
    assert url not in locations(fetch(client, where))
    cache.clear()


def test_sitemap_queries_do_not_grow_with_stories(client, section):
    author = make_author()

    def cost():
        name = month(Article.objects.live().first().first_published_at)
        counts = {}
        for url in [
            "/sitemap.xml",
            f"/sitemaps/{name}.xml",
            "/sitemaps/news.xml",
            "/sitemaps/tags.xml",
            "/sitemaps/authors.xml",
        ]:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            counts[url] = len(queries)
        return counts

    for n in range(3):
        make_article(section=section, authors=[author], tags=[f"tag {n}"], minutes_ago=n)
    few = cost()
    for n in range(3, 30):
        make_article(section=section, authors=[author], tags=[f"tag {n}"], minutes_ago=n)
    assert cost() == few


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_search_and_names_the_sitemaps(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    lines = [line for line in response.content.decode().splitlines() if line]
    assert lines == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Allow: /",
        f"Sitemap: {BASE}/sitemap.xml",
        f"Sitemap: {BASE}/sitemaps/news.xml",
    ]
    assert not response.cookies


def test_sitemap_locations_are_the_articles_own_urls_even_with_unicode_slugs(client):
    cafe = make_section("Café society", slug="cafe-society")
    story = make_article("Ölfest returns to the quay", section=cafe, slug="ölfest-returns-to-the-quay")
    expected = BASE + story.get_absolute_url()
    assert "/%C3%B6lfest-" in expected
    assert locations(fetch(client, f"/sitemaps/{month(story.first_published_at)}.xml")) == [expected]
    assert locations(fetch(client, "/sitemaps/news.xml")) == [expected]
    assert client.get(path_of(expected)).status_code == 200
