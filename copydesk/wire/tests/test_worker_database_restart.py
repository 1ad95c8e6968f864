"""The worker recovers by itself when its database restarts in the middle of a drop-folder read."""

import threading
from pathlib import Path

import pytest
from django.db import connection

from copydesk.public.tests.servers import free_port
from copydesk.wire import deliveries
from copydesk.wire.management.commands.worker import Command
from copydesk.wire.models import Delivery, WireItem, WireVersion

from .test_worker_recovery import delivery_file, drop_source, listing

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="kills its own PostgreSQL backend"),
]


def test_a_running_worker_goes_on_ingesting_after_its_database_restarts(tmp_path, monkeypatch, settings):
    settings.WIRE_DROP_ROOT = tmp_path
    source = drop_source(tmp_path)
    drop = Path(source.folder)
    for n in range(3):
        (drop / f"{n}.json").write_bytes(delivery_file(n))
    real = deliveries.ingest_item
    killed = []

    def database_killed_once(source, item):
        if item.agency_id == "urn:nwa:f1:i1" and not killed:
            killed.append(item.agency_id)
            with connection.cursor() as cursor:  # what kill -9 of the server does to this session
                cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        return real(source, item)

    monkeypatch.setattr(deliveries, "ingest_item", database_killed_once)
    worker = Command()
    worker.stopping = threading.Event()
    worker.run_round()
    assert killed and listing(drop)["done"] == ["0.json"]
    port = connection.settings_dict["PORT"]
    connection.settings_dict["PORT"] = free_port()  # the server is still down: connections are refused
    try:
        worker.run_round()
        worker.run_round()
    finally:
        connection.settings_dict["PORT"] = port
    worker.run_round()
    worker.run_round()
    assert listing(drop) == {"processing": [], "done": ["0.json", "1.json", "2.json"], "failed": []}
    assert WireItem.objects.count() == WireVersion.objects.count() == 9
    assert Delivery.objects.count() == 3
