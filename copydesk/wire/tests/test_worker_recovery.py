"""The worker survives its own death and the database's: no file is lost, none is read twice."""

import json
import os
import random
import signal
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

from copydesk.wire import deliveries, ingest
from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.models import Delivery, Rejection, Source, WireItem, WireVersion
from copydesk.wire.polling import claim_due_source, poll_due_sources
from copydesk.wire.workers import owner

from .builders import make_source
from .localserver import send, serve

pytestmark = pytest.mark.django_db

# This process in an earlier life: same host and pid, another start time (what a restart in a
# container, where the worker is always pid 1, looks like).
HOST, PID = owner().split(",")[:2]
DEAD = f"{HOST},{PID},0,1"


WORDS = [
    "harbour",
    "ferry",
    "council",
    "bridge",
    "school",
    "museum",
    "library",
    "tide",
    "storm",
    "budget",
    "election",
    "festival",
    "orchard",
    "railway",
    "lighthouse",
    "market",
    "quarry",
    "river",
    "canal",
    "hospital",
    "theatre",
    "stadium",
    "vineyard",
    "bakery",
]


def delivery_file(n, items=3):
    """A file of `items` stories, each worded differently so that none is taken for another's duplicate."""

    def words(seed, k):
        return " ".join(random.Random(seed).choices(WORDS, k=k))

    return json.dumps({"items": [
        {"uri": f"urn:nwa:f{n}:i{i}", "version": "1", "versioncreated": "2026-11-20T09:00:00Z",
         "headlines": [{"value": f"{words(f'h{n}.{i}', 6)} {n}.{i}".capitalize()}],
         "bodies": [{"value": f"<p>{words(f'b{n}.{i}', 40)}.</p>"}]}
        for i in range(items)
    ]}).encode()  # fmt: skip


@pytest.fixture(autouse=True)
def drop_root(tmp_path, settings):
    settings.WIRE_DROP_ROOT = tmp_path  # drop folders must lie inside it


def drop_source(tmp_path, **fields):
    source = make_source(transport=Source.Transport.FOLDER, folder=str(tmp_path / "drop"), url="",
                         rule=Source.Rule.HOLD, **fields)  # fmt: skip
    for sub in ("processing", "done", "failed"):
        (tmp_path / "drop" / sub).mkdir(parents=True)
    return source


def listing(folder):
    return {sub: sorted(p.name for p in (folder / sub).iterdir()) for sub in ("processing", "done", "failed")}


def poll_again(source):
    Source.objects.filter(pk=source.pk).update(next_poll_at=None, polling_until=None, polling_by="")
    return poll_due_sources()


def test_a_file_left_in_processing_by_a_dead_worker_is_ingested_once(tmp_path):
    source = drop_source(tmp_path)
    drop = Path(source.folder)
    (drop / "processing" / f"{DEAD}~0~a.json").write_bytes(delivery_file(1))
    (drop / "b.json").write_bytes(delivery_file(2))
    poll_due_sources()
    assert listing(drop) == {"processing": [], "done": ["a.json", "b.json"], "failed": []}
    assert WireItem.objects.count() == 6 and Delivery.objects.count() == 2


def test_an_interrupted_delivery_resumes_where_it_stopped_in_the_same_record(tmp_path, settings):
    settings.WIRE_INGEST_BATCH_ITEMS = 2  # a delivery stops between two batches
    source = drop_source(tmp_path)
    drop = Path(source.folder)
    data = delivery_file(1, items=4)
    stop_after_two = threading.Event()
    first = ingest_delivery(source, data, "a.json", stop=stop_after_two,
                            progress=lambda item: item.agency_id.endswith("i1") and stop_after_two.set())  # fmt: skip
    assert first.completed_at is None and first.position == 2
    # The worker then died with the file still claimed.
    (drop / "processing" / f"{DEAD}~{first.pk}~a.json").write_bytes(data)
    poll_due_sources()
    assert listing(drop)["done"] == ["a.json"] and listing(drop)["processing"] == []
    delivery = Delivery.objects.get()
    assert delivery.pk == first.pk and delivery.completed_at is not None
    assert (delivery.counts, delivery.position, delivery.attempts) == ({"new": 4}, 4, 2)
    assert WireItem.objects.count() == 4 and WireVersion.objects.count() == 4


def test_a_file_whose_delivery_was_complete_is_only_filed_away(tmp_path):
    source = drop_source(tmp_path)
    drop = Path(source.folder)
    done = ingest_delivery(source, delivery_file(1), "a.json")
    (drop / "processing" / f"{DEAD}~{done.pk}~a.json").write_bytes(delivery_file(1))
    poll_due_sources()
    assert listing(drop)["done"] == ["a.json"]
    assert Delivery.objects.count() == 1 and Delivery.objects.get().counts == {"new": 3}


def test_a_live_workers_claim_is_left_alone_until_its_lease_runs_out(tmp_path, settings):
    settings.WIRE_LEASE_SECONDS = 600
    source = drop_source(tmp_path)
    drop = Path(source.folder)
    claimed = drop / "processing" / "other-host.example,4242,77,1~0~a.json"
    claimed.write_bytes(delivery_file(1))
    poll_due_sources()
    assert listing(drop)["processing"] == [claimed.name] and not WireItem.objects.exists()
    silent = time.time() - 601  # the other worker has given no sign of life for longer than the lease
    os.utime(claimed, (silent, silent))
    poll_again(source)
    assert listing(drop) == {"processing": [], "done": ["a.json"], "failed": []}
    assert WireItem.objects.count() == 3


def test_a_file_claimed_before_this_version_is_reclaimed_after_the_lease(tmp_path, settings):
    settings.WIRE_LEASE_SECONDS = 600
    source = drop_source(tmp_path)
    drop = Path(source.folder)
    stranded = drop / "processing" / "a.json"  # the old claim: a bare name in processing/
    stranded.write_bytes(delivery_file(1))
    os.utime(stranded, (time.time() - 3600, time.time() - 3600))
    poll_due_sources()
    assert listing(drop)["done"] == ["a.json"] and WireItem.objects.count() == 3


def test_a_file_that_keeps_killing_the_worker_is_set_aside(tmp_path):
    source = drop_source(tmp_path)
    drop = Path(source.folder)
    delivery = Delivery.objects.create(source=source, name="poison.json", attempts=deliveries.MAX_ATTEMPTS)
    (drop / "processing" / f"{DEAD}~{delivery.pk}~poison.json").write_bytes(delivery_file(1))
    poll_due_sources()
    assert listing(drop) == {"processing": [], "done": [], "failed": ["poison.json"]}
    delivery.refresh_from_db()
    assert "interrupted" in delivery.error and delivery.completed_at is not None
    assert Rejection.objects.filter(delivery=delivery).exists()


def test_a_database_error_leaves_the_file_claimable_and_nothing_is_lost(tmp_path, monkeypatch):
    source = drop_source(tmp_path)
    drop = Path(source.folder)
    (drop / "a.json").write_bytes(delivery_file(1))
    real = ingest.copy_item_fields  # on the way of every new item, stored alone or in a batch

    def database_goes_away(wire, item):
        if item.agency_id.endswith("i1"):
            raise OperationalError("server closed the connection unexpectedly")
        return real(wire, item)

    monkeypatch.setattr(ingest, "copy_item_fields", database_goes_away)
    with pytest.raises(OperationalError):
        poll_due_sources()  # the round ends; the worker starts another
    assert listing(drop)["done"] == [] and not Rejection.objects.exists(), (
        "a database outage is no fault of the item"
    )
    monkeypatch.setattr(ingest, "copy_item_fields", real)
    poll_again(source)
    assert listing(drop) == {"processing": [], "done": ["a.json"], "failed": []}
    assert WireItem.objects.count() == 3 and Delivery.objects.get().counts == {"new": 3}


def test_sigterm_stops_the_worker_within_five_seconds_during_a_backlog_and_loses_nothing(tmp_path):
    source = drop_source(tmp_path)
    drop = Path(source.folder)
    files = 20
    for n in range(files):
        (drop / f"{n:03}.json").write_bytes(delivery_file(n))
    signalled = []

    def terminate_once_the_backlog_is_being_read():
        # Stop the worker in any case, so a worker that never reads the backlog fails this test
        # instead of running for ever.
        give_up = time.monotonic() + 120
        while len(list((drop / "done").iterdir())) < 2 and time.monotonic() < give_up:
            time.sleep(0.01)
        signalled.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGTERM)

    previous = signal.getsignal(signal.SIGTERM)
    killer = threading.Thread(target=terminate_once_the_backlog_is_being_read, daemon=True)
    killer.start()
    try:
        call_command("worker", "--interval", "0.05")
    finally:
        signal.signal(signal.SIGTERM, previous)
    stopped = time.monotonic()
    assert signalled and stopped - signalled[0] < 5
    left = listing(drop)
    assert len(left["done"]) >= 2, "the worker never read the backlog"
    assert len(left["done"]) < files, "the worker stopped in the middle of the backlog"
    assert all(name.startswith("released~") for name in left["processing"])
    poll_again(source)
    assert listing(drop)["done"] == [f"{n:03}.json" for n in range(files)]
    assert WireItem.objects.count() == 3 * files and WireVersion.objects.count() == 3 * files
    assert Delivery.objects.count() == files


def test_a_source_is_not_polled_twice_while_a_slow_poll_outlasts_its_interval():
    source = make_source(poll_interval=60)
    now = timezone.now()
    assert claim_due_source(now) == source
    # The fetch and the ingest take longer than the interval and than the first back-off.
    assert claim_due_source(now + timedelta(minutes=5)) is None
    source.refresh_from_db()
    assert source.polling_by == owner()


def test_a_dead_workers_hold_on_a_source_ends_at_once_on_its_host_or_after_the_lease(settings):
    settings.WIRE_LEASE_SECONDS = 600
    now = timezone.now()
    local = make_source()
    Source.objects.filter(pk=local.pk).update(polling_until=now + timedelta(minutes=10), polling_by=DEAD)
    assert claim_due_source(now) == local
    Source.objects.filter(pk=local.pk).update(next_poll_at=now + timedelta(hours=1))  # as its poll ends
    remote = make_source()
    Source.objects.filter(pk=remote.pk).update(
        polling_until=now + timedelta(minutes=10), polling_by="far.example,9,9,9"
    )
    assert claim_due_source(now) is None
    assert claim_due_source(now + timedelta(minutes=11)) == remote


def test_a_source_that_answers_garbage_is_failing_and_backs_off(settings):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    garbage = b"<html><body>Our feed moved; sorry!</body></html>"
    with serve(
        {"/feed": lambda h: send(h, 200, garbage, ETag='"junk"', Content_Type="application/json")}
    ) as base:
        source = make_source(url=f"{base}/feed", format="ninjs", poll_interval=60)
        before = timezone.now()
        poll_due_sources()
    source.refresh_from_db()
    assert source.failures == 1 and not source.healthy
    assert "refused" in source.last_error and source.last_success_at is None
    assert source.next_poll_at >= before + timedelta(seconds=120)
    assert source.etag == "", "the same garbage must be fetched again, not answered 304"
    assert source.polling_by == "" and source.polling_until is None
