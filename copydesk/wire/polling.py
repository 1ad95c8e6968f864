"""The worker's rounds: poll due sources, read drop folders, never stop on one failure."""

import logging
import os
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .deliveries import ingest_delivery
from .fetch import FetchError, fetch
from .models import Source

logger = logging.getLogger(__name__)


def claim_due_source(now=None) -> Source | None:
    """Take one due source for this worker, moving its next poll on so no other worker takes it."""
    now = now or timezone.now()
    with transaction.atomic():
        due = (
            Source.objects.select_for_update(skip_locked=True)
            .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now), active=True)
            .order_by("next_poll_at", "pk")
            .first()
        )
        if due is None:
            return None
        due.next_poll_at = now + due.backoff()  # a lease: released early by record_success
        due.save(update_fields=["next_poll_at"])
        return due


def poll_source(source: Source) -> list:
    """Fetch (HTTP) or read (drop folder) what the source has for us; return its deliveries."""
    try:
        deliveries = _read_folder(source) if source.transport == Source.Transport.FOLDER else _fetch(source)
    except (FetchError, OSError, ValueError) as error:
        record_failure(source, error)
        return []
    record_success(source)
    return deliveries


def _fetch(source):
    fetched = fetch(source.url, etag=source.etag, last_modified=source.last_modified,
                    headers=source.request_headers())  # fmt: skip
    if fetched.not_modified:
        return []
    delivery = ingest_delivery(source, fetched.content, source.url)
    Source.objects.filter(pk=source.pk).update(
        etag=fetched.etag or "", last_modified=fetched.last_modified or ""
    )
    return [delivery]


def _read_folder(source):
    """Ingest each new file; claim it by renaming, so two workers never read the same file."""
    folder = source.drop_folder()  # inside WIRE_DROP_ROOT, links resolved, checked at each read
    for sub in ("processing", "done", "failed"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    deliveries = []
    for path in sorted(p for p in folder.iterdir() if _delivered_file(p)):
        claimed = folder / "processing" / path.name
        try:
            os.rename(path, claimed)
        except FileNotFoundError:
            continue  # another worker claimed it first
        delivery = ingest_delivery(source, claimed.read_bytes(), path.name)
        target = folder / ("failed" if delivery.error else "done") / path.name
        os.replace(claimed, target)
        deliveries.append(delivery)
    return deliveries


def _delivered_file(path):
    # A link could lead out of the drop root, to a file the rejection inspector would then show.
    return path.is_file() and not path.is_symlink() and not path.name.startswith(".")


def record_success(source):
    now = timezone.now()
    Source.objects.filter(pk=source.pk).update(
        last_success_at=now, failures=0, last_error="",
        next_poll_at=now + timedelta(seconds=source.poll_interval),
    )  # fmt: skip


def record_failure(source, error):
    logger.warning("Source %s failed: %s", source, error)
    source.failures += 1
    now = timezone.now()
    Source.objects.filter(pk=source.pk).update(
        failures=source.failures,
        last_error=str(error)[:2000],
        last_error_at=now,
        next_poll_at=now + source.backoff(),
    )


def poll_due_sources(limit=50) -> int:
    """Poll every due source once; return how many were polled."""
    polled = 0
    while polled < limit and (source := claim_due_source()) is not None:
        try:
            poll_source(source)
        except Exception as error:  # the worker must outlive any one source
            logger.exception("Polling %s failed", source)
            record_failure(source, error)
        polled += 1
    return polled
