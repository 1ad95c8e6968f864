"""Tell HTTP caches (Varnish, a CDN) which surrogate keys to drop, coalesced across processes.

Each change records its keys as pending (`PendingPurge`, in the database every process shares)
and makes sure one `send_http_purges` task is queued (public/tasks.py). That task takes every
pending key and sends them together in one `PURGE` (a few if the keys overflow one header), at
most once per COPYDESK_PURGE_INTERVAL seconds: the first change of a quiet moment is purged at
once, and a burst of changes costs one purge per key per interval, not one per story.

A queue that cannot run a task later (the immediate backend) sends at once, every time.
"""

import logging
import time
import uuid
from datetime import timedelta

import httpx
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from .models import PendingPurge

logger = logging.getLogger(__name__)

QUEUED = "copydesk:purge:queued"  # set while a send_http_purges task is queued and not yet started
LAST_SENT = "copydesk:purge:last-sent"
# Varnish refuses request headers over 8 KiB (http_req_hdr_len); a CDN's limits are lower still.
HEADER_LIMIT = 4000
# Keys a purge took but neither sent nor gave back (its process died) are taken again after this.
ABANDONED_AFTER = timedelta(minutes=2)


class PurgeFailed(Exception):
    """An HTTP cache did not take the purge; its keys stay pending for the next try."""


def request_http_purge(keys):
    """Record that HTTP caches must drop these keys, and make sure a purge is on its way."""
    if not settings.COPYDESK_PURGE_URLS or not keys:
        return
    # Sorted, so two processes upserting the same keys lock them in one order. A key pending
    # already is given back (`taken` cleared), so a purge sending it now leaves it for the next.
    rows = [PendingPurge(key=key) for key in sorted(set(keys))]
    try:
        with transaction.atomic():
            PendingPurge.objects.bulk_create(
                rows, update_conflicts=True, unique_fields=["key"], update_fields=["taken"]
            )
    except DatabaseError:
        # The change has committed and the built-in cache is purged: an HTTP cache keeps its copy
        # until s-maxage rather than the change failing after the fact.
        logger.exception("Could not record %d keys to purge from HTTP caches", len(rows))
        return
    if connection.in_atomic_block:
        # Inside a transaction the keys are not visible to a worker yet: queue the purge after commit.
        transaction.on_commit(queue_http_purges)
    else:
        queue_http_purges()


def interval():
    return settings.COPYDESK_PURGE_INTERVAL


def queue_http_purges():
    """Queue one send_http_purges task, unless one is queued already (it will take these keys too)."""
    from .tasks import send_http_purges

    if not cache.add(QUEUED, 1, timeout=interval() + 60):
        return
    wait = seconds_until_due()
    if wait > 0 and send_http_purges.get_backend().supports_defer:
        send_http_purges.using(run_after=timezone.now() + timedelta(seconds=wait)).enqueue()
    else:
        send_http_purges.enqueue()


def queue_if_pending():
    """Queue a purge if keys are pending: for the scheduler, in case a queued purge was lost."""
    if settings.COPYDESK_PURGE_URLS and PendingPurge.objects.exists():
        queue_http_purges()


def seconds_until_due() -> float:
    last = cache.get(LAST_SENT)
    return 0.0 if last is None else max(0.0, last + interval() - time.time())


def send_pending_purges() -> int:
    """Send every pending key to every HTTP cache, unless the last purge was too recent; return how many."""
    from .tasks import send_http_purges

    cache.delete(QUEUED)  # from now on, a new change queues a purge of its own
    if seconds_until_due() > 0 and send_http_purges.get_backend().supports_defer:
        queue_http_purges()  # too soon after the last: again when it is due
        return 0
    token = uuid.uuid4().hex
    now = timezone.now()
    claimable = Q(taken="") | Q(taken_at__lt=now - ABANDONED_AFTER)
    # One UPDATE takes the rows: when two purges run at once, each key goes with one of them.
    if not PendingPurge.objects.filter(claimable).update(taken=token, taken_at=now):
        return 0
    keys = sorted(PendingPurge.objects.filter(taken=token).values_list("key", flat=True))
    cache.set(LAST_SENT, time.time(), timeout=max(interval() * 10, 60))
    try:
        purge_http_caches(keys)
    except PurgeFailed:
        PendingPurge.objects.filter(taken=token).update(taken="", taken_at=None)
        raise
    # A key asked for again while this purge was under way has lost its token and stays pending.
    PendingPurge.objects.filter(taken=token).delete()
    return len(keys)


def batches(keys, limit=HEADER_LIMIT):
    """Split the keys into space-separated header values of at most `limit` characters."""
    batch, size = [], 0
    for key in keys:
        if batch and size + 1 + len(key) > limit:
            yield " ".join(batch)
            batch, size = [], 0
        size += len(key) + (1 if batch else 0)
        batch.append(key)
    if batch:
        yield " ".join(batch)


def purge_http_caches(keys):
    """Send `PURGE /` with the keys to every configured cache; raise PurgeFailed if any refused or failed."""
    failures = []
    for url in settings.COPYDESK_PURGE_URLS:
        for header in batches(keys):
            try:
                response = httpx.request("PURGE", url, headers={"X-Purge-Keys": header}, timeout=5)
                if response.status_code >= 400:
                    failures.append(f"{url} answered {response.status_code}")
            except httpx.HTTPError as error:
                failures.append(f"{url}: {error}")
    if failures:
        logger.warning("Could not purge %d keys: %s", len(keys), "; ".join(failures))
        raise PurgeFailed("; ".join(failures))
