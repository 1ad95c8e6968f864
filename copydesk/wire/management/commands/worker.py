import logging
import signal
import threading

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from copydesk.cli import reports_database_errors
from copydesk.newsroom.scheduling import publish_due
from copydesk.wire.polling import poll_due_sources

logger = logging.getLogger("copydesk.worker")


class Command(BaseCommand):
    help = "Run background work until stopped: poll agency sources, read drop folders, publish what is due."

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
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        self.stdout.write(f"Copydesk worker started; a round every {interval:g} s.")
        while not self.stopping.is_set():
            self.run_round()
            if once:
                break
            self.stopping.wait(interval)

    def run_round(self):
        # Each job is guarded on its own: one failing job must never stop the others or the worker.
        for job in (publish_due, poll_due_sources):
            try:
                done = job()
                if done:
                    self.stdout.write(f"{job.__name__}: {done if isinstance(done, int) else len(done)}")
            except Exception:
                logger.exception("Worker job %s failed", job.__name__)

    def stop(self, *args):
        self.stopping.set()
