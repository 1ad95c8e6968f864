"""The demo agency: writes invented ninjs 2.x deliveries into a drop folder, as a real agency would.

It also serves its stories' pictures over HTTP on 127.0.0.1, as an agency's picture server does,
so the worker fetches them through the same safe fetch as real agency pictures (`make demo` lets
the worker reach 127.0.0.1 with WIRE_FETCH_ALLOW_HOSTS). The pictures are drawn with Pillow
(demo/images.py): nothing is downloaded from the internet. The same server offers one audio item,
a chime made in Python (demo/sounds.py), which the desk can put in a story; there is no demo video.
"""

import json
import os
import random
import re
import tempfile
import threading
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .content.wire_stories import WIRE_STORIES
from .images import lead_image_jpeg
from .sounds import chime_wav

PICTURE_PATH = re.compile(r"^/pictures/(demo-\d+)-([a-z]+)\.jpg$")
AUDIO_PATH = "/audio/harbour-chime.wav"


@lru_cache(maxsize=32)
def picture_jpeg(seed: str, motif: str) -> bytes:
    return lead_image_jpeg(seed, motif)


class PictureHandler(BaseHTTPRequestHandler):
    """Answer /pictures/demo-<serial>-<motif>.jpg with that story's drawn picture, and the chime."""

    def do_GET(self):
        match = PICTURE_PATH.match(self.path)
        if self.path == AUDIO_PATH:
            body, content_type = chime(), "audio/wav"
        elif match is not None:
            body, content_type = picture_jpeg(*match.groups()), "image/jpeg"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@lru_cache(maxsize=1)
def chime() -> bytes:
    return chime_wav()


@contextmanager
def serve_pictures(port: int = 0):
    """Serve the agency's pictures on 127.0.0.1 (port 0: any free port); yield the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), PictureHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def association(story: dict, serial: int, pictures_base: str) -> list[dict]:
    """The story's picture as a ninjs 2.x association, served by the agency's picture server."""
    picture = story.get("picture")
    if not picture or not pictures_base:
        return []
    href = f"{pictures_base}/pictures/demo-{serial}-{picture['motif']}.jpg"
    return [
        {
            "name": "mainpicture",
            "uri": f"urn:newsml:northwind-wire.example:2026:demo-{serial}-picture",
            "type": "picture",
            "descriptions": [{"role": "summary", "contenttype": "text/plain", "value": picture["caption"]}],
            "by": picture["photographer"],
            "creditline": f"Northwind Wire / {picture['photographer']}",
            "renditions": [
                {"name": "highRes", "href": href, "contenttype": "image/jpeg", "width": 1600, "height": 900}
            ],
        }
    ]


def ninjs(story: dict, serial: int, version: int, now: datetime, pictures_base: str = "") -> dict:
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
        "associations": association(story, serial, pictures_base),
    }


def drop(folder: Path, document: dict, name: str):
    """Write the file atomically, so a worker never reads half of it."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
    with os.fdopen(fd, "w") as handle:
        json.dump(document, handle, indent=2)
    os.replace(temporary, folder / name)


def next_delivery(
    folder: Path, serial: int, rng: random.Random, can_update: bool = True, pictures_base: str = ""
) -> str:
    """Drop the next story, or now and then an update of the previous one; return its headline."""
    now = datetime.now(UTC)
    if can_update and rng.random() < 0.25:
        story = WIRE_STORIES[(serial - 2) % len(WIRE_STORIES)]
        drop(folder, ninjs(story, serial - 1, 2, now, pictures_base), f"demo-{serial - 1}-v2.json")
        return f"update: {story['headline']}"
    story = WIRE_STORIES[(serial - 1) % len(WIRE_STORIES)]
    drop(folder, ninjs(story, serial, 1, now, pictures_base), f"demo-{serial}.json")
    return story["headline"]


def audio_item(now: datetime, pictures_base: str) -> dict:
    """The agency's one audio item, as ninjs 2.x: the harbour chime, with a mandatory credit."""
    return {
        "$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json",
        "uri": "urn:newsml:northwind-wire.example:2026:demo-audio-chime",
        "type": "audio",
        "version": "1",
        "versioncreated": now.isoformat(),
        "firstcreated": now.isoformat(),
        "pubstatus": "usable",
        "headlines": [{"role": "main", "value": "Sound of the harbour: the Eastbrook noon chime"}],
        "descriptions": [
            {
                "role": "summary",
                "contenttype": "text/plain",
                "value": "The noon chime over Eastbrook harbour.",
            }
        ],
        "by": "Ida Brenner",
        "creditline": "Northwind Wire Audio",
        "copyrightholder": "Northwind Wire",
        "usageterms": "Mandatory credit: Northwind Wire Audio.",
        "renditions": [
            {
                "name": "web",
                "href": f"{pictures_base}{AUDIO_PATH}",
                "contenttype": "audio/wav",
                "sizeinbytes": len(chime()),
                "duration": 3,
            }
        ],
    }


def drop_audio(folder: Path, pictures_base: str) -> str:
    """Drop the agency's audio item (the same id each time: a redelivery changes nothing)."""
    item = audio_item(datetime.now(UTC), pictures_base)
    drop(folder, item, "demo-audio-chime.json")
    return item["headlines"][0]["value"]
