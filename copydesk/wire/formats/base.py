"""What every delivery format shares: the `Format` class, dates, versions, statuses and text.

Untrusted JSON is read with `safe_json`, untrusted XML with `safe_xml`.
"""

import codecs
import html
import json
import logging
import re
import warnings
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from dateutil import parser as dateparser

from ..items import (
    CANCELED,
    CORRECTION,
    TEXT,
    UPDATE,
    USABLE,
    WITHHELD,
    DeliveryError,
    Item,
    Parsed,
    Rejected,
)

logger = logging.getLogger(__name__)

MiB = 1024 * 1024
# A version or first-created time further ahead than this is a wrong clock at the agency, not a plan.
FUTURE_TOLERANCE = timedelta(days=1)
EXCERPT_CHARS = 300


class ItemProblem(ValueError):
    """One item cannot be read; the message is the reason an editor will see."""


class ParserCrash(DeliveryError):
    """The delivery was refused because reading it raised an error no check foresaw: a bug to fix.

    A subclass so that callers treat it as any refusal, while the fuzzing harness
    (copydesk/tests/fuzz) can tell it from a refusal the parser meant.
    """


class Format:
    """A delivery format. Subclass it; like Django's `Feed`, each option may be an attribute or a method.

    A subclass says how to `split` a delivery into raw items, how to `read_item` one raw item into
    an `Item` (raising `ItemProblem` with the reason when it cannot) and how to `describe` a raw
    item for the editor when it is rejected. `parse` does the rest, so one bad item never stops
    the others.
    """

    name = ""  # the key in FORMATS, stored on a wire source
    label = ""  # what editors see
    # What the format can say: the kinds of item it can deliver (items.TEXT, PICTURE, VIDEO, AUDIO,
    # PACKAGE) and what a later delivery can do to a story (items.CORRECTION, KILL, EMBARGO).
    # wire/tests/test_item_kinds.py delivers one of each in the format and holds the reasons for
    # what a format cannot say.
    expresses: frozenset[str] = frozenset({TEXT})
    max_bytes = 20 * MiB

    def option(self, attr: str) -> Any:
        value = getattr(self, attr)
        return value() if callable(value) else value

    def sniff(self, data: bytes) -> bool:
        """Guess cheaply, from the first bytes, whether `data` is in this format."""
        return False

    def parse(self, data: bytes) -> Parsed:
        """Read one delivery; raise DeliveryError when none of it can be read."""
        if not isinstance(data, bytes | bytearray | memoryview):
            raise TypeError(
                f"{type(self).__name__}.parse() takes the delivery's bytes, not {type(data).__name__}"
            )
        data = bytes(data)
        self.check_size(data)
        try:
            raws = list(self.split(data))
        except DeliveryError:
            raise
        except Exception as error:
            # A library (feedparser, lxml, json) failing in a way nobody foresaw must refuse this
            # delivery with its reason, never stop the worker or lose the file.
            logger.exception("%s could not split a delivery", type(self).__name__)
            raise ParserCrash(
                f"The {self.option('label')} delivery could not be read: reading it failed with "
                f"{type(error).__name__}: {clean(str(error))[:200]}. Keep the file and report it."
            ) from error
        parsed = Parsed()
        for raw in raws:
            try:
                parsed.items.append(self.read_item(raw))
            except ItemProblem as problem:
                parsed.rejected.append(self.reject(raw, str(problem)))
            except Exception as error:
                # An item of a shape nobody foresaw must not stop the rest of the delivery; the
                # Python error in the reason tells a developer which check to add.
                logger.warning("%s could not read an item", type(self).__name__, exc_info=True)
                parsed.rejected.append(
                    self.reject(raw, f"could not be read ({type(error).__name__}: {error})")
                )
        return parsed

    def check_size(self, data: bytes) -> None:
        limit = self.option("max_bytes")
        if len(data) > limit:
            raise DeliveryError(
                f"The delivery is {_size(len(data))}, over the limit of {_size(limit)} for "
                f"{self.option('label')}. If the agency really sends deliveries this large, raise "
                f"max_bytes on the format."
            )

    def split(self, data: bytes) -> Iterable[Any]:
        raise NotImplementedError(f"{type(self).__name__} must say how to split a delivery into items")

    def read_item(self, raw: Any) -> Item:
        raise NotImplementedError(f"{type(self).__name__} must say how to read one item")

    def describe(self, raw: Any) -> tuple[str, str, str]:
        """Return what can be told of an unreadable item: agency id, headline and an excerpt."""
        return "", "", ""

    def reject(self, raw: Any, reason: str) -> Rejected:
        try:
            agency_id, headline, excerpt = self.describe(raw)
        except Exception:  # describing a broken item must not break the delivery as well
            agency_id, headline, excerpt = "", "", ""
        return Rejected(
            reason=clean(reason),
            agency_id=clean(str(agency_id or "")),
            headline=clean(str(headline or "")),
            excerpt=clean(str(excerpt or ""))[:EXCERPT_CHARS],
        )


def _size(count: int) -> str:
    return f"{count / MiB:.1f} MiB" if count >= MiB else f"{count:,} bytes"


# Dates ---------------------------------------------------------------------------------------

_IMPOSSIBLE = re.compile(r"out of range|must be in")
_NO_DATE = datetime(1, 1, 1, tzinfo=UTC)  # dateutil fills missing parts from this; year 1 means "no date"


def _dateutil_parse(text: str) -> datetime:
    with warnings.catch_warnings():
        # An unknown zone name ("EDT" outside RFC 822) would otherwise pass as UTC, silently wrong.
        warnings.simplefilter("error", dateparser.UnknownTimezoneWarning)
        try:
            when = dateparser.parse(text, default=_NO_DATE)
        except dateparser.UnknownTimezoneWarning:
            raise ValueError("unknown time zone") from None
    if when.year == 1:
        raise ValueError("no date")
    return when


def parse_when(value: Any, field: str) -> datetime | None:
    """Read an ISO 8601 or RFC 822 date as an aware datetime; a time without a zone is UTC."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ItemProblem(f"{field} {value!r} is not a date")
    text = value.strip()
    impossible = False
    for read in (dateparser.isoparse, parsedate_to_datetime, _dateutil_parse):
        try:
            when = read(text)
        # ArithmeticError: dateutil reads seconds as a Decimal, and "0:999…9" divides impossibly.
        except (ValueError, ArithmeticError, TypeError) as error:
            impossible = impossible or bool(_IMPOSSIBLE.search(str(error)))
            continue
        try:
            return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
        except (ValueError, OverflowError):  # an offset of a day or more; a year 1 moved out of range
            raise ItemProblem(f"{field} '{text}' is not a real date") from None
    if impossible:
        raise ItemProblem(f"{field} '{text}' is not a real date")
    raise ItemProblem(f"{field} '{text}' is not a date")


def created_at(value: Any, field: str, notes: list[str]) -> datetime | None:
    """Read a version or first-created time; one more than a day ahead is taken as now, with a note.

    Left in the future, a wrong clock at the agency would make that version beat every later one
    whose order rests on its time; rejecting it would hold the story back for a clock error.
    Embargo times are read with `parse_when`, since they are meant to lie ahead.
    """
    when = parse_when(value, field)
    now = datetime.now(UTC)
    if when is not None and when > now + FUTURE_TOLERANCE:
        notes.append(f"{field} '{value}' is more than a day ahead of our clock; taken as the time it arrived")
        return now
    return when


# Versions, statuses, signals ----------------------------------------------------------------


def version_number(value: Any) -> int | None:
    """Return the agency's version as a number, or None when it is not a plain count."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,18}\s*", value):
        return int(value)
    return None


_STATUSES = {
    "usable": USABLE,
    "withheld": WITHHELD,
    "canceled": CANCELED,
    "cancelled": CANCELED,
    "withdrawn": CANCELED,  # Reuters' word for a kill
}


def read_pubstatus(value: Any, field: str = "pubstatus") -> str:
    """Map a status (`usable`, `stat:withheld`, a pubstatusg2 URI) to USABLE, WITHHELD or CANCELED."""
    if value is None or value == "":
        return USABLE
    word = str(value).strip().lower().rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    if word not in _STATUSES:
        # Guessing could publish a story the agency meant to stop; an editor decides instead.
        raise ItemProblem(f"{field} '{value}' is not one Copydesk knows (usable, withheld or canceled)")
    return _STATUSES[word]


def read_signals(values: Iterable[str]) -> set[str]:
    """Map signal codes, names or URIs (`sig:correction`, "Correction") to CORRECTION and UPDATE."""
    found = set()
    for value in values:
        word = str(value).lower()
        if "correction" in word:
            found.add(CORRECTION)
        if "update" in word:
            found.add(UPDATE)
    return found


# Text ----------------------------------------------------------------------------------------

UNDECODABLE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Replace undecodable bytes with U+FFFD so the text can be stored and shown."""
    return UNDECODABLE.sub("\ufffd", text)


def paragraphs(text: str) -> str:
    """Turn plain text into escaped HTML paragraphs, one per blank-line-separated block."""
    blocks = (block.strip() for block in re.split(r"\n\s*\n", text))
    return "".join(
        f"<p>{html.escape(block, quote=False)}</p>".replace("\n", "<br>") for block in blocks if block
    )


def excerpt(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return clean(text)[:EXCERPT_CHARS]


BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def text_head(data: bytes, size: int = 4096) -> str:
    """Return the start of a delivery as text, for sniffing: BOM and leading space removed."""
    start = data[:size]
    for bom, codec in BOMS:
        if start.startswith(bom):
            return start.decode(codec.replace("-sig", ""), "ignore").lstrip("\ufeff \t\r\n")
    return start.decode("utf-8", "ignore").lstrip(" \t\r\n")


_PROLOG = re.compile(r"(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>|\s+)*", re.DOTALL)
_START_TAG = re.compile(r"<(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


def root_name(head: str) -> str:
    """Return the local name of the first element in `head` (from `text_head`), or ""."""
    match = _START_TAG.match(head, _PROLOG.match(head).end())
    return match.group(1) if match else ""
