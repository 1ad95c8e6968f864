"""COPYDESK_SEARCH_BACKEND picks the engine; a wrong value stops Copydesk with a message that says what to do."""

import json
import os
import subprocess
import sys

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

READ_SETTINGS = "import json, copydesk.settings as s; print(json.dumps(s.WAGTAILSEARCH_BACKENDS['default']))"


def settings_with(**env):
    environ = {**os.environ, "COPYDESK_DEMO": "1", **env}
    return subprocess.run(
        [sys.executable, "-c", READ_SETTINGS], env=environ, capture_output=True, text=True, check=False
    )


def test_opensearch_is_chosen_and_configured_from_the_environment():
    done = settings_with(
        COPYDESK_SEARCH_BACKEND="opensearch3",
        COPYDESK_OPENSEARCH_URL="https://search-1.internal:9200, https://search-2.internal:9200",
        COPYDESK_OPENSEARCH_INDEX_PREFIX="ledger_",
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "BACKEND": "wagtail.search.backends.opensearch3",
        "URLS": ["https://search-1.internal:9200", "https://search-2.internal:9200"],
        "INDEX_PREFIX": "ledger_",
        "TIMEOUT": 5,
        "ATOMIC_REBUILD": True,
    }


def test_an_unknown_backend_is_refused_with_the_choices():
    done = settings_with(COPYDESK_SEARCH_BACKEND="elasticsearch")
    assert done.returncode != 0
    assert "use database, opensearch2 or opensearch3" in done.stderr


@pytest.mark.django_db  # on SQLite, Wagtail looks for the FTS5 table first
def test_the_default_backend_is_the_database_s_own_full_text_search():
    backend = type(get_search_backend()).__name__
    expected = {"sqlite": "MatchFirstSQLiteBackend", "postgresql": "LeanPostgresBackend"}
    assert backend == expected[connection.vendor]


@pytest.mark.django_db
def test_an_unreachable_opensearch_cluster_gets_a_quick_503_not_an_error(client, settings):
    # Nothing listens on port 9 of loopback: the same answer as a cluster that is down.
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": ["http://127.0.0.1:9"],
            "INDEX_PREFIX": "copydesk_test_",
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0},
        }
    }
    response = client.get("/search/", {"q": "harbour"})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "Search is unavailable for a moment" in response.content.decode()
    assert "Set-Cookie" not in response


@pytest.mark.django_db
def test_every_reader_filter_reaches_opensearch_as_an_indexed_filter(settings):
    """OpenSearch refuses a filter on a field the index does not hold; each of ours must be held."""
    from copydesk.conftest import make_author, make_section
    from copydesk.search.criteria import read_criteria
    from copydesk.search.results import candidates

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.opensearch3", "URLS": ["http://127.0.0.1:9"]}
    }
    author, section = make_author(slug="ada-quill"), make_section(slug="harbour-desk")
    criteria = read_criteria(
        {
            "q": "ferry",
            "section": "harbour-desk",
            "author": "ada-quill",
            "from": "2026-01-01",
            "to": "2026-02-01",
        }
    )
    body = get_search_backend().search("ferry", candidates(criteria)).query_compiler.get_query()
    text = json.dumps(body, default=str)
    assert '{"term": {"status_filter": "published"}}' in text
    assert f'{{"term": {{"section_id_filter": {section.pk}}}}}' in text
    assert f'{{"term": {{"byline_authors.author_id_filter": {author.pk}}}}}' in text
    assert text.count("first_published_at_filter") == 2  # from and until
