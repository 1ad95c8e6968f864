"""`background.task`: a task of Django's Tasks API that is tried again, later, when it raises.

A run that raises is enqueued again with `run_after` = now + back-off (exponential, with jitter),
up to `attempts` runs in all; after the last one the failure is recorded (FailedTask) for the
Administrators, who may retry or dismiss it in the admin. Each attempt that raises is also left
failed in the queue's own records, with its traceback.

A backend that cannot defer (the immediate backend, which runs a task in the caller) is not made to
wait: the first failure is recorded at once, and retrying it is the Administrators' decision.
"""

import functools
import logging
import random
from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task as django_task
from django_tasks.base import Task

logger = logging.getLogger("copydesk.background")

# The keyword argument that carries the attempt's number and the first failure's time to the next run.
ATTEMPT = "background_attempt"


def task(function=None, *, attempts: int = 1, backoff: float = 30.0, max_backoff: float = 3600.0, **options):
    """Make a task of `function`, as django_tasks.task does, tried up to `attempts` times."""
    if attempts < 1:
        raise ValueError(f"attempts must be 1 or more, not {attempts}.")

    def decorate(func):
        @functools.wraps(func)
        def run(*args, **kwargs):
            attempt = kwargs.pop(ATTEMPT, None) or {}
            try:
                return func(*args, **kwargs)
            except Exception as error:
                failed(made, args, kwargs, error, attempt, attempts, backoff, max_backoff)
                raise

        made = django_task(**options)(run)
        return made

    return decorate(function) if function is not None else decorate


def failed(made: Task, args, kwargs, error, attempt, attempts, backoff, max_backoff):
    number = int(attempt.get("number", 1))
    now = timezone.now()
    first = attempt.get("first_failed_at") or now.isoformat()
    backend = made.get_backend()
    if number < attempts and backend.supports_defer:
        delay = delay_before(number, backoff, max_backoff)
        logger.warning(
            "Task %s failed (attempt %d of %d), tried again in %.0f s: %s",
            made.name, number, attempts, delay, reason(error),
        )  # fmt: skip
        later = made.using(run_after=now + timedelta(seconds=delay))
        later.enqueue(*args, **kwargs, **{ATTEMPT: {"number": number + 1, "first_failed_at": first}})
        return
    from .actions import record_failed_task

    logger.error("Task %s failed after %d attempt(s): %s", made.name, number, reason(error))
    record_failed_task(
        made.module_path, list(args), kwargs, reason(error), number, datetime.fromisoformat(first), now
    )


def delay_before(number: int, backoff: float, max_backoff: float) -> float:
    """Seconds before attempt `number` + 1: doubling each time, capped, spread over its upper half."""
    ceiling = min(max_backoff, backoff * 2 ** (number - 1))
    return random.uniform(ceiling / 2, ceiling)  # noqa: S311  (jitter, not secrecy)


def reason(error: BaseException) -> str:
    """The exception in one line, as the admin lists it."""
    text = " ".join(str(error).split())
    return (f"{type(error).__name__}: {text}" if text else type(error).__name__)[:500]
