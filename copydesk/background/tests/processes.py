"""A real `copydesk worker` process on the test's own database and queue."""

import contextlib
import signal
import sqlite3
import subprocess
import sys
import time

from django.db import connection

from copydesk.public.tests.servers import ROOT, copydesk_env, tail

from .conftest import REDIS_TEST_URL


@contextlib.contextmanager
def shared_database(tmp_path):
    """A DATABASE_URL for a subprocess, holding what the test committed; what it writes comes back."""
    if connection.vendor != "sqlite":
        settings = connection.settings_dict
        yield f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
        return
    # The test database lives in memory: a file copy for the subprocess, copied back at the end.
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)
    try:
        yield f"sqlite:///{path}"
    finally:
        with contextlib.closing(sqlite3.connect(path)) as copy:
            copy.backup(connection.connection)


def start_worker(tmp_path, database_url, queue, *args, **settings):
    settings = {
        "LOG_LEVEL": "INFO",
        **({"REDIS_URL": REDIS_TEST_URL} if queue == "redis" else {}),
        **settings,
    }
    env = copydesk_env(
        tmp_path / "var", DATABASE_URL=database_url, PYTHONPATH=ROOT, COPYDESK_TASKS_BACKEND=queue, **settings
    )
    log = tmp_path / "worker.log"
    with log.open("ab") as out:
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "copydesk", "worker", *args], env=env, cwd=ROOT, stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    process.log = log
    return process


def wait_for(predicate, process, timeout=30.0, what="the worker"):
    deadline = time.monotonic() + timeout
    while not predicate():
        if process.poll() is not None:
            raise AssertionError(f"{what}: the worker exited ({process.returncode}):\n{tail(process.log)}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"{what}: not within {timeout} s:\n{tail(process.log)}")
        time.sleep(0.05)


def terminate(process, timeout=10.0) -> float:
    """SIGTERM the worker; return how many seconds it took to exit."""
    began = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    return time.monotonic() - began
