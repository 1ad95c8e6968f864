"""Stateful tests bounded by time, not by a number of sequences.

Hypothesis stops a run after `max_examples` sequences, whatever each costs; one sequence of a
lifecycle test may take 50 ms on SQLite and half a second on a loaded PostgreSQL. `run_for` runs the
machine in short rounds of fresh random sequences until `COPYDESK_STATEFUL_SECONDS` (per test,
90 by default) have passed, so CI spends a known time and a developer can run longer at will:

    COPYDESK_STATEFUL_SECONDS=1800 make test

A failing sequence stops the run at once and is shrunk as usual; Hypothesis's example database
replays it first in the next run.
"""

import os
import time

from hypothesis import settings as hypothesis_settings
from hypothesis.stateful import run_state_machine_as_test


def budget() -> float:
    return float(os.environ.get("COPYDESK_STATEFUL_SECONDS", "90"))


def run_for(machine, settings: hypothesis_settings, *, round_size: int, seconds: float | None = None) -> int:
    """Run `machine` in rounds of `round_size` sequences until the budget is spent; return how many ran."""
    deadline = time.monotonic() + (budget() if seconds is None else seconds)
    sequences = 0
    while True:  # at least one round, however small the budget
        run_state_machine_as_test(machine, settings=hypothesis_settings(settings, max_examples=round_size))
        sequences += round_size
        if time.monotonic() >= deadline:
            return sequences
