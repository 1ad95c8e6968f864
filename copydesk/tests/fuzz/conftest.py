"""The fuzzing harness's time budget, spent on each CI pass, SQLite and PostgreSQL.

`COPYDESK_FUZZ_SECONDS` (default 90) is shared out evenly among the fuzzed targets. Each target
runs batches of random examples until its share is spent: the budget bounds how much is tried,
never whether a test passes. Search queries and criteria reach the database's own full-text
engine (FTS5 on SQLite, tsquery on PostgreSQL), so every target runs on both passes. The
regression inputs (regressions/<target>/*.bin) are replayed on both passes.
"""

import os
import time

import pytest
from hypothesis import HealthCheck, settings

TARGETS = 15  # the number of fuzz_* tests; each gets an equal share of the budget
BATCH = 25


def budget_seconds() -> float:
    return float(os.environ.get("COPYDESK_FUZZ_SECONDS", "90"))


@pytest.fixture
def fuzz():
    """Return a runner: fuzz(test) calls a @given test in batches until this target's share is spent."""
    share = budget_seconds() / TARGETS

    def run(test) -> int:
        batch = settings(
            max_examples=BATCH,
            deadline=None,
            derandomize=False,
            database=None,
            suppress_health_check=list(HealthCheck),
        )(test)
        batches, deadline = 0, time.monotonic() + share
        while batches == 0 or time.monotonic() < deadline:
            batch()
            batches += 1
        return batches * BATCH

    return run
