"""The worker threads that run the queue's tasks: one kind per backend, stopped by one Event.

Database queue (django-tasks-db): a thread takes the next ready task under a row lock that other
workers skip (`default` before `wire`), marks it running under its own name, runs it and records
the outcome, as django-tasks-db's own `db_worker` does (whose `run_task` it uses).
Redis (django-tasks-rq): each thread is an RQ SimpleWorker listening on `default` then `wire`.

A worker stopping gives back what its threads still run after the grace period (`give_back`): the
task is ready again at once, for another worker, and being idempotent it may run again safely.
"""

import logging
import threading

from django.conf import settings
from django.db import OperationalError, close_old_connections, connection
from django_tasks import task_backends

from copydesk.wire.workers import gone, owner

from .stop import stopping

logger = logging.getLogger("copydesk.worker")


def backend_kind(alias="default") -> str:
    """ "database", "redis" or "immediate" (any backend that runs tasks in the caller, or never)."""
    backend = task_backends[alias]
    module = type(backend).__module__
    if module.startswith("django_tasks_db"):
        return "database"
    if module.startswith("django_tasks_rq"):
        return "redis"
    return "immediate"


def queue_names(alias="default") -> list[str]:
    return list(settings.TASKS[alias].get("QUEUES") or ["default"])


class DatabaseRunner(threading.Thread):
    """Run tasks from the database queue until `stopping` is set; between tasks, wait `interval`."""

    def __init__(self, interval=0.5, alias="default", batch=False):
        super().__init__(daemon=True, name="copydesk-db-worker")
        self.interval, self.alias, self.batch = interval, alias, batch
        self.current = None  # the DBTaskResult id being run
        self.unsettled = set()
        self.ran = 0

    def run(self):
        from django_tasks_db.management.commands.db_worker import Worker

        worker_id = owner()  # as wire claims name their holder, so `recover_abandoned` can tell it died
        runner = Worker(queue_names=["*"], interval=self.interval, batch=True, backend_name=self.alias,
                        startup_delay=False, max_tasks=None, worker_id=worker_id, excluded_queue_names=[])  # fmt: skip
        try:
            while not stopping.is_set():
                if not connection.in_atomic_block:  # `worker --once` inside a test's transaction
                    close_old_connections()
                try:
                    result = claim_next(self.alias, worker_id)
                except OperationalError as error:
                    from django_tasks_db.utils import is_locked_database_exception

                    if not is_locked_database_exception(error):  # SQLite, busy: try again shortly
                        logger.exception("Could not take a task from the database queue")
                    if not connection.in_atomic_block:
                        connection.close()
                    result = None
                if result is None:
                    if self.batch:
                        return
                    self.settle()
                    stopping.wait(self.interval)
                    continue
                self.current = result.pk
                try:
                    runner.run_task(result)
                except Exception:
                    # The outcome could not be recorded (the database went away): the task stays
                    # ours, running, until the database is back and it can be given back.
                    logger.exception("Could not record the outcome of task %s", result.pk)
                    self.unsettled.add(result.pk)
                    if not connection.in_atomic_block:
                        connection.close()
                self.current = None
                self.ran += 1
                self.settle()
        finally:
            if not connection.in_atomic_block:
                connection.close()

    def settle(self):
        """Make ready again the tasks whose outcome could not be recorded; they run again (idempotent)."""
        from django_tasks_db.models import DBTaskResult

        if self.unsettled:
            try:
                DBTaskResult.objects.filter(pk__in=self.unsettled, status="RUNNING").update(
                    status="READY", started_at=None
                )
            except OperationalError:
                return
            self.unsettled.clear()

    def give_back(self):
        from django_tasks_db.models import DBTaskResult

        if self.current is not None:
            DBTaskResult.objects.filter(pk=self.current, status="RUNNING").update(
                status="READY", started_at=None
            )
            logger.warning("Gave back task %s, still running at stop", self.current)


def claim_next(alias, worker_id):
    """Take the next ready task, `default` queue first; mark it running by this thread."""
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

    for queue in queue_names(alias):
        tasks = DBTaskResult.objects.ready().filter(backend_name=alias, queue_name=queue)
        with exclusive_transaction(tasks.db):
            result = tasks.get_locked()
            if result is not None:
                result.claim(worker_id)
                return result
    return None


def recover_abandoned(alias="default") -> int:
    """Make ready again the tasks left running by a worker that has died on this host."""
    from django_tasks_db.models import DBTaskResult

    abandoned = [
        pk for pk, worker_ids in DBTaskResult.objects.running().filter(backend_name=alias).values_list("pk", "worker_ids")
        if worker_ids and gone(worker_ids[-1])
    ]  # fmt: skip
    if abandoned:
        DBTaskResult.objects.filter(pk__in=abandoned, status="RUNNING").update(
            status="READY", started_at=None
        )
        logger.warning("Took back %d task(s) from a worker that died", len(abandoned))
    return len(abandoned)


class RedisRunner(threading.Thread):
    """Run tasks from RQ's queues in this thread until `stopping` is set."""

    def __init__(self, number=0, batch=False):
        super().__init__(daemon=True, name=f"copydesk-rq-worker-{number}")
        self.number, self.batch = number, batch
        self.worker = None

    def run(self):
        import django_rq
        from django_tasks_rq.backend import Job
        from rq.timeouts import TimerDeathPenalty
        from rq.worker import SimpleWorker

        class ThreadWorker(SimpleWorker):
            death_penalty_class = TimerDeathPenalty  # a thread cannot use SIGALRM

            def _install_signal_handlers(self):
                pass  # `copydesk worker` owns the signals and sets `stopping`

            def subscribe(self):
                pass  # RQ's remote commands (kill a horse) have no use here; its thread ends slowly

            def unsubscribe(self):
                pass

            def check_for_suspension(self, burst):
                if stopping.is_set():
                    self._stop_requested = True
                super().check_for_suspension(burst)

        queues = [django_rq.get_queue(name, job_class=Job) for name in queue_names()]
        name = f"{owner().replace(',', '-')}-{self.number}"
        # A short TTL so the blocking wait for a job ends every second to look at `stopping`.
        self.worker = ThreadWorker(queues, connection=queues[0].connection, job_class=Job, name=name,
                                   worker_ttl=16)  # fmt: skip
        self.worker.work(burst=self.batch, logging_level="WARNING")

    def give_back(self):
        from rq.registry import StartedJobRegistry

        job = self.worker and self.worker.get_current_job()
        if job is None:
            return
        import django_rq

        queue = django_rq.get_queue(job.origin)
        # Out of the running jobs (so RQ's clean-up never calls it abandoned), back at the queue's head.
        StartedJobRegistry(queue=queue).remove_executions(job)
        queue.enqueue_job(job, at_front=True)
        logger.warning("Gave back task %s, still running at stop", job.id)


def enqueue_scheduled_rq_jobs() -> None:
    """Move the RQ jobs whose run_after has come to their queues (one scheduler at a time, by lock)."""
    import django_rq
    from rq.scheduler import RQScheduler

    connection = django_rq.get_queue(queue_names()[0]).connection
    scheduler = RQScheduler(queue_names(), connection=connection, logging_level="WARNING")
    if scheduler.acquire_locks():
        scheduler.enqueue_scheduled_jobs()
        scheduler.release_locks()
