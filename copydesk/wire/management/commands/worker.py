import logging
import signal
import threading

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, InterfaceError, close_old_connections, connection

from copydesk.cli import reports_database_errors
from copydesk.newsroom.scheduling import publish_due
from copydesk.wire.polling import poll_due_sources
from copydesk.wire.tasks import fetch_waiting_pictures

logger = logging.getLogger("copydesk.worker")


class Command(BaseCommand):
    help = (
        "Run background work until stopped: poll agency sources, read drop folders, fetch agency "
        "pictures, publish what is due."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=10.0, help="Seconds between rounds (default 10)."
        )
        parser.add_argument("--once", action="store_true", help="Run one round and exit.")

    @reports_database_errors
    def handle(self, *, interval, once, **options):
        if not interval > 0:
            raise CommandError(f"--interval must be more than 0 seconds, not {interval:g}.")
        # A worker that cannot reach its database does nothing; say so and stop instead of logging
        # a traceback every round (or, with --once, exiting 0 as if the round had run).
        connection.ensure_connection()
        self.stopping = threading.Event()
        previous = {sig: signal.signal(sig, self.stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        self.stdout.write(f"Copydesk worker started; a round every {interval:g} s.")
        try:
            while not self.stopping.is_set():
                self.run_round(once=once)
                if once:
                    break
                self.stopping.wait(interval)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def run_round(self, once=False):
        # Like a request: a connection broken by a database restart is dropped, and the round
        # reconnects (not inside a transaction, where the tests call the command).
        if not connection.in_atomic_block:
            close_old_connections()
        # A stop request is seen between two items, so the worker ends within a second or so;
        # what it was reading stays claimable and resumes where it stopped.
        # Pictures are fetched after the deliveries, so a story never waits for its pictures.
        jobs = (publish_due, lambda: poll_due_sources(stop=self.stopping), fetch_waiting_pictures)
        names = ("publish_due", "poll_due_sources", "fetch_waiting_pictures")
        # Each job is guarded on its own: one failing job must never stop the others or the worker.
        for name, job in zip(names, jobs, strict=True):
            if self.stopping.is_set():
                break
            try:
                done = job()
                if done:
                    self.stdout.write(f"{name}: {done if isinstance(done, int) else len(done)}")
            except (DatabaseError, InterfaceError):
                if once:
                    raise  # one line and a failing exit (reports_database_errors): the round did not run
                logger.exception("Worker job %s failed", name)
                # psycopg marks a connection whose server died as closed, and Django may keep it
                # (its rollback succeeds on it, which clears Django's error flag): every later
                # query would fail with "the connection is closed". Drop it; the next job reconnects.
                if not connection.in_atomic_block:
                    connection.close()
            except Exception:
                logger.exception("Worker job %s failed", name)

    def stop(self, *args):
        self.stopping.set()
