"""An item is stored with its delivery's progress, or the delivery stops: never a count for an
item that a silently rolled-back transaction lost.

Seen on PostgreSQL with the database killed at every third statement of worker rounds: Wagtail's
reference index task, run in place by the immediate task backend, caught the dead connection's
error inside the item's transaction; Django then rolled the block back without raising, and the
delivery went on and finished with one of its items missing.
"""

import contextlib
import json

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models.signals import post_save

from copydesk.newsroom.models import Agency
from copydesk.transactions import RolledBack, committed
from copydesk.wire.deliveries import ingest_delivery
from copydesk.wire.models import Delivery, WireItem

from .builders import make_source

pytestmark = pytest.mark.django_db(transaction=True)


def swallow_a_database_error():
    """What a receiver that logs and carries on does: its failed write marks the transaction."""
    with contextlib.suppress(IntegrityError):
        Agency.objects.create(name=Agency.objects.first().name, credit="X")  # a unique name, again


def test_django_rolls_back_without_a_word_and_committed_says_so():
    agency = Agency.objects.create(name="Northwind Agency", credit="NWA")
    with transaction.atomic():
        Agency.objects.filter(pk=agency.pk).update(credit="ATOMIC")
        swallow_a_database_error()
    agency.refresh_from_db()
    assert agency.credit == "NWA"  # Django's own block lost the update and raised nothing
    with pytest.raises(RolledBack), committed():
        Agency.objects.filter(pk=agency.pk).update(credit="COMMITTED")
        swallow_a_database_error()
    agency.refresh_from_db()
    assert agency.credit == "NWA"
    with committed():
        Agency.objects.filter(pk=agency.pk).update(credit="STORED")
    agency.refresh_from_db()
    assert agency.credit == "STORED"
    assert not connection.in_atomic_block


def delivery(items):
    return json.dumps({"items": [
        {"uri": f"urn:nwa:rollback:{i}", "version": "1", "versioncreated": "2026-11-20T09:00:00Z",
         "headlines": [{"value": f"Harbour board story number {i} of the day"}],
         "bodies": [{"value": f"<p>Story {i}: the harbour board met on {i} counts of the agenda.</p>"}]}
        for i in range(items)
    ]}).encode()  # fmt: skip


def test_an_item_lost_to_a_swallowed_error_stops_the_delivery_at_that_item(settings):
    settings.WIRE_INGEST_BATCH_ITEMS = 1  # a transaction per item, so the second item's is the one lost
    source = make_source(format="ninjs", rule="hold")

    def receiver(instance, update_fields=None, **kwargs):
        # The last write of the second item's transaction: nothing after it would notice.
        if update_fields and "position" in update_fields and instance.position == 2:
            swallow_a_database_error()

    post_save.connect(receiver, sender=Delivery)
    try:
        with pytest.raises(RolledBack):
            ingest_delivery(source, delivery(3), "three.json")
    finally:
        post_save.disconnect(receiver, sender=Delivery)
    first = Delivery.objects.get()
    assert (first.position, first.counts, first.completed_at) == (1, {"new": 1}, None)
    assert list(WireItem.objects.values_list("guid", flat=True)) == ["urn:nwa:rollback:0"]
    # The database is healthy again: the same record resumes after its last stored item.
    ingest_delivery(source, delivery(3), "three.json", delivery=first)
    first.refresh_from_db()
    assert (first.position, first.counts) == (3, {"new": 3})
    assert WireItem.objects.count() == 3
