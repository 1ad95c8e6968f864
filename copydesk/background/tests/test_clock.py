"""Issue 13, point 3: a scheduled story is public within 2 s of its time (p95) while 20 sources hang
for their full timeout and a 10,000-file drop-folder backlog is being ingested.

The real `copydesk worker` runs as a subprocess on the PostgreSQL test database, with the database
queue; a loopback server accepts every connection and never answers.
"""

import socket
import statistics
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from copydesk.conftest import make_article, make_section
from copydesk.newsroom.actions import publish_article
from copydesk.newsroom.models import Article
from copydesk.wire.models import Source
from copydesk.wire.tests.builders import make_source
from copydesk.wire.tests.test_worker_recovery import delivery_file

from .processes import shared_database, start_worker, terminate, wait_for

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

SOURCES, FILES, STORIES, APART = 20, 10_000, 20, 1.5


class SilentServer(threading.Thread):
    """Accept connections on loopback and never answer; count them."""

    def __init__(self):
        super().__init__(daemon=True)
        self.sock = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.port = self.sock.getsockname()[1]
        self.held, self.stopped = [], False

    def run(self):
        self.sock.settimeout(0.2)
        while not self.stopped:
            try:
                self.held.append(self.sock.accept()[0])
            except TimeoutError:
                continue

    def stop(self):
        self.stopped = True
        self.join(2)
        for conn in self.held:
            conn.close()
        self.sock.close()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def test_scheduled_stories_go_live_on_time_behind_hanging_sources_and_a_backlog(tmp_path, settings):
    settings.WIRE_DROP_ROOT = tmp_path
    server = SilentServer()
    server.start()
    for n in range(SOURCES):
        make_source(url=f"http://127.0.0.1:{server.port}/feed-{n}", rule=Source.Rule.HOLD, poll_interval=600)
    drop = tmp_path / "drop"
    drop.mkdir()
    for n in range(FILES):
        (drop / f"{n:05}.json").write_bytes(delivery_file(n, items=1))
    make_source(transport=Source.Transport.FOLDER, folder=str(drop), url="", rule=Source.Rule.HOLD)
    section = make_section()
    worker = None
    try:
        with shared_database(tmp_path) as database_url:
            worker = start_worker(
                tmp_path, database_url, "database", "--threads", str(SOURCES + 4),
                WIRE_DROP_ROOT=tmp_path, WIRE_FETCH_ALLOW_HOSTS="127.0.0.1", WIRE_FETCH_TIMEOUT="20",
                LOG_LEVEL="WARNING",
            )  # fmt: skip
            done = drop / "done"
            wait_for(lambda: done.exists() and any(done.iterdir()) and len(server.held) >= SOURCES,
                     worker, timeout=60, what="the backlog being read and every source hanging")  # fmt: skip
            began = time.monotonic()
            drafts = [make_article(f"Harbour story {n} on a timer", section=section, publish=False)
                      for n in range(STORIES)]  # fmt: skip
            # Far enough ahead that every story is scheduled before its time, however busy the machine.
            base = timezone.now() + timedelta(seconds=8)
            due, scheduled = {}, {}
            for n, story in enumerate(drafts):
                story.go_live_at = due[story.pk] = base + timedelta(seconds=n * APART)
                publish_article(story)  # scheduled, not live
                scheduled[story.pk] = timezone.now()
            assert all(scheduled[pk] < due[pk] for pk in due), "the test itself was too slow to schedule"
            lateness = {}
            deadline = time.monotonic() + 60
            while len(lateness) < STORIES and time.monotonic() < deadline and worker.poll() is None:
                now = timezone.now()
                for pk in Article.objects.filter(pk__in=set(due) - set(lateness), live=True).values_list(
                    "pk", flat=True
                ):
                    lateness[pk] = (now - due[pk]).total_seconds()
                time.sleep(0.05)
            ingested, hanging = len(list(done.iterdir())), len(server.held)
            took = terminate(worker)
    finally:
        if worker and worker.poll() is None:
            worker.kill()
        server.stop()
    late = sorted(lateness.values())
    print(f"{len(late)} stories; lateness p50 {statistics.median(late):.2f} s, p95 {percentile(late, 0.95):.2f} s, "
          f"max {late[-1]:.2f} s; {ingested} files ingested, {hanging} connections hanging; "
          f"{time.monotonic() - began:.0f} s measured; stopped in {took:.1f} s")  # fmt: skip
    assert len(late) == STORIES, (
        f"only {len(late)} of {STORIES} went live:\n{Path(worker.log).read_text()[-3000:]}"
    )
    assert percentile(late, 0.95) <= 2.0, Path(worker.log).read_text()[-5000:]
    assert 0 < ingested < FILES, "the backlog was being ingested all along"
    assert hanging >= SOURCES
