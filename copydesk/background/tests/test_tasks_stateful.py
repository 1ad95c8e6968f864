"""The life of a retried task, driven at random on the database queue and checked against a model.

Each call of `flaky` fails its first few runs and then succeeds. Random sequences enqueue calls,
run the queue (with and without waiting for the back-off), and, as an Administrator would, retry or
dismiss the calls that gave up. After every step: no call is lost (it has succeeded, waits in the
queue, is listed as failed, or was dismissed), none runs again after it succeeded, none is listed
as failed unless it failed all its attempts, and a listed failure counts the attempts it made.
"""

import itertools
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from copydesk.background.actions import dismiss_failed_task, retry_failed_task
from copydesk.background.models import FailedTask
from copydesk.tests.stateful import run_for

from .tasks import flaky, runs

pytestmark = pytest.mark.django_db(transaction=True)
ATTEMPTS = 3  # flaky's
FOLDER = {}
numbers = itertools.count()


class Call:
    def __init__(self, failures: int):
        self.path = str(FOLDER["path"] / f"call-{next(numbers)}")
        self.failures = failures
        self.cycle_runs = 0  # runs since it was last enqueued by hand (first time, or a retry)
        self.dismissed = False

    @property
    def runs(self) -> int:
        return runs(self.path)

    @property
    def succeeded(self) -> bool:
        return self.runs > self.failures


class TaskMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        DBTaskResult.objects.all().delete()
        FailedTask.objects.all().delete()
        self.admin = get_user_model().objects.get_or_create(username="tasks-admin", is_superuser=True)[0]
        self.calls: list[Call] = []
        self.runs_before: dict[str, int] = {}

    def teardown(self):
        # Drain: with time for every back-off, each call ends succeeded or listed as failed.
        deadline = time.monotonic() + 30
        while DBTaskResult.objects.filter(status="READY").exists():
            assert time.monotonic() < deadline, "the queue did not drain"
            time.sleep(0.2)
            call_command("worker", "--once", "--no-scheduler", verbosity=0)
        listed = {failed.args[0] for failed in FailedTask.objects.all()}
        for call in self.calls:
            assert call.succeeded or call.dismissed or call.path in listed, "a call was lost"

    @rule(failures=st.integers(0, 2 * ATTEMPTS))
    def enqueue(self, failures):
        call = Call(failures)
        self.calls.append(call)
        flaky.enqueue(call.path, failures)

    @rule()
    def run_ready(self):
        call_command("worker", "--once", "--no-scheduler", verbosity=0)

    @rule()
    def wait_for_back_off_and_run(self):
        time.sleep(0.2)  # flaky's longest back-off
        call_command("worker", "--once", "--no-scheduler", verbosity=0)

    @precondition(lambda self: FailedTask.objects.exists())
    @rule(data=st.data())
    def retry_a_failure(self, data):
        failed = data.draw(st.sampled_from(list(FailedTask.objects.order_by("pk"))))
        call = self.call_at(failed.args[0])
        retry_failed_task(failed, by=self.admin)
        call.dismissed = False
        self.runs_before[call.path] = call.runs

    @precondition(lambda self: FailedTask.objects.exists())
    @rule(data=st.data())
    def dismiss_a_failure(self, data):
        failed = data.draw(st.sampled_from(list(FailedTask.objects.order_by("pk"))))
        dismiss_failed_task(failed, by=self.admin)
        self.call_at(failed.args[0]).dismissed = True

    def call_at(self, path) -> Call:
        return next(call for call in self.calls if call.path == path)

    @invariant()
    def no_call_is_lost_or_run_after_it_succeeded(self):
        waiting = {
            result.args_kwargs["args"][0]
            for result in DBTaskResult.objects.filter(status="READY")
            if result.args_kwargs["args"]
        }
        listed = {failed.args[0]: failed for failed in FailedTask.objects.all()}
        for call in self.calls:
            assert call.runs <= call.failures + 1, "a call ran again after it had succeeded"
            assert call.succeeded or call.dismissed or call.path in waiting or call.path in listed, (
                f"call {call.path} (fails {call.failures}, ran {call.runs}) is nowhere"
            )
            if call.path in listed:
                failed = listed[call.path]
                assert not call.succeeded, "a call that succeeded is listed as failed"
                this_cycle = call.runs - self.runs_before.get(call.path, 0)
                assert this_cycle == ATTEMPTS and failed.attempts == ATTEMPTS, (
                    "listed only once all its attempts failed, with their count"
                )
                assert call.path not in waiting, "listed as failed while still waiting to run"


def test_retried_tasks_are_never_lost_nor_run_twice_after_success(database_queue, tmp_path):
    FOLDER["path"] = Path(tmp_path)
    run_for(
        TaskMachine,
        hypothesis_settings(stateful_step_count=12, deadline=None, derandomize=False),
        round_size=3,
    )
