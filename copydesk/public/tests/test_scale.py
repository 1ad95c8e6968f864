"""Reader pages cost the same few queries at 1,000 and 50,000 stories, and use indexes at 100,000."""

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from copydesk.newsroom.models import Article, Author, Section

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """Generated stories, grown in steps; everything is rolled back at the end of the module."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield lambda total: call_command("generate", "--articles", str(total - Article.objects.count()))
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def reader_urls():
    story = Article.objects.live().order_by("pk")[Article.objects.count() // 2]
    return {
        "home": "/",
        "section": Section.objects.order_by("pk").first().get_absolute_url(),
        "section, page 5": Section.objects.order_by("pk").first().get_absolute_url() + "?page=5",
        "article": story.get_absolute_url(),
        "author": Author.objects.order_by("pk").first().get_absolute_url(),
        "tag": f"/tags/{Tag.objects.order_by('pk').first().slug}/",
        "site feed": "/feeds/atom.xml",
        "section feed": f"/feeds/sections/{Section.objects.order_by('pk').first().slug}/rss.xml",
        "JSON feed": "/feeds/feed.json",
        "month sitemap": f"/sitemaps/articles-{timezone.localtime(story.first_published_at):%Y-%m}.xml",
        "tags sitemap": "/sitemaps/tags.xml",
    }


def count_queries(client, urls):
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[name] = len(queries)
    return counts


def test_query_budget_is_the_same_at_1000_and_50000_stories(archive, client):
    archive(1_000)
    small = count_queries(client, reader_urls())
    archive(50_000)
    large = count_queries(client, reader_urls())
    assert large == small
    assert max(large.values()) <= 16, large


def test_no_reader_page_scans_the_article_table_at_100000_stories(archive, client):
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans are checked on PostgreSQL, the production database")
    archive(100_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    scans = []
    for name, url in reader_urls().items():
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        for query in queries.captured_queries:
            if "newsroom_article" not in query["sql"] or query["sql"].startswith(("SAVEPOINT", "RELEASE")):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN " + query["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
            if "Seq Scan on newsroom_article " in plan + " ":
                scans.append(f"{name}: {query['sql'][:160]}\n{plan}")
    assert not scans, "\n\n".join(scans)
