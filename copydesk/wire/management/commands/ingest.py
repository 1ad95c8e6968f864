from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from copydesk.cli import reports_database_errors
from copydesk.wire.deliveries import REJECTED, ingest_delivery
from copydesk.wire.fetch import FetchError, fetch
from copydesk.wire.formats import FORMATS
from copydesk.wire.models import Source

SUMMARY = ["new", "updated", "corrected", "withdrawn", "duplicate", "pending", "unchanged", "older", REJECTED]


class Command(BaseCommand):
    help = "Ingest one delivery (a file or a URL) through a source, once, and print what became of it."

    def add_arguments(self, parser):
        parser.add_argument("location", help="A file path or an http(s) URL.")
        parser.add_argument("--source", required=True, help="The source's name, as configured in the admin.")

    @reports_database_errors
    def handle(self, *, location, source, **options):
        try:
            source = Source.objects.select_related("agency", "section").get(name=source)
        except Source.DoesNotExist:
            names = ", ".join(Source.objects.values_list("name", flat=True)) or "none configured"
            raise CommandError(f"No source named “{source}”. Sources: {names}.") from None
        data = self.read(location, source)
        with tqdm(desc="Items", unit="item") as bar:
            delivery = ingest_delivery(source, data, location, progress=lambda item: bar.update())
        if delivery.error:
            raise CommandError(f"The delivery was refused: {delivery.error}")
        counts = delivery.counts
        self.stdout.write(", ".join(f"{name}: {counts.get(name, 0)}" for name in SUMMARY))
        for rejection in delivery.rejections.all():
            label = rejection.guid or rejection.headline or "(no id)"
            self.stdout.write(self.style.WARNING(f"rejected {label}: {rejection.reason}"))

    def read(self, location, source):
        if location.startswith(("http://", "https://")):
            try:
                return fetch(location, headers=source.request_headers()).content
            except (FetchError, ValueError) as error:
                raise CommandError(f"Could not fetch {location}: {error}") from None
        path = Path(location)
        if path.is_dir():
            raise CommandError(
                f"{location} is a folder; give one delivery file (a drop folder is read by the worker)."
            )
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise CommandError(f"No such file: {location}") from None
        except OSError as error:
            raise CommandError(f"Could not read {location}: {error.strerror}") from None
        # Refused before it is read: the format would refuse it anyway, after holding it all in memory.
        limit = FORMATS[source.format]().option("max_bytes")
        if size > limit:
            raise CommandError(
                f"{location} is {size / 2**20:.1f} MiB, over the {limit / 2**20:.1f} MiB limit for "
                f"{FORMATS[source.format].label} deliveries; nothing was read."
            )
        try:
            return path.read_bytes()
        except OSError as error:
            raise CommandError(f"Could not read {location}: {error.strerror}") from None
