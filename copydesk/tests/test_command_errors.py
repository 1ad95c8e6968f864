"""Every command answers bad input and a missing database with one clear line and a failing exit.

The database-down cases run the real `copydesk` command in a subprocess whose DATABASE_URL points
at a closed port, as an operator would meet them; the others go through call_command.
"""

import io
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from copydesk.newsroom.models import Article
from copydesk.wire.tests.builders import make_source

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    """call_command with output captured; return (printed, error message or None)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--articles", "-1"], "argument --articles: -1 is too small; it must be 0 or more"),
        (["--articles", "5", "--batch", "0"], "argument --batch: 0 is too small; it must be 1 or more"),
        (["--articles", "5", "--years", "0"], "argument --years: 0 is too small; it must be 1 or more"),
        (["--articles", "many"], "argument --articles: “many” is not a whole number"),
    ],
)
@pytest.mark.django_db
def test_generate_refuses_numbers_it_cannot_use(args, message):
    printed, error = run("generate", *args)
    assert error == f"Error: {message}"
    assert not Article.objects.exists() and "Generated" not in printed


@pytest.mark.django_db
def test_reindex_refuses_an_empty_chunk():
    assert (
        run("reindex", "--chunk", "0")[1] == "Error: argument --chunk: 0 is too small; it must be 1 or more"
    )


@pytest.mark.django_db
def test_worker_refuses_an_interval_that_would_spin():
    assert run("worker", "--once", "--interval", "0")[1] == "--interval must be more than 0 seconds, not 0."


@pytest.mark.django_db
def test_createuser_refuses_a_name_taken_in_another_case():
    get_user_model().objects.create_user("admin")
    assert run("createuser", "ADMIN", "--role", "editor")[1] == "A user called “admin” already exists."
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
def test_ingest_of_a_folder_says_it_is_a_folder(tmp_path):
    make_source(name="Northwind", format="rss")
    error = run("ingest", str(tmp_path), "--source", "Northwind")[1]
    assert error == f"{tmp_path} is a folder; give one delivery file (a drop folder is read by the worker)."


@pytest.mark.django_db
def test_ingest_refuses_a_file_over_the_formats_limit_before_reading_it(tmp_path, monkeypatch):
    make_source(name="Northwind", format="rss")
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as sparse:  # 200 MiB on disk costs nothing: a sparse file
        sparse.truncate(200 * 2**20)
    monkeypatch.setattr(Path, "read_bytes", lambda path: pytest.fail(f"{path} was read"))
    error = run("ingest", str(huge), "--source", "Northwind")[1]
    assert error == f"{huge} is 200.0 MiB, over the 20.0 MiB limit for RSS 2.0 deliveries; nothing was read."


@pytest.mark.django_db
def test_ingest_of_a_missing_file_says_so(tmp_path):
    make_source(name="Northwind", format="rss")
    assert (
        run("ingest", str(tmp_path / "gone.xml"), "--source", "Northwind")[1]
        == f"No such file: {tmp_path / 'gone.xml'}"
    )


@pytest.mark.django_db
def test_worker_once_fails_in_one_line_when_the_database_goes_away_during_its_round(monkeypatch):
    from django.db import OperationalError

    from copydesk.wire import dispatch

    def database_goes_away(**kwargs):
        raise OperationalError("server closed the connection unexpectedly\nThis probably means...")

    monkeypatch.setattr(dispatch, "enqueue_due_sources", database_goes_away)
    assert run("worker", "--once")[1] == (
        "The database could not be used (server closed the connection unexpectedly). "
        "Check that it is running and that DATABASE_URL points at it."
    )


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends: nothing listens there


@pytest.mark.parametrize(
    "args",
    [
        ["reindex"],
        ["worker", "--once"],
    ],
    ids=lambda args: args[0],
)
def test_with_the_database_down_a_command_fails_in_one_line(args, tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "copydesk.settings",
        "COPYDESK_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{closed_port()}/copydesk",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "copydesk", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("CommandError: The database could not be used ("), result.stderr
    assert "Traceback" not in result.stderr
    assert lines[-1].endswith("Check that it is running and that DATABASE_URL points at it.")
