"""The demo agency: writes invented ninjs 2.x deliveries into a drop folder, as a real agency would."""

import json
import os
import random
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from .content.wire_stories import WIRE_STORIES


def ninjs(story: dict, serial: int, version: int, now: datetime) -> dict:
    """Return one story as an IPTC ninjs 2.x document."""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in story["body"])
    if version > 1:
        body += "<p>This story has been updated with the latest information from officials.</p>"
    return {
        "$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json",
        "uri": f"urn:newsml:northwind-wire.example:2026:demo-{serial}",
        "type": "text",
        "version": str(version),
        "versioncreated": now.isoformat(),
        "firstcreated": now.isoformat(),
        "pubstatus": "usable",
        "language": "en",
        "headlines": [{"role": "main", "value": story["headline"]}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": body}],
        "by": f"{story['byline']}, Northwind Wire",
        "copyrightholder": "Northwind Wire",
        "usageterms": "Licensed for online publication by subscribers; no resale.",
        "signals": [{"uri": "http://cv.iptc.org/newscodes/signal/update"}] if version > 1 else [],
    }


def drop(folder: Path, document: dict, name: str):
    """Write the file atomically, so a worker never reads half of it."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
    with os.fdopen(fd, "w") as handle:
        json.dump(document, handle, indent=2)
    os.replace(temporary, folder / name)


def next_delivery(folder: Path, serial: int, rng: random.Random, can_update: bool = True) -> str:
    """Drop the next story, or now and then an update of the previous one; return its headline."""
    now = datetime.now(UTC)
    if can_update and rng.random() < 0.25:
        story = WIRE_STORIES[(serial - 2) % len(WIRE_STORIES)]
        drop(folder, ninjs(story, serial - 1, 2, now), f"demo-{serial - 1}-v2.json")
        return f"update: {story['headline']}"
    story = WIRE_STORIES[(serial - 1) % len(WIRE_STORIES)]
    drop(folder, ninjs(story, serial, 1, now), f"demo-{serial}.json")
    return story["headline"]
