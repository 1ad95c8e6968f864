"""A task that raises is tried again later, then recorded for the Administrators; on both queues."""

import pytest
from django.core.management import call_command
from django_tasks import task_backends

from copydesk.background.models import FailedTask

from .conftest import work_until
from .tasks import flaky, runs

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_task_that_fails_twice_succeeds_on_its_third_attempt(queue, tmp_path):
    record = tmp_path / "runs"
    flaky.enqueue(str(record), 2)
    work_until(lambda: runs(record) == 3)
    assert not FailedTask.objects.exists()


def test_retries_wait_for_their_back_off(queue, tmp_path):
    record = tmp_path / "runs"
    flaky.using().enqueue(str(record), 2)
    call_command("worker", "--once", verbosity=0)
    # The first attempt ran and failed; the second is deferred (0.025-0.05 s), not run at once.
    assert runs(record) == 1


def test_a_task_that_fails_every_attempt_is_recorded_with_its_reason(queue, tmp_path):
    record = tmp_path / "runs"
    flaky.enqueue(str(record), 99)
    work_until(lambda: FailedTask.objects.exists())
    assert runs(record) == 3
    failed = FailedTask.objects.get()
    assert failed.task_path == "copydesk.background.tests.tasks.flaky"
    assert (failed.args, failed.kwargs) == ([str(record), 99], {})
    assert failed.reason == "RuntimeError: run 3 failed (a second line the admin does not show)"
    assert failed.attempts == 3 and failed.first_failed_at < failed.last_failed_at


def test_the_same_call_failing_again_counts_on_the_same_record(queue, tmp_path):
    record = tmp_path / "runs"
    for _ in range(2):
        flaky.enqueue(str(record), 99)
        work_until(lambda: runs(record) % 3 == 0 and FailedTask.objects.filter(attempts__gte=3).exists())
    work_until(lambda: FailedTask.objects.get().attempts == 6)
    assert FailedTask.objects.count() == 1


def test_the_immediate_backend_records_the_first_failure_without_waiting(tmp_path):
    assert type(task_backends["default"]).__name__ == "ImmediateBackend"
    record = tmp_path / "runs"
    result = flaky.enqueue(str(record), 1)
    assert result.status == "FAILED" and runs(record) == 1
    assert FailedTask.objects.get().attempts == 1
