"""The wire's background work, as tasks of Django's Tasks API: small, idempotent, given ids."""

import logging

from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django_tasks import task

from copydesk import background
from copydesk.background.runners import backend_kind
from copydesk.background.stop import stopping

from . import dropfolder, pictures, polling
from .models import Source
from .models.sources import check_drop_folder

logger = logging.getLogger(__name__)
ENQUEUED_FOR = 120  # seconds: a fetch still waiting in the queue after this is enqueued again


@task()
def fetch_item_pictures(wire_id: int) -> None:
    """Fetch a wire item's waiting pictures and lead its story with the first (wire/pictures.py)."""
    cache.delete(enqueued_mark(wire_id))  # taken from the queue: the next due round may enqueue it again
    pictures.fetch_item_pictures(wire_id)


def enqueued_mark(wire_id: int) -> str:
    return f"copydesk:pictures:enqueued:{wire_id}"


def fetch_waiting_pictures(limit: int = 50) -> int:
    """Enqueue the picture fetches that are due, oldest first; the worker runs this every round.

    The list of items waiting (`WireItem.pictures_pending`) is the durable queue: an item whose
    fetch was lost to a crash is simply found again. An item whose pictures wait for a retry
    (`pictures_next_at`, wire/pictures.py) is left alone until then, so a round with nothing due
    costs one query. With the immediate task backend (the tests) the fetches run here; a queue
    backend runs them on the worker's task threads, and an item whose fetch waits in the queue is
    not enqueued again until the fetch starts or ENQUEUED_FOR seconds pass (a mark in the shared
    cache), so a busy queue does not fill with copies.
    """
    queued = fetch_item_pictures.get_backend().supports_defer  # the immediate backend does not
    enqueued = 0
    for wire_id in pictures.items_waiting(limit):
        if queued and cache.add(enqueued_mark(wire_id), 1, ENQUEUED_FOR) is False:
            continue
        fetch_item_pictures.enqueue(wire_id)
        enqueued += 1
    return enqueued


@background.task(queue_name="wire")
def poll_source(source_id: int) -> bool:
    """Poll one source (HTTP), held by this worker for as long as it takes; False if another has it.

    A failing source backs off on its own (Source.backoff), so the task is not retried.
    """
    source = polling.claim_source(source_id)
    if source is None:
        return False
    try:
        polling.poll_source(source, stop=stopping)
    except (OperationalError, InterfaceError):
        raise  # the database is away: the hold names this process, and is taken back when it is gone
    except Exception as error:  # the worker must outlive any one source
        logger.exception("Polling %s failed", source)
        polling.record_failure(source, error)
    return True


@background.task(queue_name="wire")
def ingest_dropped_file(source_id: int, folder: str, queued: str) -> bool:
    """Claim one file set aside in a drop folder, ingest it and file it away; False if another has it.

    The file is claimed first, before the database is asked anything: from then on whatever goes
    wrong gives it back (released), and the next listing of the folder sets it aside again.
    """
    claim = dropfolder.claim_queued(check_drop_folder(folder), queued)
    if claim is None:
        return False
    try:
        source = Source.objects.filter(pk=source_id, active=True).first()
        if source is None:
            claim.release()  # read when the source is active again
            return False
        delivery = polling.read_file(source, claim, stop=stopping)
    except BaseException:
        claim.release()
        raise
    if delivery.completed_at is None:
        claim.release()  # stopped between two items: resumed by the next task
        return True
    claim.file_away("failed" if delivery.error else "done")
    if not stopping.is_set() and backend_kind() != "immediate":
        from .dispatch import enqueue_dropped_files  # the dispatcher enqueues this task

        # This lane goes on with the folder's next file. (A backend that runs tasks in the caller would
        # read the whole folder inside this task, one nested call per file: the dispatcher does it.)
        enqueue_dropped_files(source)
    return True
