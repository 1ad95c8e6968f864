"""What the configured queue holds now: ready, scheduled for later, running, failed; per queue."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from .models import FailedTask
from .runners import backend_kind, queue_names


@dataclass
class QueueState:
    name: str
    ready: int = 0
    scheduled: int = 0
    running: int = 0
    failed: int = 0  # attempts that raised, in the queue's own records (last 24 hours on the database)


@dataclass
class Summary:
    backend: str
    queues: list[QueueState] = field(default_factory=list)
    gave_up: list[FailedTask] = field(default_factory=list)


def summary(recent=10) -> Summary:
    kind = backend_kind()
    states = {"database": database_queues, "redis": redis_queues}.get(kind, lambda: [])()
    return Summary(kind, states, list(FailedTask.objects.all()[:recent]))


def database_queues() -> list[QueueState]:
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    results = DBTaskResult.objects.filter(backend_name="default")
    states = []
    for name in queue_names():
        mine = results.filter(queue_name=name)
        ready = mine.filter(status="READY")
        states.append(
            QueueState(
                name,
                ready=ready.filter(run_after__lte=now).count()
                + ready.filter(run_after=get_date_max()).count(),
                scheduled=ready.filter(run_after__gt=now).exclude(run_after=get_date_max()).count(),
                running=mine.filter(status="RUNNING").count(),
                failed=mine.filter(status="FAILED", finished_at__gte=now - timedelta(days=1)).count(),
            )
        )
    return states


def redis_queues() -> list[QueueState]:
    import django_rq

    states = []
    for name in queue_names():
        queue = django_rq.get_queue(name)
        states.append(
            QueueState(
                name,
                ready=queue.count,
                scheduled=queue.scheduled_job_registry.count,
                running=queue.started_job_registry.count,
                failed=queue.failed_job_registry.count,
            )
        )
    return states
