"""`copydesk tasks` shows what waits, what waits for later, what runs and what failed, per queue."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from copydesk.background.actions import record_failed_task

from .tasks import flaky, slow

pytestmark = pytest.mark.django_db(transaction=True)


def tasks_output():
    out = StringIO()
    call_command("tasks", stdout=out)
    return out.getvalue().splitlines()


def test_the_queue_is_shown_per_queue_with_later_and_failed(queue, tmp_path):
    slow.enqueue(str(tmp_path / "a"), 0)
    slow.enqueue(str(tmp_path / "b"), 0)
    flaky.using(run_after=timezone.now() + timedelta(hours=1)).enqueue(str(tmp_path / "c"), 0)
    now = timezone.now()
    record_failed_task("copydesk.wire.tasks.poll_source", [7], {}, "OSError: no route to host", 1, now, now)
    lines = tasks_output()
    assert lines[0] == f"Task backend: {queue}"
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:4]}
    assert rows == {"default": ["0", "1", "0", "0"], "wire": ["2", "0", "0", "0"]}
    assert lines[-1].endswith("copydesk.wire.tasks.poll_source after 1 attempt(s): OSError: no route to host")


def test_the_immediate_backend_says_nothing_waits():
    assert tasks_output() == [
        "Task backend: immediate",
        "Tasks run where they are enqueued: nothing waits in a queue.",
        "No task has given up.",
    ]
