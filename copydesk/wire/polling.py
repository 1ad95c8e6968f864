"""The worker's rounds: poll due sources, read drop folders, never stop on one failure.

A worker holds a source while it polls it (`polling_by`, `polling_until`), so no other worker
fetches it at the same time however long the fetch and the ingest take; the hold is renewed as
the poll goes on and ends with it, or runs out after WIRE_LEASE_SECONDS if the worker died
elsewhere (on the worker's own host a dead holder is seen at once).
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from . import dropfolder
from .deliveries import delivery_for_file, ingest_delivery
from .fetch import FetchError, fetch
from .models import Source
from .signals import source_failing, source_recovered
from .workers import HOST, gone, owner

logger = logging.getLogger(__name__)

# Sources this process is polling right now (in any of its threads), with the end of each hold:
# its own holds, alive for sure.
_polling: dict[int, object] = {}


def lease_seconds() -> float:
    return settings.WIRE_LEASE_SECONDS


def claim_due_source(now=None) -> Source | None:
    """Take one due source for this worker and hold it until the poll ends, so no other worker takes it."""
    now = now or timezone.now()
    with transaction.atomic():
        due = (
            Source.objects.select_for_update(skip_locked=True)
            .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now), active=True)
            # Held elsewhere: only the lease can end it. Held on this host: the holder may be dead.
            .exclude(Q(polling_until__gt=now) & ~Q(polling_by__startswith=f"{HOST},"))
            .order_by("next_poll_at", "pk")
        )
        for source in due:
            if _hold(source, now):
                break
        else:
            return None
    # Only once the hold is committed: a hold whose commit failed is this thread's leftover, which
    # wire/workers.py knows to be stale.
    _polling[source.pk] = source.polling_until  # until poll_source ends
    return source


def claim_source(source_id: int, now=None) -> Source | None:
    """Take this source for this worker, due or not, unless another live worker holds it."""
    now = now or timezone.now()
    with transaction.atomic():
        source = Source.objects.select_for_update(skip_locked=True).filter(pk=source_id, active=True).first()
        if source is None or not _hold(source, now):
            return None
    _polling[source.pk] = source.polling_until
    return source


def held_elsewhere(source, now) -> bool:
    """Whether a live worker (in this process, or perhaps elsewhere) holds the source."""
    held = source.polling_until and source.polling_until > now
    return bool(held and (_polling.get(source.pk) == source.polling_until or not gone(source.polling_by)))


def _hold(source, now) -> bool:
    if held_elsewhere(source, now):
        return False
    source.polling_by, source.polling_until = owner(), now + timedelta(seconds=lease_seconds())
    source.save(update_fields=["polling_by", "polling_until"])
    return True


class Lease:
    """This worker's hold on the source it polls, renewed now and then while the poll goes on."""

    def __init__(self, source):
        self.source, self.renewed = source, time.monotonic()

    def renew(self):
        if time.monotonic() - self.renewed < lease_seconds() / 4:
            return
        Source.objects.filter(pk=self.source.pk, polling_by=owner()).update(
            polling_until=timezone.now() + timedelta(seconds=lease_seconds())
        )
        self.renewed = time.monotonic()


def poll_source(source: Source, stop=None) -> list:
    """Fetch (HTTP) or read (drop folder) what the source has for us; return its deliveries."""
    lease = Lease(source)
    try:
        if source.transport == Source.Transport.FOLDER:
            deliveries = _read_folder(source, lease, stop)
        else:
            deliveries = _fetch(source, lease, stop)
    except (FetchError, OSError, ValueError) as error:
        record_failure(source, error)
        return []
    finally:
        # Also when the database went away and the hold could not be ended: left with this
        # process's name on it, it is known to be stale (wire/workers.py) and taken again.
        _polling.pop(source.pk, None)
    refused = [d for d in deliveries if d.error]
    if stop is not None and stop.is_set():
        release(source)  # due again at once: the next worker carries on where this one stopped
    elif refused and source.transport == Source.Transport.HTTP:
        # A source that answers garbage is failing, whatever its HTTP status said.
        record_failure(source, f"The delivery was refused: {refused[0].error}")
    else:
        record_success(source)
    return deliveries


def _fetch(source, lease, stop):
    fetched = fetch(source.url, etag=source.etag, last_modified=source.last_modified,
                    headers=source.request_headers())  # fmt: skip
    if fetched.not_modified:
        return []
    delivery = ingest_delivery(
        source, fetched.content, source.url, stop=stop, progress=lambda item: lease.renew()
    )
    if delivery.completed_at and not delivery.error:
        # Only a delivery read to its end may be answered "not modified" next time.
        Source.objects.filter(pk=source.pk).update(
            etag=fetched.etag or "", last_modified=fetched.last_modified or ""
        )
    return [delivery]


def _read_folder(source, lease, stop):
    """Ingest each file, resuming those whose reading was interrupted; stop between items when asked."""
    deliveries = []
    # Inside WIRE_DROP_ROOT with links resolved, checked again at each read.
    for claim in dropfolder.claims(source.drop_folder(), lease_seconds()):
        try:
            delivery = _read_file(source, claim, lease, stop)
        except BaseException:
            claim.release()  # the database went away, or the worker is being stopped hard
            raise
        if delivery.completed_at is None:
            claim.release()
            break
        claim.file_away("failed" if delivery.error else "done")
        deliveries.append(delivery)
        if stop is not None and stop.is_set():
            break
        lease.renew()
    return deliveries


class _NoLease:
    def renew(self):
        pass  # a file's own task holds the file, not the source


def read_file(source, claim, stop=None):
    """Ingest one claimed drop-folder file, resuming its delivery; return the delivery."""
    return _read_file(source, claim, _NoLease(), stop)


def _read_file(source, claim, lease, stop):
    delivery = delivery_for_file(
        source, claim.name, claim.delivery_id, interrupted=claim.interrupted, resumed=claim.resumed
    )
    claim.record(delivery.pk)
    if delivery.completed_at:
        return delivery  # read to its end before the crash: only filing it away was left

    def beat(item):
        claim.heartbeat()
        lease.renew()

    return ingest_delivery(
        source, claim.path.read_bytes(), claim.name, delivery=delivery, stop=stop, progress=beat
    )


def release(source):
    Source.objects.filter(pk=source.pk).update(polling_by="", polling_until=None)


def record_success(source):
    now = timezone.now()
    was_failing = source.failures > 0  # read when the source was claimed, and held since
    Source.objects.filter(pk=source.pk).update(
        last_success_at=now, failures=0, last_error="", polling_by="", polling_until=None,
        next_poll_at=now + timedelta(seconds=source.poll_interval),
    )  # fmt: skip
    if was_failing:
        source.failures, source.last_error = 0, ""
        transaction.on_commit(lambda: source_recovered.send(Source, source=source))


def record_failure(source, error):
    logger.warning("Source %s failed: %s", source, error)
    source.failures += 1
    now = timezone.now()
    Source.objects.filter(pk=source.pk).update(
        failures=source.failures,
        last_error=str(error)[:2000],
        last_error_at=now,
        next_poll_at=now + source.backoff(),
        polling_by="",
        polling_until=None,
    )
    if source.failures == 1:  # the first of a run: later rounds that fail too tell nobody again
        source.last_error = str(error)[:2000]
        transaction.on_commit(lambda: source_failing.send(Source, source=source))


def poll_due_sources(limit=50, stop=None) -> int:
    """Poll every due source once, or until `stop` (an Event) is set; return how many were polled."""
    polled = 0
    while polled < limit and not (stop is not None and stop.is_set()) and (source := claim_due_source()):
        try:
            poll_source(source, stop)
        except (OperationalError, InterfaceError):
            raise  # the database is away: no fault of the source; the round ends, the next one resumes
        except Exception as error:  # the worker must outlive any one source
            logger.exception("Polling %s failed", source)
            record_failure(source, error)
        polled += 1
    return polled
