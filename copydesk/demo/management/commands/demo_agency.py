import random
import signal
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ...agency import next_delivery


class Command(BaseCommand):
    help = "Play a news agency for the demo: drop an invented ninjs story into a folder every few minutes."

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=str(Path(settings.VAR_DIR) / "dropbox" / "northwind"))
        parser.add_argument(
            "--every", type=float, default=180.0, help="Seconds between deliveries (default 180)."
        )
        parser.add_argument(
            "--count", type=int, default=0, help="Stop after this many deliveries (0: never)."
        )

    def handle(self, *, folder, every, count, **options):
        stopping = threading.Event()
        signal.signal(signal.SIGTERM, lambda *a: stopping.set())
        signal.signal(signal.SIGINT, lambda *a: stopping.set())
        rng = random.Random(int(time.time()))
        serial = int(time.time()) // 60  # distinct ids across restarts of the demo
        delivered = 0
        while not stopping.is_set() and (count == 0 or delivered < count):
            headline = next_delivery(Path(folder), serial, rng, can_update=delivered > 0)
            self.stdout.write(f"Demo agency delivered: {headline}")
            serial += 1
            delivered += 1
            stopping.wait(every)
