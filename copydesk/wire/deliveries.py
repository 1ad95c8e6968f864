"""Read one delivery (a fetched feed or a dropped file) and ingest every item it holds.

Whatever a parser or an item does, the delivery is recorded: a parser's fault refuses the delivery
with its reason, an item's fault sets that item aside, and text no database can store is cleaned.
Items are stored in batches (WIRE_INGEST_BATCH_ITEMS), each batch in one transaction together
with the delivery's progress, so a delivery interrupted by a crash resumes after its last stored
batch, in the same record, and no item is read twice. The new stories of a batch are stored at
once (wire/batches.py); should anything in the batch fail, it is rolled back and its items are
stored one by one, each in its own savepoint, so the faulty item alone is set aside.
"""

import logging
from collections import Counter

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from ..transactions import committed
from . import batches
from .formats import FORMATS
from .ingest import ingest_item
from .items import DeliveryError, Item, Rejected
from .models import Delivery, Rejection, Source
from .storable import excerpt, storable

logger = logging.getLogger(__name__)

REJECTED = "rejected"
# A file whose reading was interrupted this many times (the worker died each time) is set aside.
MAX_ATTEMPTS = 5
# Items stored in one transaction: large enough that a batch's lookups and inserts cost little per
# item (bench/ingest.py), small enough that a crash or a faulty item repeats little work.
BATCH_ITEMS = 200


def ingest_delivery(
    source: Source, data: bytes, name: str, progress=None, *, delivery=None, stop=None
) -> Delivery:
    """Parse the delivery with the source's format and ingest its items, a batch at a time.

    A delivery that cannot be read is recorded with its error and stores nothing; an item that
    cannot be read or stored is set aside with its reason while the others go on. Given an
    unfinished `delivery`, carry on after its last stored item. When `stop` (an Event) is set,
    return between two batches, leaving the delivery unfinished (`completed_at` empty).
    """
    if delivery is None:
        delivery = Delivery.objects.create(source=source, name=storable(name)[:500])
    try:
        parsed = FORMATS[source.format]().parse(data)
    except DeliveryError as error:
        return refuse_delivery(delivery, str(error), data)
    except Exception as error:  # a parser's own fault refuses this delivery, never stops the worker
        logger.exception("The %s parser failed on %s", source.format, name)
        return refuse_delivery(delivery, f"it could not be read ({type(error).__name__}: {error})", data)
    units = [*parsed.rejected, *parsed.items]
    counts = Counter(delivery.counts)
    size = max(1, int(getattr(settings, "WIRE_INGEST_BATCH_ITEMS", BATCH_ITEMS)))
    for start in range(delivery.position, len(units), size):
        if stop is not None and stop.is_set():
            return delivery
        batch = units[start : start + size]
        with committed():  # the batch and the delivery's progress are stored together, or it raises
            counts.update(_ingest_batch(source, delivery, batch))
            delivery.counts, delivery.position = dict(counts), start + len(batch)
            delivery.save(update_fields=["counts", "position"])
        for unit in batch if progress else ():
            if isinstance(unit, Item):
                progress(unit)
    delivery.completed_at = timezone.now()
    delivery.save(update_fields=["completed_at"])
    return delivery


def _ingest_batch(source, delivery, units) -> list[str]:
    """Store a batch, its new stories at once; on any fault of an item, again one item at a time."""
    units = [storable(unit) if isinstance(unit, Item) else unit for unit in units]
    try:
        with transaction.atomic():
            return _ingest_runs(source, delivery, units)
    except (OperationalError, InterfaceError):
        raise  # the database is away: no fault of the batch, which is read again once it is back
    except Exception:
        logger.warning("A batch of %s failed; storing its items one by one", delivery.name, exc_info=True)
    return [_ingest_unit(source, delivery, unit) for unit in units]


def _ingest_runs(source, delivery, units) -> list[str]:
    new = batches.new_stories(source, units)
    outcomes, run = [], []
    for n, unit in enumerate(units):
        if n in new:
            run.append(unit)
            continue
        outcomes += batches.store_new_stories(source, run)
        run = []
        outcomes.append(_ingest_unit(source, delivery, unit, raising=True))
    return outcomes + batches.store_new_stories(source, run)


def _ingest_unit(source, delivery, unit, *, raising=False) -> str:
    if isinstance(unit, Rejected):
        record_rejection(delivery, reason=unit.reason, guid=unit.agency_id, headline=unit.headline,
                         excerpt=unit.excerpt)  # fmt: skip
        return REJECTED
    item = storable(unit)
    try:
        return ingest_item(source, item)  # atomic: a savepoint here, so a failed statement poisons nothing
    except (OperationalError, InterfaceError):
        raise  # the database is away: no fault of the item, which is read again once it is back
    except Exception as error:  # one item must never stop the rest of the delivery
        if raising:  # in a batch: the batch is stored again one item at a time, this one set aside then
            raise
        logger.exception("Could not store item %s from %s", item.agency_id, delivery.name)
        record_rejection(delivery, reason=f"Could not be stored: {error}", guid=item.agency_id,
                         headline=item.headline)  # fmt: skip
        return REJECTED


def record_rejection(delivery, *, reason, guid="", headline="", excerpt=""):
    """Set an item (or the whole delivery) aside with its reason; every field is made storable first."""
    return Rejection.objects.create(
        source_id=delivery.source_id,
        delivery=delivery,
        reason=storable(reason),
        guid=storable(guid)[:500],
        headline=storable(headline)[:500],
        excerpt=storable(excerpt),
    )


@transaction.atomic
def refuse_delivery(delivery: Delivery, error: str, data: bytes = b"") -> Delivery:
    """Record that none of the delivery could be read, with the reason and the start of its bytes."""
    delivery.error = storable(error)
    delivery.counts = {**delivery.counts, REJECTED: delivery.counts.get(REJECTED, 0) + 1}
    delivery.completed_at = timezone.now()
    delivery.save(update_fields=["error", "counts", "completed_at"])
    record_rejection(delivery, reason=f"The delivery was refused: {error}", excerpt=excerpt(data))
    return delivery


def delivery_for_file(
    source: Source, name: str, delivery_id: int | None, *, interrupted: bool, resumed: bool = False
) -> Delivery:
    """Return the record of a claimed file: the one an interrupted reading began, or a new one."""
    delivery = Delivery.objects.filter(pk=delivery_id, source=source).first() if delivery_id else None
    if delivery is None and (interrupted or resumed):
        # The worker died, or lost its database, between creating the record and writing its id
        # into the file's name (a commit can succeed on the server while the client sees an error).
        delivery = (
            Delivery.objects.filter(source=source, name=name[:500], completed_at=None).order_by("-pk").first()
        )
    if delivery is None:
        return Delivery.objects.create(source=source, name=storable(name)[:500])
    if interrupted and delivery.completed_at is None:
        delivery.attempts += 1
        delivery.save(update_fields=["attempts"])
        if delivery.attempts > MAX_ATTEMPTS:
            refuse_delivery(delivery, f"Its reading was interrupted {MAX_ATTEMPTS} times (the worker stopped "
                                      "while reading it each time); it is set aside for an editor.")  # fmt: skip
    return delivery
