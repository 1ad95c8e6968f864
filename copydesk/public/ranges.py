"""Serve a stored file with HTTP Range: browsers seek in a video or audio clip by asking for a slice.

Django's FileResponse streams a file but answers every request with the whole of it; a player
that cannot get `206 Partial Content` cannot seek, and Safari will not play at all. One range per
request is what players ask for; several ranges (rare) get the whole file, which RFC 9110 allows.
"""

import re

from django.http import FileResponse, HttpResponse

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class FileSlice:
    """`length` bytes of an open file from where it stands: what FileResponse streams for a 206."""

    def __init__(self, file, length):
        self.file, self.left = file, length

    def read(self, size=-1):
        if self.left <= 0:
            return b""
        data = self.file.read(self.left if size is None or size < 0 else min(size, self.left))
        self.left -= len(data)
        return data

    def close(self):
        self.file.close()


def requested_range(header: str, size: int):
    """Return (start, end) inclusive for a single satisfiable range, None for the whole file, or
    "unsatisfiable"."""
    match = RANGE.match(header.strip().replace(" ", ""))
    if not match or not any(match.groups()):
        return None  # absent, several ranges or malformed: the whole file
    first, last = match.groups()
    if not first:  # the last N bytes
        length = int(last)
        return (max(size - length, 0), size - 1) if length and size else "unsatisfiable"
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or (last and int(last) < start):
        return "unsatisfiable"
    return start, end


def ranged_file_response(request, field_file, content_type, *, last_modified=""):
    """A 200 with the whole file, or a 206 with the range asked for, or a 416."""
    size = field_file.size
    wanted = requested_range(request.headers.get("Range", ""), size)
    if_range = request.headers.get("If-Range")
    if if_range is not None and if_range != last_modified:
        wanted = None  # the reader holds another version of the file: send this one whole
    if wanted == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif wanted is None:
        response = FileResponse(field_file.open("rb"), content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        start, end = wanted
        opened = field_file.open("rb")
        opened.seek(start)
        response = FileResponse(FileSlice(opened, end - start + 1), content_type=content_type, status=206)
        response["Content-Length"] = str(end - start + 1)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response
