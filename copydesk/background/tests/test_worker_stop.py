"""SIGTERM: a real `copydesk worker` stops within 5 s and loses no task, on the database queue and on Redis.

A task that ends within the grace period (COPYDESK_WORKER_STOP_SECONDS) finishes; one that does not
is given back to the queue, ready at once, and runs again on the next worker.
"""

import os
import signal
from pathlib import Path

import pytest
from django.core.management import call_command

from .processes import shared_database, start_worker, terminate, wait_for
from .tasks import runs, slow

pytestmark = pytest.mark.django_db(transaction=True)


def waiting_tasks(queue) -> int:
    if queue == "database":
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(status="READY").count()
    import django_rq

    return sum(django_rq.get_queue(name).count for name in ("default", "wire"))


def test_sigterm_stops_the_worker_within_five_seconds_and_loses_no_task(queue, tmp_path):
    short, long = tmp_path / "short", tmp_path / "long"
    slow.enqueue(str(short), 1.0)
    slow.enqueue(str(long), 60.0)
    with shared_database(tmp_path) as database_url:
        worker = start_worker(tmp_path, database_url, queue, "--threads", "2",
                              COPYDESK_WORKER_STOP_SECONDS="2")  # fmt: skip
        wait_for(lambda: runs(short) and runs(long), worker, what="both tasks started")
        took = terminate(worker)
    log = Path(worker.log).read_text()
    assert took < 5, f"stopped in {took:.1f} s:\n{log}"
    assert worker.returncode == 0, log
    assert "done" in short.read_text(), "a task that ends within the grace period finishes"
    assert long.read_text() == "run\n", "the long task was cut short"
    assert "1 running task(s) given back" in log
    assert waiting_tasks(queue) == 1, "…and is waiting in the queue again"
    call_command("worker", "--once", verbosity=0)
    assert long.read_text() == "run\nrun\ndone\n", "the next worker ran it"
    assert waiting_tasks(queue) == 0


def children_of(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def test_a_task_process_killed_mid_task_is_replaced_and_its_task_runs_again(database_queue, tmp_path):
    record = tmp_path / "long"
    slow.enqueue(str(record), 60.0)
    with shared_database(tmp_path) as database_url:
        worker = start_worker(tmp_path, database_url, "database", "--threads", "1")
        wait_for(lambda: runs(record), worker, what="the task started")
        (child,) = children_of(worker.pid)
        os.kill(child, signal.SIGKILL)  # no chance to give anything back
        # The scheduler sees the task's process gone, makes the task ready and starts a new process.
        wait_for(lambda: "done" in record.read_text(), worker, timeout=60, what="the task ran again")
        assert children_of(worker.pid) != [child]
        took = terminate(worker)
    assert took < 5 and worker.returncode == 0
    assert record.read_text() == "run\nrun\ndone\n"
    assert waiting_tasks("database") == 0
