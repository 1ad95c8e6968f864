"""`copydesk reindex`: rebuild the search index from the database, with a progress bar.

Built on the pieces of Wagtail's `update_index` (the backend's rebuilder, `add_items`), but reads
each model in primary-key order a chunk at a time (no OFFSET, so the last chunk costs what the first
does), prefetches nested relations such as a story's byline authors (one query per chunk, not one
per story), and commits each chunk on its own, so an archive of any size never sits in memory and
writers are never locked out for the whole rebuild. Bulk loaders (`copydesk generate`) skip the
save signals that index a story; run this after them.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from copydesk.cli import at_least, reports_database_errors
from copydesk.search.indexing import related_lookups


def chunks(model, size):
    """Yield the model's indexed objects as lists of at most `size`, in primary-key order."""
    objects = model.get_indexed_objects().prefetch_related(*related_lookups(model.get_search_fields()))
    objects = objects.order_by("pk")
    last = None
    while True:
        chunk = list((objects if last is None else objects.filter(pk__gt=last))[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


class Command(BaseCommand):
    help = "Rebuild the search index of every story (and of the admin's images and documents)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--chunk", type=at_least(1), default=1000, help="Objects per batch (default 1000)."
        )

    @reports_database_errors
    def handle(self, *, chunk, **options):
        started = time.monotonic()
        backend = get_search_backend()
        models = get_indexed_models()
        # Every database-backed model shares one index; OpenSearch has one per model.
        indexes = {}
        for model in models:
            index = backend.get_index_for_model(model)
            indexes.setdefault(index.get_key(), (index, []))[1].append(model)
        counts = {}
        for index, index_models in indexes.values():
            rebuilder = backend.rebuilder_class(index) if backend.rebuilder_class else None
            if rebuilder:
                index = rebuilder.start()  # drops entries of deleted objects (or starts a new index)
            for model in index_models:
                index.add_model(model)
                counts[model] = self.index_model(index, model, chunk)
            if rebuilder:
                rebuilder.finish()
        self.summarise(counts, time.monotonic() - started)

    def index_model(self, index, model, size):
        name = model._meta.verbose_name_plural
        done = 0
        with tqdm(total=model.get_indexed_objects().count(), desc=f"Indexing {name}", unit="") as bar:
            for objects in chunks(model, size):
                with transaction.atomic():
                    index.add_items(model, objects)
                done += len(objects)
                bar.update(len(objects))
        return done

    def summarise(self, counts, seconds):
        parts = ", ".join(f"{n:,} {model._meta.verbose_name_plural}" for model, n in counts.items())
        total = sum(counts.values())
        rate = f" ({total / seconds:,.0f} a second)" if seconds >= 1 else ""
        self.stdout.write(self.style.SUCCESS(f"Indexed {parts} in {seconds:,.1f} s{rate}."))
