"""Reader pages for caches: headers, the built-in page cache, exact purges, stampedes, stale on error."""

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from copydesk.conftest import make_article, make_section
from copydesk.newsroom.actions import publish_article, withdraw_article
from copydesk.newsroom.models import Article
from copydesk.wire.tests.localserver import send, serve

pytestmark = pytest.mark.django_db


def test_reader_pages_tell_shared_caches_what_they_show_and_how_long_to_keep_it(client, section):
    article = make_article(section=section, tags=["transport"])
    response = client.get(article.get_absolute_url())
    control = response["Cache-Control"]
    for part in ["public", "max-age=30", "s-maxage=300", "stale-while-revalidate=60", "stale-if-error=86400"]:
        assert part in control
    keys = response["Surrogate-Key"].split()
    assert {f"article-{article.pk}", f"section-{section.pk}", "recent", "site"} <= set(keys)
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    assert not response.cookies
    again = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    home = client.get("/")
    assert {"home", f"article-{article.pk}"} <= set(home["Surrogate-Key"].split())


def test_admin_pages_are_never_marked_public(admin_client):
    response = admin_client.get("/admin/")
    assert "public" not in response.get("Cache-Control", "") and not response.has_header("Surrogate-Key")


def test_a_cached_page_costs_no_query(cached, client, section):
    make_article(section=section)
    assert client.get("/")["X-Copydesk-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response["X-Copydesk-Cache"] == "hit" and len(queries) == 0


def test_a_publish_purges_exactly_the_pages_that_show_the_story(
    cached, client, section, django_capture_on_commit_callbacks
):
    other_section = make_section("Sport", slug="sport")
    old = make_article("An older story on the harbour", section=section, minutes_ago=90)
    for url in ["/", section.get_absolute_url(), other_section.get_absolute_url(), old.get_absolute_url()]:
        client.get(url)
    new = make_article("Breaking: the ferry is back", section=section, publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(new)
    assert client.get("/")["X-Copydesk-Cache"] == "miss"
    assert "Breaking: the ferry is back" in client.get(section.get_absolute_url()).content.decode()
    assert "Breaking: the ferry is back" in client.get(old.get_absolute_url()).content.decode()  # its rail
    assert client.get(other_section.get_absolute_url())["X-Copydesk-Cache"] == "hit"  # untouched


def test_a_kill_takes_the_story_out_of_every_cached_page_at_once(
    cached, client, section, django_capture_on_commit_callbacks
):
    killed = make_article("A story about to be withdrawn", section=section)
    other = make_article("A story that stays", section=section, minutes_ago=120)
    for url in ["/", section.get_absolute_url(), killed.get_absolute_url(), other.get_absolute_url()]:
        assert "A story about to be withdrawn" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_article(Article.objects.get(pk=killed.pk), reason="Withdrawn at the agency's request.")
    assert client.get(killed.get_absolute_url()).status_code == 410
    for url in ["/", section.get_absolute_url(), other.get_absolute_url()]:
        assert "A story about to be withdrawn" not in client.get(url).content.decode(), url


def test_when_a_hot_page_expires_one_request_rebuilds_it_and_the_others_get_the_stale_copy(
    cached, client, section, settings
):
    make_article(section=section)
    client.get("/")
    settings.COPYDESK_CACHE_SECONDS = 0  # the copy is now expired, though nothing it shows changed
    assert cache.add("rebuild:page:testserver:/", 1, 30)  # someone else is rebuilding it
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response["X-Copydesk-Cache"] == "stale" and len(queries) == 0
    cache.delete("rebuild:page:testserver:/")
    assert client.get("/")["X-Copydesk-Cache"] == "miss"  # this request rebuilt it


def test_an_expired_page_is_served_stale_when_the_database_fails(cached, section, settings, monkeypatch):
    make_article(section=section)
    client = Client(raise_request_exception=False)
    client.get("/")
    settings.COPYDESK_CACHE_SECONDS = 0

    def broken(*args, **kwargs):
        raise OperationalError("the database is down")

    monkeypatch.setattr(Article.objects, "live", broken)
    response = client.get("/")
    assert response.status_code == 200 and response["X-Copydesk-Cache"] == "stale-if-error"


def test_http_caches_are_sent_the_keys_to_purge(section, settings, django_capture_on_commit_callbacks):
    received = []

    def purge(handler):
        received.append((handler.command, handler.headers.get("X-Purge-Keys")))
        send(handler, 200, b"purged")

    with serve({"/": purge}) as base:
        settings.COPYDESK_PURGE_URLS = [f"{base}/"]
        article = make_article(section=section, publish=False)
        with django_capture_on_commit_callbacks(execute=True):
            publish_article(article)
    assert received and received[0][0] == "PURGE"
    assert {f"article-{article.pk}", f"section-{section.pk}", "home", "recent"} <= set(received[0][1].split())


def test_without_a_stale_copy_a_database_failure_answers_a_quick_503(section, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("the database is down")

    monkeypatch.setattr(Article.objects, "live", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert b"We will be back in a moment" in response.content


def test_a_page_is_never_served_from_cache_once_a_version_it_depends_on_is_evicted(cached, client, section):
    article = make_article(section=section)
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Copydesk-Cache"] == "hit"
    cache.delete(f"skv:article-{article.pk}")  # as a full cache would cull it
    assert client.get(article.get_absolute_url())["X-Copydesk-Cache"] == "miss"
