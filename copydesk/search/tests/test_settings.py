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
