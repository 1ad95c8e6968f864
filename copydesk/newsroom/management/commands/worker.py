import logging
import signal
import threading

from django.core.management.base import BaseCommand

from copydesk.newsroom.scheduling import publish_due

logger = logging.getLogger("copydesk.worker")


class Command(BaseCommand):
    help = "Run background work until stopped: publish scheduled stories when they are due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=15.0, help="Seconds between rounds (default 15)."
        )
        parser.add_argument("--once", action="store_true", help="Run one round and exit.")

    def handle(self, *, interval, once, **options):
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
        try:
            for article in publish_due():
                self.stdout.write(f"Published on schedule: {article}")
        except Exception:
            # One bad round must never end the worker; the next round tries again.
            logger.exception("Worker round failed")

    def stop(self, *args):
        self.stopping.set()
