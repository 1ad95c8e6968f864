"""The scheduler: the clock on a thread of its own, and the dispatcher that enqueues due work.

The clock publishes what is due (scheduled stories, embargoes) every second, with its own database
connection, so it never waits behind a slow source, a long backlog or the dispatcher. The
dispatcher enqueues one task per due source and per dropped file (wire/dispatch.py), the due
picture fetches, takes back tasks of dead workers and, on Redis, moves deferred jobs to their
queues. Several schedulers may run at once: every step takes its work under locks the others skip.
"""

import logging
import threading
import time

from django.db import DatabaseError, InterfaceError, close_old_connections, connection

from .stop import stopping

logger = logging.getLogger("copydesk.worker")


def clock_tick(write=None) -> float | None:
    """Publish what is due; return the seconds until the next scheduled publication, if any."""
    from django.db.models import Min
    from django.utils import timezone
    from wagtail.models import Revision

    from copydesk.newsroom.scheduling import publish_due

    began = time.monotonic()
    published = publish_due()
    took = time.monotonic() - began
    if took > 1:
        logger.warning("The clock took %.1f s to publish %d due stories", took, len(published))
    if published and write:
        write(f"publish_due: {len(published)}")
    now = timezone.now()
    upcoming = Revision.objects.filter(approved_go_live_at__gt=now).aggregate(at=Min("approved_go_live_at"))[
        "at"
    ]
    return None if upcoming is None else (upcoming - now).total_seconds()


def dispatch_tick(write=None, pictures=True) -> int:
    from copydesk.wire.dispatch import enqueue_due_sources
    from copydesk.wire.tasks import fetch_waiting_pictures

    from .runners import backend_kind, enqueue_scheduled_rq_jobs, recover_abandoned

    kind = backend_kind()
    if kind == "database":
        recover_abandoned()
    elif kind == "redis":
        enqueue_scheduled_rq_jobs()
    done = enqueue_due_sources()
    if done and write:
        write(f"poll_due_sources: {done}")
    if pictures:  # the slower round, every ten seconds
        fetched = fetch_waiting_pictures()
        if fetched and write:
            write(f"fetch_waiting_pictures: {fetched}")
        from copydesk.public.purging import queue_if_pending

        queue_if_pending()  # keys whose purge task was lost with its queue are sent again
    return done


def guarded(name, step, *, once=False):
    """Run one step; a failure is logged, never the end of the loop (with --once it is raised)."""
    # Like a request: a connection broken by a database restart is dropped, and the step reconnects
    # (not inside a transaction, where the tests call the command).
    if not connection.in_atomic_block:
        close_old_connections()
    try:
        return step()
    except (DatabaseError, InterfaceError):
        if once:
            raise
        logger.exception("Worker job %s failed", name)
        if not connection.in_atomic_block:
            connection.close()  # a connection whose server died; the next step reconnects
    except Exception:
        if once:
            raise
        logger.exception("Worker job %s failed", name)
    return None


class Loop(threading.Thread):
    """Call `step` every `interval` seconds (measured from each start), or sooner if it asks, until stopped."""

    def __init__(self, name, step, interval):
        super().__init__(daemon=True, name=f"copydesk-{name}")
        self.step, self.interval = step, interval

    def run(self):
        try:
            while not stopping.is_set():
                started = time.monotonic()
                # A step may name a sooner moment to come back (the clock: the next story's time).
                sooner = guarded(self.name, self.step)
                wait = self.interval - (time.monotonic() - started)
                if isinstance(sooner, int | float) and not isinstance(sooner, bool):
                    wait = min(wait, sooner)
                stopping.wait(max(0.0, wait))
        finally:
            if not connection.in_atomic_block:  # the dispatcher runs in `copydesk worker`'s main thread
                connection.close()


def scheduler_loops(write, clock_interval=1.0, dispatch_interval=2.0, pictures_interval=10.0):
    """The clock, to start as a thread, and the dispatcher, to run in the process's main thread."""
    last_pictures = [0.0]

    def dispatch():
        pictures = time.monotonic() - last_pictures[0] >= pictures_interval
        if pictures:
            last_pictures[0] = time.monotonic()
        dispatch_tick(write, pictures=pictures)

    return [
        Loop("clock", lambda: clock_tick(write), clock_interval),
        Loop("dispatcher", dispatch, dispatch_interval),
    ]
