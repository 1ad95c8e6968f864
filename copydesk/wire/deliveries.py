"""Read one delivery (a fetched feed or a dropped file) and ingest every item it holds.

Whatever a parser or an item does, the delivery is recorded: a parser's fault refuses the delivery
with its reason, an item's fault sets that item aside, and text no database can store is cleaned.
Each item commits together with the delivery's progress, so a delivery interrupted by a crash
resumes after its last stored item, in the same record, and no item is read twice.
"""

import logging
from collections import Counter

from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from ..transactions import committed
from .formats import FORMATS
from .ingest import ingest_item
from .items import DeliveryError, Item, Rejected
from .models import Delivery, Rejection, Source
from .storable import excerpt, storable

logger = logging.getLogger(__name__)

REJECTED = "rejected"
# A file whose reading was interrupted this many times (the worker died each time) is set aside.
MAX_ATTEMPTS = 5


def ingest_delivery(
    source: Source, data: bytes, name: str, progress=None, *, delivery=None, stop=None
) -> Delivery:
    """Parse the delivery with the source's format and ingest each item on its own.

    A delivery that cannot be read is recorded with its error and stores nothing; an item that
    cannot be read or stored is set aside with its reason while the others go on. Given an
    unfinished `delivery`, carry on after its last stored item. When `stop` (an Event) is set,
    return between two items, leaving the delivery unfinished (`completed_at` empty).
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
    for position in range(delivery.position, len(units)):
        if stop is not None and stop.is_set():
            return delivery
        with committed():  # the item and the delivery's progress are stored together, or it raises
            counts[_ingest_unit(source, delivery, units[position])] += 1
            delivery.counts, delivery.position = dict(counts), position + 1
            delivery.save(update_fields=["counts", "position"])
        if progress and isinstance(units[position], Item):
            progress(units[position])
    delivery.completed_at = timezone.now()
    delivery.save(update_fields=["completed_at"])
    return delivery


def _ingest_unit(source, delivery, unit) -> str:
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
