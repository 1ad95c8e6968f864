"""The wire's background work, as tasks of Django's Tasks API: small, idempotent, given ids."""

import logging

from django.db import InterfaceError, OperationalError
from django_tasks import task

from copydesk import background
from copydesk.background.stop import stopping

from . import dropfolder, pictures, polling
from .models import Source
from .models.sources import check_drop_folder

logger = logging.getLogger(__name__)


@task()
def fetch_item_pictures(wire_id: int) -> None:
    """Fetch a wire item's waiting pictures and lead its story with the first (wire/pictures.py)."""
    pictures.fetch_item_pictures(wire_id)


def fetch_waiting_pictures(limit: int = 50) -> int:
    """Enqueue the picture fetches that are due, oldest first; the worker runs this every round.

    The list of items waiting (`WireItem.pictures_pending`) is the durable queue: an item whose
    fetch was lost to a crash is simply found again. An item whose pictures wait for a retry
    (`pictures_next_at`, wire/pictures.py) is left alone until then, so a round with nothing due
    costs one query. With the default (immediate) task backend the fetches run here, in the worker;
    a queue backend in TASKS runs them on its own workers.
    """
    waiting = pictures.items_waiting(limit)
    for wire_id in waiting:
        fetch_item_pictures.enqueue(wire_id)
    return len(waiting)


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
    else:
        claim.file_away("failed" if delivery.error else "done")
    return True
