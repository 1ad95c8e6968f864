"""Hostile files for the tests: small on disk, enormous once decoded."""

import struct
import zlib
from functools import lru_cache


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@lru_cache(maxsize=4)
def png_bomb(width: int = 10_000, height: int = 10_000) -> bytes:
    """A valid greyscale PNG of width x height pixels, all black, built in blocks of rows."""
    compressor = zlib.compressobj(1)  # the fastest level: 0.4 MB, built in about a second
    rows = 500
    block = b"\0" * ((width + 1) * rows)  # per row: the filter byte, then one byte per pixel
    data = b"".join(compressor.compress(block) for _ in range(height // rows))
    data += compressor.compress(b"\0" * ((width + 1) * (height % rows))) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")
