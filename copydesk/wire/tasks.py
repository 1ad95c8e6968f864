"""The wire's background work, as tasks of Django's Tasks API: small, idempotent, given ids."""

from django_tasks import task

from . import pictures


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
