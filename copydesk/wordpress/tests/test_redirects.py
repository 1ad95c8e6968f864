"""Every address of the old WordPress site answers with a 301 to where its content lives now."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from copydesk.newsroom.actions import update_article, withdraw_article
from copydesk.newsroom.models import Article, Author, Section
from copydesk.wordpress.models import OldURL

from .conftest import import_wordpress

pytestmark = pytest.mark.django_db


def location(client, path):
    response = client.get(path)
    assert response.status_code == 301, f"{path} answered {response.status_code}"
    return response["Location"]


def test_old_permalinks_lead_to_the_story_however_they_are_written(imported, client):
    ferry = Article.objects.get(slug="winter-ferry-timetable")
    assert ferry.get_absolute_url() == "/harbour/winter-ferry-timetable/"
    for path in (
        "/2024/03/05/winter-ferry-timetable/",
        "/2024/03/05/winter-ferry-timetable",
        "/2024/03/05/Winter-Ferry-Timetable/",
        "/2024//03/05/winter-ferry-timetable/",
        "/2024/03/05/winter%2Dferry%2Dtimetable/",
        "/2024/03/05/winter-ferry-timetable/?utm_source=newsletter",
        "/?p=101",
        "/index.php?p=101",
        "/winter-ferry-timetable/",
    ):
        assert location(client, path) == "/harbour/winter-ferry-timetable/", path
    assert client.get("/harbour/winter-ferry-timetable/").status_code == 200


def test_the_home_page_is_untouched_without_a_wordpress_query(imported, client):
    assert client.get("/").status_code == 200
    assert client.get("/?utm_campaign=spring").status_code == 200
    assert client.get("/?p=999").status_code == 200  # no such post: the home page, as WordPress shows it


def test_archives_and_feeds_lead_to_sections_tags_authors_and_feeds(imported, client):
    harbour, feeds = Section.objects.get(slug="harbour"), Section.objects.get(slug="feeds-section")
    ferries, council = Tag.objects.get(name="Ferries"), Tag.objects.get(name="Harbour Council")
    expected = {
        "/category/harbour/": "/harbour/",
        "/?cat=5": "/harbour/",
        "/category/feeds/": "/feeds-section/",
        "/category/harbour/council/": f"/tags/{council.slug}/",  # a category that was only ever second
        "/category/council/": f"/tags/{council.slug}/",
        "/tag/ferries/": f"/tags/{ferries.slug}/",
        "/?tag=ferries": f"/tags/{ferries.slug}/",
        "/author/mira.okafor/": "/authors/miraokafor/",
        "/author/mira-okafor/": "/authors/miraokafor/",
        "/?author=2": "/authors/miraokafor/",
        "/feed/": "/feeds/rss.xml",
        "/feed/atom/": "/feeds/rss.xml",
        "/?feed=rss2": "/feeds/rss.xml",
        "/category/harbour/feed/": f"/feeds/sections/{harbour.slug}/rss.xml",
        "/category/feeds/feed/": f"/feeds/sections/{feeds.slug}/rss.xml",
    }
    assert {path: location(client, path) for path in expected} == expected


def test_a_redirect_follows_the_story_to_its_current_address(imported, client):
    ferry = Article.objects.get(slug="winter-ferry-timetable")
    news = Section.objects.get(slug="news")
    update_article(ferry, slug="winter-ferries", section=news)
    assert location(client, "/2024/03/05/winter-ferry-timetable/") == "/news/winter-ferries/"
    harbour = Section.objects.get(slug="harbour")
    harbour.slug = "port"
    harbour.save()
    assert location(client, "/category/harbour/") == "/port/"
    Author.objects.filter(slug="miraokafor").update(slug="mira")
    assert location(client, "/author/mira.okafor/") == "/authors/mira/"


def test_a_withdrawn_story_old_address_ends_at_its_notice(imported, client):
    ferry = Article.objects.get(slug="winter-ferry-timetable")
    withdraw_article(ferry, reason="The timetable was never confirmed.")
    assert location(client, "/2024/03/05/winter-ferry-timetable/") == "/harbour/winter-ferry-timetable/"
    assert client.get("/harbour/winter-ferry-timetable/").status_code == 410


def test_a_story_not_yet_public_keeps_its_old_address_unanswered(imported, client):
    assert (
        OldURL.objects.filter(path="/?p=104").exists()
        and OldURL.objects.filter(path="/tall-ships-return").exists()
    )
    assert client.get("/tall-ships-return/").status_code == 404
    assert client.get("/?p=103").status_code == 200  # the draft: the home page, not the story


def test_unknown_paths_and_the_admin_are_left_alone(imported, client):
    assert client.get("/2024/03/05/no-such-post/").status_code == 404
    OldURL.objects.create(site="harbourtimes.example", path="/admin/no-such-page", feed=True)
    assert client.get("/admin/no-such-page/").status_code in (302, 404)


def test_pages_that_exist_cost_no_query_for_redirects(imported, client, settings):
    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return [q["sql"] for q in captured]

    pages = ["/", "/harbour/", "/harbour/winter-ferry-timetable/", "/?page=1"]
    for page in pages:
        queries(page)  # the first view of a page makes its image renditions
    with_redirects = {page: queries(page) for page in pages}
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "OldURLRedirectMiddleware" not in m]
    assert {page: queries(page) for page in pages} == with_redirects
    assert not any("wordpress_oldurl" in sql for sqls in with_redirects.values() for sql in sqls)


def test_a_cached_redirect_is_purged_with_its_story(
    imported, client, settings, django_capture_on_commit_callbacks
):
    settings.COPYDESK_PAGE_CACHE = True
    ferry = Article.objects.get(slug="winter-ferry-timetable")
    first = client.get("/2024/03/05/winter-ferry-timetable/")
    assert first.status_code == 301 and f"article-{ferry.pk}" in first["Surrogate-Key"].split()
    assert client.get("/2024/03/05/winter-ferry-timetable/")["X-Copydesk-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        update_article(ferry, slug="winter-ferries")
    again = client.get("/2024/03/05/winter-ferry-timetable/")
    assert again["X-Copydesk-Cache"] == "miss"
    assert again["Location"] == "/harbour/winter-ferries/"
    assert "Set-Cookie" not in again


def test_a_site_that_lived_in_a_folder_keeps_its_folder_in_every_old_address(db, export, uploads, client):
    export.write_text(
        export.read_text().replace("https://harbourtimes.example", "https://harbourtimes.example/blog")
    )
    output, status = import_wordpress(export, "--media-dir", uploads)
    assert status == 0, output
    assert location(client, "/blog/2024/03/05/winter-ferry-timetable/") == "/harbour/winter-ferry-timetable/"
    assert location(client, "/blog/?p=101") == "/harbour/winter-ferry-timetable/"
    assert location(client, "/blog/category/harbour/") == "/harbour/"
    assert location(client, "/blog/feed/") == "/feeds/rss.xml"
    assert client.get("/?p=101").status_code == 200  # the site root was never WordPress's
    assert not OldURL.objects.exclude(path__startswith="/blog/").exists()
