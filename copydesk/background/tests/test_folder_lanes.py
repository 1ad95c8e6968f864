"""A drop folder's backlog goes through a few lanes, so another agency's file is not held up behind it."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from copydesk.wire.dispatch import enqueue_due_sources
from copydesk.wire.models import Source, WireItem
from copydesk.wire.tests.builders import make_source

FIXTURE = Path(__file__).parents[2] / "wire" / "tests" / "fixtures" / "ninjs" / "v2_delivery.json"


def one_story(n: int) -> bytes:
    document = json.loads(FIXTURE.read_bytes())
    items = document["items"] if isinstance(document, dict) and "items" in document else [document]
    item = dict(items[0], uri=f"urn:lanes:{n}", headline=f"Lane story {n}")
    return json.dumps(item).encode()


def waiting_tasks(source) -> int:
    return DBTaskResult.objects.filter(status="READY", args_kwargs__args__0=source.pk).count()


@pytest.fixture
def folders(tmp_path, settings):
    settings.WIRE_DROP_ROOT = tmp_path
    settings.WIRE_FOLDER_LANES = 3
    made = []
    for name in ("backlog", "flash"):
        (tmp_path / name).mkdir()
        made.append(
            make_source(
                name=name,
                transport=Source.Transport.FOLDER,
                folder=str(tmp_path / name),
                url="",
                format="ninjs",
                poll_interval=1,
            )  # fmt: skip
        )
    return made


@pytest.mark.django_db(transaction=True)
def test_a_backlog_takes_its_lanes_and_another_folder_goes_through(database_queue, folders):
    backlog, flash = folders
    for n in range(40):
        (Path(backlog.folder) / f"story-{n:03d}.json").write_bytes(one_story(n))
    (Path(flash.folder) / "flash.json").write_bytes(one_story(1000))

    enqueue_due_sources()
    # Three of the backlog's forty files are in the queue, and the other agency's one: not forty-one.
    assert waiting_tasks(backlog) == 3
    assert waiting_tasks(flash) == 1
    assert len(list(Path(backlog.folder).glob("story-*.json"))) == 37, "the rest wait in the folder"

    # Each task, when done, takes the folder's next file: the queue alone (no dispatcher) drains it.
    call_command("db_worker", "--batch", "--queue-name", "wire", "--no-startup-delay", verbosity=0)
    assert WireItem.objects.filter(source=backlog).count() == 40
    assert WireItem.objects.filter(source=flash).count() == 1
    assert sorted(p.name for p in (Path(backlog.folder) / "done").iterdir()) == [
        f"story-{n:03d}.json" for n in range(40)
    ]
    assert not list((Path(backlog.folder) / "processing").iterdir())
