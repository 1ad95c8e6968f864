"""A simulated clock for lifecycle tests: one `now` for ingest, Wagtail's scheduling and the worker."""

import json
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from django.utils import timezone

# A fixed start, so no test depends on the machine's clock.
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, start=START):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)
        return self.now


@contextmanager
def simulated_clock(start=START):
    """Make `django.utils.timezone.now` read the clock while the block runs.

    Wagtail decides between "publish now" and "schedule" with `timezone.now()` itself, so the
    ingest's decisions, Wagtail's and the worker's `publish_due(now=...)` must all read one clock.
    """
    clock, real = Clock(start), timezone.now
    timezone.now = clock
    try:
        yield clock
    finally:
        timezone.now = real


def ninjs(agency_id, version, *, text=None, pubstatus="usable", embargo=None, correction=False):
    """One ninjs 1.x item as an agency would deliver it; `text` names the version's words."""
    text = text or f"{agency_id} version {version}"
    item = {
        "uri": agency_id,
        "version": str(version),
        # Before the clock's start, so the parser never takes it for a clock error.
        "versioncreated": (START - timedelta(days=1) + timedelta(minutes=version)).isoformat(),
        "pubstatus": pubstatus,
        "headline": f"Headline of {text}",
        "body_html": f"<p>Body of {text}, as the agency wrote it.</p>",
        "byline": "Lena Marsh",
    }
    if embargo is not None:
        item["embargoed"] = embargo.isoformat()
    if correction:
        item["signals"] = ["correction"]
        item["ednote"] = f"Corrects {text}."
    return json.dumps(item).encode()
