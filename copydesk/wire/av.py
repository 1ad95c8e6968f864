"""Agency video and audio: the playable file chosen, fetched to storage, checked, kept for the desk.

An agency lists several renditions of a clip (sizes, encodings, a preview). The worker takes the
largest one a browser plays (`PLAYABLE`) within WIRE_MEDIA_MAX_BYTES, fetched under the rules of
wire/fetch.py (public addresses only unless WIRE_FETCH_ALLOW_HOSTS names the host) and streamed to
a temporary file, never held in memory. The file must be what its type says: its first bytes are
checked against the container's signature (an HTML error page or a renamed file is refused, with
the reason the desk sees). Then it is stored under MEDIA_ROOT/agency-media/, which no web server
serves directly: readers get it only through the public media view, while a live story plays it.

Settings, read at call time:
    WIRE_MEDIA_MAX_BYTES  largest file fetched, in bytes; default 200 MiB.
    WIRE_MEDIA_TIMEOUT    seconds a whole fetch of one file may take; default 600.
"""

import mimetypes
import os
import tempfile
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename

from .fetch import FetchError, fetch
from .models import AgencyMedia
from .signals import media_files_changed

State = AgencyMedia.State
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_TIMEOUT = 600.0

# Content type -> (container, file extension). The container is what the first bytes must show.
PLAYABLE = {
    "video/mp4": ("mp4", "mp4"),
    "video/webm": ("webm", "webm"),
    "video/ogg": ("ogg", "ogv"),
    "audio/mpeg": ("mp3", "mp3"),
    "audio/mp3": ("mp3", "mp3"),
    "audio/mp4": ("mp4", "m4a"),
    "audio/x-m4a": ("mp4", "m4a"),
    "audio/webm": ("webm", "weba"),
    "audio/ogg": ("ogg", "ogg"),
    "audio/opus": ("ogg", "opus"),
    "audio/wav": ("wav", "wav"),
    "audio/x-wav": ("wav", "wav"),
    "audio/wave": ("wav", "wav"),
}
CONTAINER_NAMES = {"mp4": "MP4", "webm": "WebM", "ogg": "Ogg", "mp3": "MP3", "wav": "WAV"}


def max_bytes() -> int:
    return getattr(settings, "WIRE_MEDIA_MAX_BYTES", DEFAULT_MAX_BYTES)


def base_type(mime: str) -> str:
    return (mime or "").split(";")[0].strip().lower()


def rendition_type(rendition: dict) -> str:
    """The rendition's content type as the agency gives it, else as its address suggests."""
    declared = base_type(rendition.get("mime", ""))
    if declared:
        return declared
    guessed, _ = mimetypes.guess_type(urlsplit(rendition.get("url", "")).path)
    return base_type(guessed or "")


def playable_rendition(renditions: list[dict]) -> dict | None:
    """The largest playable rendition within the byte limit; the first unsized one when none is sized."""
    playable = [r for r in renditions if r.get("url") and rendition_type(r) in PLAYABLE]
    sized = [r for r in playable if r.get("size") and r["size"] <= max_bytes()]
    if sized:
        return max(sized, key=lambda r: r["size"])
    return next((r for r in playable if not r.get("size")), None)


def no_playable_reason(renditions: list[dict]) -> str:
    offered = sorted({rendition_type(r) or "type unknown" for r in renditions if r.get("url")})
    return (
        f"No rendition a browser can play within {max_bytes() // (1024 * 1024)} MB "
        f"(the agency offers: {', '.join(offered) or 'no files'}; Copydesk plays "
        f"{', '.join(sorted({'video/mp4', 'video/webm', 'audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav'}))})."
    )


def container_of(head: bytes) -> str:
    """Name the container the file's first bytes show ("mp4", "webm" ...), or "" if none we play."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"  # EBML: WebM (Matroska's web profile)
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"ID3") or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"  # an ID3 tag, or an MPEG audio frame's sync bits
    return ""


def fetch_av(media: AgencyMedia) -> AgencyMedia:
    """Bring a waiting video or audio clip into storage, or record why it cannot be."""
    rendition = next((r for r in media.renditions if r.get("url") == media.url), None)
    if not media.url:
        return _record(media, State.FAILED, reason=no_playable_reason(media.renditions))
    declared = rendition_type(rendition) if rendition else base_type(media.mime)
    with tempfile.TemporaryFile(dir=getattr(settings, "FILE_UPLOAD_TEMP_DIR", None)) as body:
        try:
            fetched = fetch(
                media.url,
                max_bytes=max_bytes(),
                timeout=getattr(settings, "WIRE_MEDIA_TIMEOUT", DEFAULT_TIMEOUT),
                into=body,
            )
        except FetchError as error:
            return _record(media, State.FAILED, reason=str(error))
        served = base_type(fetched.content_type)
        mime = served if served in PLAYABLE else declared
        if mime not in PLAYABLE:
            return _record(
                media,
                State.FAILED,
                reason=f"{media.url} is not video or audio a browser plays ({mime or 'no type'}).",
            )
        body.seek(0)
        found = container_of(body.read(16))
        expected = PLAYABLE[mime][0]
        if found != expected:
            what = f"a {CONTAINER_NAMES[found]} file" if found else "no video or audio file we know"
            return _record(
                media,
                State.FAILED,
                reason=f"{media.url} says it is {mime} but its bytes are {what}; refused.",
            )
        size = body.seek(0, os.SEEK_END)
        body.seek(0)
        name = media.file.field.generate_filename(media, _file_name(fetched.url, media, mime))
        stored = media.file.storage.save(name, File(body), max_length=media.file.field.max_length)
    duration = rendition.get("duration") if rendition else None
    return _record(media, State.FETCHED, file=stored, mime=mime, size=size, duration=duration)


def _file_name(url: str, media: AgencyMedia, mime: str) -> str:
    stem = os.path.splitext(os.path.basename(urlsplit(url).path))[0]
    stem = get_valid_filename(stem)[:60] or f"{media.kind}-{media.pk}"
    return f"{stem}.{PLAYABLE[mime][1]}"


def _record(media, state, *, reason="", file="", mime="", size=None, duration=None):
    # Stored only if the media is still waiting: a kill that arrived meanwhile wins.
    old = AgencyMedia.objects.filter(pk=media.pk).values_list("file", flat=True).first() or ""
    fields = {"state": state, "reason": reason, "changed_at": timezone.now()}
    if state == State.FETCHED:
        fields.update(file=file, mime=mime, size=size, duration=duration)
    updated = AgencyMedia.objects.filter(pk=media.pk, state=State.PENDING).update(**fields)
    storage = media.file.storage
    if not updated and file:
        storage.delete(file)  # fetched for nothing: a kill came first
    elif updated and file and old and old != file:
        transaction.on_commit(lambda: storage.delete(old))  # the new version's file replaces it
    if updated and state == State.FETCHED:
        transaction.on_commit(lambda: media_files_changed.send(AgencyMedia, media_ids=[media.pk]))
    media.refresh_from_db()
    return media
