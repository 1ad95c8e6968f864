"""The worker polls, reads drop folders, backs off from failing sources and never stops."""

import shutil
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from copydesk.wire.models import Delivery, Source, WireItem
from copydesk.wire.polling import claim_due_source, poll_due_sources

from .builders import make_source
from .localserver import send, serve

FIXTURES = Path(__file__).parent / "fixtures"
FEED = (FIXTURES / "ninjs" / "v2_delivery.json").read_bytes()


@pytest.fixture(autouse=True)
def drop_root(tmp_path, settings):
    settings.WIRE_DROP_ROOT = tmp_path  # folders must lie inside it


def folder_source(tmp_path, name="drop", **fields):
    return make_source(transport=Source.Transport.FOLDER, folder=str(tmp_path / name), url="", **fields)


@pytest.mark.django_db
def test_drop_folder_files_are_ingested_once_and_filed_by_outcome(tmp_path):
    source = folder_source(tmp_path)
    drop = Path(source.folder)
    drop.mkdir()
    shutil.copy(FIXTURES / "ninjs" / "v2_delivery.json", drop / "a.json")
    shutil.copy(FIXTURES / "ninjs" / "truncated.json", drop / "b.json")
    assert poll_due_sources() == 1
    assert sorted(p.name for p in (drop / "done").iterdir()) == ["a.json"]
    assert sorted(p.name for p in (drop / "failed").iterdir()) == ["b.json"]
    assert WireItem.objects.filter(source=source).count() == 2
    Source.objects.filter(pk=source.pk).update(next_poll_at=None)
    poll_due_sources()
    assert Delivery.objects.count() == 2, "files already read are never read again"


@pytest.mark.django_db
def test_http_source_is_polled_with_etag_and_a_304_delivers_nothing(settings):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    seen = []

    def feed(handler):
        seen.append(handler.headers.get("If-None-Match"))
        if handler.headers.get("If-None-Match") == '"v1"':
            send(handler, 304, ETag='"v1"')
        else:
            send(handler, 200, FEED, ETag='"v1"', Content_Type="application/json")

    with serve({"/feed": feed}) as base:
        source = make_source(url=f"{base}/feed", format="ninjs")
        poll_due_sources()
        Source.objects.filter(pk=source.pk).update(next_poll_at=None)
        poll_due_sources()
    assert seen == [None, '"v1"']
    assert Delivery.objects.filter(source=source).count() == 1
    source.refresh_from_db()
    assert source.etag == '"v1"' and source.last_success_at and source.failures == 0


@pytest.mark.django_db
def test_a_failing_source_backs_off_shows_its_error_and_does_not_stop_the_others(tmp_path, settings):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    with serve({"/feed": lambda h: send(h, 500, b"down")}) as base:
        broken = make_source(url=f"{base}/feed", poll_interval=60)
        good = folder_source(tmp_path)
        Path(good.folder).mkdir()
        shutil.copy(FIXTURES / "ninjs" / "v2_delivery.json", Path(good.folder) / "a.json")
        before = timezone.now()
        assert poll_due_sources() == 2
    broken.refresh_from_db()
    assert broken.failures == 1 and "500" in broken.last_error and broken.last_success_at is None
    assert broken.next_poll_at >= before + timedelta(seconds=120)  # doubled interval
    assert WireItem.objects.filter(source=good).exists()
    assert claim_due_source() is None, "nothing is due until the back-off ends"


@pytest.mark.django_db(transaction=True)
def test_two_workers_share_the_sources_and_ingest_nothing_twice(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers and runs one worker; the claim is exercised on PostgreSQL")
    from copydesk.conftest import make_agency, make_section

    agency, section = make_agency(), make_section()
    sources = [folder_source(tmp_path, f"drop{n}", agency=agency, section=section) for n in range(6)]
    for source in sources:
        Path(source.folder).mkdir()
        # Every folder carries the same two stories: identity must hold across sources and workers.
        shutil.copy(FIXTURES / "ninjs" / "v2_delivery.json", Path(source.folder) / "same.json")
    polled, errors = [], []

    def worker():
        try:
            polled.append(poll_due_sources())
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert sum(polled) == 6, "each source is polled by exactly one worker"
    assert Delivery.objects.count() == 6
    assert WireItem.objects.count() == 2
    assert sorted(WireItem.objects.values_list("guid", flat=True).distinct()) == sorted(
        WireItem.objects.values_list("guid", flat=True)
    )
