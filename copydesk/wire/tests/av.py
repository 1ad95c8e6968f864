"""Invented video and audio for the wire tests: tiny files with real container signatures, served locally."""

import io
import math
import struct
import wave
from contextlib import contextmanager

from .localserver import send, serve


def mp4(size=96_000) -> bytes:
    """An MP4 file's opening box (ftyp) and filler: what the type check reads, and bytes to slice."""
    ftyp = struct.pack(">I4s4sI8s", 24, b"ftyp", b"isom", 0x200, b"isomavc1")
    filler = bytes((i * 7) % 251 for i in range(size - len(ftyp)))
    return ftyp + filler


def wav(seconds=1.0, rate=8000) -> bytes:
    """A real, playable mono WAV: a soft 440 Hz tone."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = (int(8000 * math.sin(2 * math.pi * 440 * n / rate)) for n in range(int(seconds * rate)))
        out.writeframes(b"".join(struct.pack("<h", f) for f in frames))
    return buffer.getvalue()


@contextmanager
def clip_server(settings, **files):
    """Serve each named file (name -> (bytes, content type)) at /<name>; yield the base URL and the paths asked."""
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    asked = []

    def route(body, content_type):
        def answer(handler):
            asked.append(handler.path)
            send(handler, 200, body, Content_Type=content_type)

        return answer

    with serve({f"/{name}": route(*served) for name, served in files.items()}) as base:
        yield base, asked
