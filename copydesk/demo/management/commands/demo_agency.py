import random
import signal
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ...agency import drop_audio, next_delivery, serve_pictures


class Command(BaseCommand):
    help = (
        "Play a news agency for the demo: drop an invented ninjs story into a folder every few minutes, "
        "and serve its pictures (and one audio item) on 127.0.0.1."
    )

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=str(Path(settings.VAR_DIR) / "dropbox" / "northwind"))
        parser.add_argument(
            "--every", type=float, default=180.0, help="Seconds between deliveries (default 180)."
        )
        parser.add_argument(
            "--count", type=int, default=0, help="Stop after this many deliveries (0: never)."
        )
        parser.add_argument(
            "--pictures-port",
            type=int,
            default=8765,
            help="Port on 127.0.0.1 of the agency's picture server (default 8765; 0: no pictures).",
        )

    def handle(self, *, folder, every, count, pictures_port, **options):
        if pictures_port:
            with serve_pictures(pictures_port) as base:
                self.stdout.write(f"Demo agency pictures served at {base}/pictures/")
                self.stdout.write(f"Demo agency delivered audio: {drop_audio(Path(folder), base)}")
                self.deliver(folder, every, count, base)
        else:
            self.deliver(folder, every, count, "")

    def deliver(self, folder, every, count, pictures_base):
        stopping = threading.Event()
        signal.signal(signal.SIGTERM, lambda *a: stopping.set())
        signal.signal(signal.SIGINT, lambda *a: stopping.set())
        rng = random.Random(int(time.time()))
        serial = int(time.time()) // 60  # distinct ids across restarts of the demo
        delivered = 0
        while not stopping.is_set() and (count == 0 or delivered < count):
            headline = next_delivery(
                Path(folder), serial, rng, can_update=delivered > 0, pictures_base=pictures_base
            )
            self.stdout.write(f"Demo agency delivered: {headline}")
            serial += 1
            delivered += 1
            stopping.wait(every)
