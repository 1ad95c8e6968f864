"""The worker recovers by itself when its database goes away at any statement of a drop-folder round.

The database is killed, as kill -9 of the server does, just before the n-th statement of a round,
for every n a round issues; rounds that follow must finish the file, store each item once and give
each file one delivery record.
"""

import contextlib
import os
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from copydesk.background.scheduler import dispatch_tick, guarded
from copydesk.wire.models import Delivery, Source, WireItem, WireVersion

from .test_worker_recovery import delivery_file, drop_source, listing

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="kills its own PostgreSQL session"),
]


class KillAt:
    """A database wrapper that ends this session just before the n-th statement it sees."""

    def __init__(self, n):
        self.n, self.seen = n, 0

    def __call__(self, execute, sql, params, many, context):
        self.seen += 1
        if self.seen == self.n:
            # The session ends, so this statement itself fails: that is the point.
            with contextlib.suppress(psycopg.Error):
                context["connection"].connection.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        return execute(sql, params, many, context)


def run_round(source, kill=None):
    """One worker round with the source due (its interval is long, so a round polls it once)."""
    Source.objects.filter(pk=source.pk).update(next_poll_at=None)
    with connection.execute_wrapper(kill or KillAt(0)):
        guarded("enqueue_due", dispatch_tick)


def test_a_worker_finishes_every_file_whichever_statement_the_database_dies_at(tmp_path, settings):
    settings.WIRE_DROP_ROOT = tmp_path
    source = drop_source(tmp_path, poll_interval=3600)
    drop = Path(source.folder)
    (drop / "first.json").write_bytes(delivery_file(0, items=2))
    counting = KillAt(0)
    run_round(source, counting)
    statements = counting.seen
    assert statements > 10 and listing(drop)["done"] == ["first.json"]
    # Every statement on a developer's run (WORKER_KILL_STRIDE=1); every third in CI, which is enough
    # to catch a worker left holding a dead connection.
    for n in range(1, statements + 1, int(os.environ.get("WORKER_KILL_STRIDE", "3"))):
        (drop / f"{n:03}.json").write_bytes(delivery_file(n, items=2))
        run_round(source, KillAt(n))
        for _ in range(3):  # the database is back
            if f"{n:03}.json" in listing(drop)["done"]:
                break
            run_round(source)
        assert listing(drop)["processing"] == [], f"killed at statement {n}"
        assert f"{n:03}.json" in listing(drop)["done"], f"killed at statement {n}"
    files = len(listing(drop)["done"])
    stored = sorted(WireItem.objects.values_list("guid", flat=True))
    # Before copydesk.transactions.committed(), an item whose transaction Django rolled back in
    # silence was missing here while its delivery had counted it.
    assert len(stored) == WireVersion.objects.count() == 2 * files, (
        stored, list(Delivery.objects.values_list("name", "position", "counts"))
    )  # fmt: skip
    assert Delivery.objects.count() == files, "one delivery record per file"
    assert not Delivery.objects.filter(completed_at=None).exists()
