"""What the scheduler hands to the workers for the wire: one task per due source, one per dropped file.

Several schedulers may run at once (one per machine): a due source is taken under a row lock that
the others skip, and pushed to its next poll before its task is enqueued, so it is enqueued once;
a dropped file is set aside by a rename, which one scheduler wins (wire/dropfolder.py). A task
lost with its queue is harmless: the source falls due again after its interval, and a file set
aside is set aside again once its lease has run out.

A drop folder has a few lanes (WIRE_FOLDER_LANES): at most that many of its files wait in the queue
or are being read at once, and each file's task, when it ends, sets aside the next one. A backlog of
ten thousand files thus keeps every worker busy without filling the queue, and a file landing in
another agency's folder waits behind a few tasks, not behind the backlog.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from copydesk.background.stop import stopping

from . import dropfolder, polling
from .models import Source
from .tasks import ingest_dropped_file, poll_source

logger = logging.getLogger(__name__)
EARLY = timedelta(seconds=0.25)


def enqueue_due_sources(limit: int = 100, now=None) -> int:
    """Enqueue a poll of each due HTTP source and a task for each file waiting in a due drop folder."""
    now = now or timezone.now()
    with transaction.atomic():
        due = (
            Source.objects.select_for_update(skip_locked=True)
            # A little early rather than a whole round late: a source polled every second, seen by a
            # round a few milliseconds before its time, would otherwise wait for the round after.
            .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now + EARLY), active=True)
            .order_by("next_poll_at", "pk")
        )
        taken = [source for source in due[:limit] if not polling.held_elsewhere(source, now)]
        for source in taken:
            # Not due again until its interval has passed: a poll that ends sets its real next time.
            source.next_poll_at = now + timedelta(seconds=source.poll_interval)
            source.save(update_fields=["next_poll_at"])
    enqueued = 0
    for source in taken:
        if source.transport == Source.Transport.FOLDER:
            enqueued += enqueue_dropped_files(source)
        else:
            poll_source.enqueue(source.pk)
            enqueued += 1
    return enqueued


def enqueue_dropped_files(source) -> int:
    """Enqueue a task for each waiting file, up to the folder's free lanes (WIRE_FOLDER_LANES)."""
    enqueued = 0
    try:
        folder = source.drop_folder()
        room = settings.WIRE_FOLDER_LANES - dropfolder.in_flight(folder, polling.lease_seconds())
        if room > 0:
            for name in dropfolder.queue_files(folder, polling.lease_seconds()):
                ingest_dropped_file.enqueue(source.pk, str(folder), name)
                enqueued += 1
                if enqueued >= room or stopping.is_set():
                    break
    except (OSError, ValueError) as error:
        polling.record_failure(source, error)
        return enqueued
    polling.record_success(source)
    return enqueued
