"""Tasks for the tests: they count their runs in a file, so any process can run them."""

import time
from pathlib import Path

from copydesk import background


def runs(path) -> int:
    file = Path(path)
    return len(file.read_text().splitlines()) if file.exists() else 0


def count_run(path) -> int:
    with Path(path).open("a") as file:
        file.write("run\n")
    return runs(path)


@background.task(attempts=3, backoff=0.05, max_backoff=0.2)
def flaky(path: str, failures: int) -> int:
    """Fail the first `failures` runs, then succeed."""
    run = count_run(path)
    if run <= failures:
        raise RuntimeError(f"run {run} failed\n  (a second line the admin does not show)")
    return run


@background.task(queue_name="wire")
def slow(path: str, seconds: float) -> None:
    """Take `seconds` on the first run (at once on later ones), then write "done" in the file."""
    if count_run(path) == 1:
        time.sleep(seconds)
    with Path(path).open("a") as file:
        file.write("done\n")
