"""`copydesk reindex` rebuilds the index that bulk loads bypass; searches over many stories stay bounded."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.models import IndexEntry

from copydesk.newsroom.models import Article
from copydesk.search.budget import ran_out_of_time, time_limit
from copydesk.search.results import TOO_MANY

pytestmark = pytest.mark.django_db


def results(client, query):
    return client.get("/search/", {"q": query}).content.decode().count('class="card search-result"')


def test_reindex_makes_bulk_loaded_stories_findable_and_reports_its_progress(client, capsys):
    call_command("generate", articles=30)
    word = Article.objects.first().headline.split()[-1]  # a place name
    assert results(client, word) == 0  # bulk inserts send no save signals
    call_command("reindex", chunk=7)
    out, err = capsys.readouterr()
    assert results(client, word) >= Article.objects.filter(headline__endswith=word).count() > 0
    assert "Indexing articles" in err and "30/30" in err
    assert "Indexed 30 articles" in out


def test_reindex_drops_entries_of_stories_that_no_longer_exist():
    call_command("generate", articles=5)
    article_type = ContentType.objects.get_for_model(Article)
    IndexEntry.objects.create(content_type=article_type, object_id="987654", title="", body="A lost story")
    call_command("reindex")
    assert not IndexEntry.objects.filter(object_id="987654").exists()
    assert IndexEntry.objects.filter(content_type=article_type).count() == 5


def test_reindex_costs_the_same_queries_for_ten_stories_or_forty():
    call_command("generate", articles=10)
    with CaptureQueriesContext(connection) as few:
        call_command("reindex")
    IndexEntry.objects.all().delete()
    call_command("generate", articles=30)
    with CaptureQueriesContext(connection) as many:
        call_command("reindex")
    assert Article.objects.count() == 40
    assert len(many) == len(few)


def test_ranking_that_runs_out_of_time_shows_the_newest_matches_with_a_note(client, settings):
    call_command("generate", articles=1000)
    call_command("reindex")
    # As short as the engines allow: PostgreSQL's 1 ms is a tenth of what ranking takes here.
    settings.COPYDESK_SEARCH_RANK_TIMEOUT_MS = 0
    page = BeautifulSoup(client.get("/search/", {"q": "council"}).content, "html.parser")
    assert TOO_MANY in page.select_one(".search-notes").get_text()
    shown = [t["datetime"] for t in page.select(".search-result time")]
    assert len(shown) == 20 and shown == sorted(shown, reverse=True)
    settings.COPYDESK_SEARCH_RANK_TIMEOUT_MS = 60_000
    page = BeautifulSoup(client.get("/search/", {"q": "council"}).content, "html.parser")
    assert page.select_one(".search-notes") is None and len(page.select(".search-result")) == 20


def test_the_time_limit_stops_a_long_query_and_lifts_afterwards():
    count_to = "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 50000000) SELECT count(*) FROM c"
    with pytest.raises(OperationalError) as stopped, time_limit(50), connection.cursor() as cursor:
        cursor.execute(count_to)
    assert ran_out_of_time(stopped.value)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
