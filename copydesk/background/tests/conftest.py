import os
import time

import pytest
import redis
from django.core.management import call_command

QUEUES = ["default", "wire"]
REDIS_TEST_URL = "redis://127.0.0.1:6379/3"  # this suite's own Redis database, flushed around each test


@pytest.fixture(autouse=True)
def not_stopping():
    """`copydesk worker` leaves its process's stop flag set when it ends; a test starts with it clear."""
    from copydesk.background.stop import stopping

    stopping.clear()
    yield
    stopping.clear()


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": QUEUES}}
    return "database"


@pytest.fixture
def redis_queue(settings):
    client = redis.Redis.from_url(REDIS_TEST_URL)
    client.flushdb()
    settings.RQ_QUEUES = {name: {"URL": REDIS_TEST_URL, "DEFAULT_TIMEOUT": 600} for name in QUEUES}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": QUEUES}}
    yield "redis"
    client.flushdb()


@pytest.fixture(params=["database", "redis"])
def queue(request):
    """Each queue in turn: the database queue on this pass's engine, and Redis (in the SQLite pass only)."""
    if request.param == "redis" and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # CI runs both passes at once; one Redis database must not serve both (copydesk/conftest.py).
        pytest.skip("the Redis queue is tested once, in the SQLite pass")
    return request.getfixturevalue(f"{request.param}_queue")


def work_until(done, timeout=10.0):
    """Run `copydesk worker --once` until `done()` holds (deferred retries fall due meanwhile)."""
    deadline, rounds = time.monotonic() + timeout, 0
    while not done():
        assert time.monotonic() < deadline, f"the queue did not get there in {rounds} rounds"
        rounds += 1
        call_command("worker", "--once", verbosity=0)
        time.sleep(0.05)


def redis_state():
    import django_rq

    queue = django_rq.get_queue("default")
    return dict(ready=queue.count, later=queue.scheduled_job_registry.get_job_ids(),
                failed=queue.failed_job_registry.count)  # fmt: skip
