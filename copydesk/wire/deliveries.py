"""Read one delivery (a fetched feed or a dropped file) and ingest every item it holds."""

import logging
from collections import Counter

from django.db import transaction

from .formats import FORMATS
from .ingest import ingest_item
from .items import DeliveryError
from .models import Delivery, Rejection, Source

logger = logging.getLogger(__name__)

REJECTED = "rejected"


def ingest_delivery(source: Source, data: bytes, name: str, progress=None) -> Delivery:
    """Parse the delivery with the source's format and ingest each item on its own.

    A delivery that cannot be read is recorded with its error and stores nothing; an item that
    cannot be read or stored is set aside with its reason while the others go on.
    """
    delivery = Delivery.objects.create(source=source, name=name[:500])
    counts = Counter()
    try:
        parsed = FORMATS[source.format]().parse(data)
    except DeliveryError as error:
        delivery.error = str(error)
        delivery.counts = {REJECTED: 1}
        delivery.save()
        Rejection.objects.create(source=source, delivery=delivery, reason=f"The delivery was refused: {error}",
                                 excerpt=_excerpt(data))  # fmt: skip
        return delivery
    for rejected in parsed.rejected:
        counts[REJECTED] += 1
        Rejection.objects.create(source=source, delivery=delivery, reason=rejected.reason,
                                 guid=rejected.agency_id[:500], headline=rejected.headline[:500],
                                 excerpt=rejected.excerpt)  # fmt: skip
    for item in parsed.items:
        try:
            counts[ingest_item(source, item)] += 1
        except Exception as error:  # one item must never stop the rest of the delivery
            logger.exception("Could not store item %s from %s", item.agency_id, name)
            counts[REJECTED] += 1
            with transaction.atomic():
                Rejection.objects.create(source=source, delivery=delivery, guid=item.agency_id[:500],
                                         headline=item.headline[:500], reason=f"Could not be stored: {error}")  # fmt: skip
        if progress:
            progress(item)
    delivery.counts = dict(counts)
    delivery.save(update_fields=["counts"])
    return delivery


def _excerpt(data: bytes) -> str:
    return data[:400].decode("utf-8", errors="replace")
