"""What the agency text formats (IPTC 7901, ANPA-1312) share: control-character framing, 7-bit text,
and the conventions agencies write into plain copy (advisories, bylines, datelines, embargo lines).

A message runs from SOH to EOT: a header before STX, the text between STX and ETX, and a
post-text (the time it was sent) after ETX. Anything a message holds besides CR, LF and tab
among the control characters is dropped from its text.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from dateutil import parser as dateparser

from copydesk.newsroom.bylines import without_by

from ..items import CANCELED, CORRECTION, UPDATE, DeliveryError
from .base import ItemProblem, clean

SOH, STX, ETX, EOT, SYN = b"\x01", b"\x02", b"\x03", b"\x04", b"\x16"
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class Frame:
    """One message as framed on the wire, decoded; `problem` says why its framing is broken."""

    header: str
    text: str = ""
    post: str = ""
    problem: str = ""
    takes: list["Frame"] = field(default_factory=list)  # later takes joined to this one (ANPA adds)


def decode(data: bytes) -> str:
    """7-bit ASCII as both standards say; UTF-8 when the bytes are valid UTF-8 (as many agencies
    now send); else ISO 8859-1, which decodes any byte, so one stray accent never loses a story."""
    for codec in ("ascii", "utf-8"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# A real header is under a hundred characters; a longer first line is not one, and is not searched.
HEADER_CHARS = 300


def text_lines(text: str) -> list[str]:
    """Split text on any line end and drop control characters other than tab."""
    return [_CONTROLS.sub("", line).rstrip() for line in re.split(r"\r\n|\r|\n", text)]


def frames(data: bytes, label: str, what: str) -> list[Frame]:
    """Cut a delivery into messages at each SOH; raise DeliveryError when it holds none."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if SOH not in data:
        start = data.lstrip()[:1]
        kind = {b"<": "XML or HTML", b"{": "JSON", b"[": "JSON"}.get(start, "")
        raise DeliveryError(
            f"This is not {label}: {what} framed by the control characters SOH and STX"
            + (f", and this file looks like {kind}" if kind else ", and this file has no SOH")
            + ". Check the source's format."
        )
    found = []
    for chunk in data.split(SOH)[1:]:
        chunk = chunk.split(EOT, 1)[0]
        header, stx, rest = chunk.partition(STX)
        frame = Frame(header=clean(decode(header)).strip(" \r\n\x16"))
        if not stx:
            frame.problem = (
                "the message stops before its text begins (no STX after the header): the file looks cut short"
            )
        else:
            text, etx, post = rest.partition(ETX)
            frame.text, frame.post = clean(decode(text)), clean(decode(post)).strip(" \r\n\x16")
            if not etx:
                frame.problem = (
                    "the message's text has no end (no ETX): the file looks cut short, so the story may be "
                    "incomplete"
                )
        found.append(frame)
    return found


# Advisories: the words agencies put in capitals above a story ----------------------------------

_ADVISORY = re.compile(
    r"^[\s*=#]*(?:MANDATORY\s+|URGENT\s+)?(?P<word>KILL(?:ED)?|ELIMINAT(?:E|ION)|WITHDRAW(?:N|AL)?|"
    r"CORRECT(?:ION|ED|S|IVE)|UPDATE[DS]?|WRITETHRU|WRITETHROUGH|REFILED?)"
    r"(?=$|[\s:\-–—.=(/*,])(?P<rest>.*)$"
)
_KILL_WORDS = ("KILL", "ELIMINAT", "WITHDRAW")
_EMBARGO = re.compile(r"^[\s*=#]*(?:EMBARGO(?:ED)?|[Ee]mbargoed\s+(?:until|till))\b(?P<when>.*)$")
_BYLINE = re.compile(r"^\s*(?:By|BY)\s+(?P<name>[^\W\d_].{0,120})$")
_EDNOTE = re.compile(r"^\s*(?:Eds?|EDS?|Editors?|EDITORS?|EDITOR'S NOTE)\s*[:_]\s*(?P<note>.+)$")
_NOT_FOR_PUBLICATION = re.compile(r"not (?:intended )?for publication", re.I)
_PRIORITY_WORD = re.compile(
    r"^[\s*=#]*(?:FLASH|BULLETIN|URGENT|ALERT)(?:[\s*=#]+(?:FLASH|BULLETIN|URGENT|ALERT))*[\s*=#]*$"
)
_SIGN_OFF = re.compile(r"^\s*(?:\(?(?:MORE|END|ENDS)\)?|-?30-|#+)\s*$")


def advisory(word: str) -> tuple[str, str]:
    """Return ("pubstatus", CANCELED) or ("signal", CORRECTION / UPDATE) for an advisory word."""
    word = word.upper()
    if word.startswith(_KILL_WORDS):
        return "pubstatus", CANCELED
    return "signal", CORRECTION if word.startswith("CORRECT") else UPDATE


def code_advisories(code: str) -> list[tuple[str, str]]:
    """Read advisories from a keyword or version field ("Pier-Fire-Correction", "1st Ld-Writethru")."""
    found = []
    for token in re.split(r"[\s,/_\-]+", code.upper()):
        if token.startswith(_KILL_WORDS) or token in ("ELIM",):
            found.append(("pubstatus", CANCELED))
        elif token.startswith("CORRECT"):
            found.append(("signal", CORRECTION))
        elif token in ("WRITETHRU", "WRITETHROUGH", "UPDATE", "UPDATED", "LD", "LEAD", "SUB", "INSERT"):
            found.append(("signal", UPDATE))
    return found


@dataclass
class Copy:
    """What a story's plain text says, read the way an editor reads wire copy."""

    headline: str = ""
    byline: str = ""
    dateline: str = ""
    credit: str = ""  # the agency named in the dateline's parentheses
    paragraphs: list[str] = field(default_factory=list)
    advisories: list[str] = field(default_factory=list)  # the advisory lines, as written
    effects: list[tuple[str, str]] = field(default_factory=list)
    embargo: str | None = None  # the embargo line's time text, "" when it names none
    notes: list[str] = field(default_factory=list)  # editors' notes and not-for-publication text


def read_copy(lines: list[str], *, heading: bool = True) -> Copy:
    """Split plain copy into heading (headline, advisories, byline) and paragraphs, and read them.

    The heading is the first block of lines, up to a blank or indented line. In the text, an
    indented line or a blank line starts a paragraph; other lines continue the one before. A
    later take (`heading=False`) is all text.
    """
    copy = Copy()
    while lines and not lines[0].strip():
        lines = lines[1:]
    cut = next((i for i, line in enumerate(lines) if not line.strip() or line[:1] in (" ", "\t")), len(lines))
    if not heading:
        copy.paragraphs = _paragraphs(copy, lines)
        return copy
    top, body = lines[:cut], lines[cut:]
    headline = []
    for line in top:
        text = line.strip()
        if _read_marker(copy, text):
            continue
        if copy.byline:  # after the byline, a line is its title ("Northwind Wire Writer")
            copy.byline += f", {text}"
        elif match := _BYLINE.match(text):
            copy.byline = match["name"].strip()
        else:
            headline.append(text)
    copy.headline = " ".join(headline) or _headline_from_advisory(copy)
    copy.paragraphs = _paragraphs(copy, body)
    match = _BYLINE.match(copy.paragraphs[0]) if copy.paragraphs and not copy.byline else None
    if match and len(match["name"].split()) <= 10:  # a short "By" paragraph, not a sentence
        copy.byline = match["name"].strip()
        copy.paragraphs.pop(0)
    if copy.paragraphs:
        copy.dateline, copy.credit, copy.paragraphs[0] = split_dateline(copy.paragraphs[0])
    return copy


def _read_marker(copy: Copy, text: str) -> bool:
    """Take an advisory, embargo or editors' line into `copy`; return whether it was one.

    A line that only repeats the priority ("FLASH", "BULLETIN") is dropped: the header says it.
    """
    if _PRIORITY_WORD.match(text):
        return True
    if match := _EMBARGO.match(text):
        copy.embargo = re.sub(
            r"^\s*(?:UNTIL|TILL|TO|FOR|until|till)?\s*[:\-–—]?\s*", "", match["when"]
        ).strip()
        copy.advisories.append(text)
        return True
    if match := _ADVISORY.match(text):
        copy.advisories.append(text)
        copy.effects.append(advisory(match["word"]))
        return True
    if match := _EDNOTE.match(text):
        copy.notes.append(match["note"].strip())
        return True
    return False


def _headline_from_advisory(copy: Copy) -> str:
    """Reuters-style "UPDATE 2-Pier reopens" or "KILL - Pier fire story": the rest is the headline."""
    for line in reversed(copy.advisories):
        match = _ADVISORY.match(line)
        rest = re.sub(r"^[\s\d]*[:\-–—.=/*,]*\s*", "", match["rest"]) if match else ""
        if rest:
            return rest
    return ""


def _paragraphs(copy: Copy, body: list[str]) -> list[str]:
    paragraphs: list[list[str]] = [[]]
    for index, line in enumerate(body):
        text = line.strip()
        if _NOT_FOR_PUBLICATION.search(text):
            copy.notes += [rest.strip() for rest in body[index + 1 :] if rest.strip()]
            break
        if not text or _SIGN_OFF.match(text):
            paragraphs.append([])
        elif line[:1] in (" ", "\t") and paragraphs[-1]:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
    found = [" ".join(words) for words in paragraphs if words]
    # An embargo line or editors' note set as the first paragraph belongs to the heading.
    while found and (_EMBARGO.match(found[0]) or _EDNOTE.match(found[0])) and _read_marker(copy, found[0]):
        found.pop(0)
    return found


_DATELINE = re.compile(
    r"^(?P<dateline>(?P<place>[^\W\d_][^\W\d_]*(?:[ .'’\-]+[^\W\d_]+)*\.?)"
    r"(?:,\s*(?P<when>[^()\n]{1,40}?))?)\s*(?:\((?P<agency>[^()\n]{1,40})\))?\s*(?:--?|—|–|_)\s+(?P<rest>\S.*)$",
    re.S,
)


def split_dateline(paragraph: str) -> tuple[str, str, str]:
    """Split "PARIS, March 3 (Agency) - Text" into ("PARIS, March 3", "Agency", "Text")."""
    match = _DATELINE.match(paragraph)
    if not match or match["place"] != match["place"].upper() or len(match["place"]) < 2:
        return "", "", paragraph
    return match["dateline"].strip(), (match["agency"] or "").strip(), match["rest"].strip()


def html_paragraphs(paragraphs: list[str]) -> str:
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in paragraphs)


def strip_by(name: str) -> str:
    """Return a byline without its leading "By" (or "Por", "Par", "Door"), so it is never printed twice."""
    return without_by(re.sub(r"^\s*(?:por|par|door)\s+(?=[^\W\d_])", "", name, flags=re.I))


# Times -----------------------------------------------------------------------------------------

# Zones agencies write after a time; a time with none cannot be placed and is not guessed.
ZONES = {"GMT": 0, "UTC": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EST": -5, "EDT": -4, "CST": -6,
         "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}  # fmt: skip
_TIME = re.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3])[:.h]?(?P<m>[0-5]\d)\s*(?:hrs?\.?\s*)?(?P<zone>"
    + "|".join(ZONES)
    + r")\b",
    re.I,
)
_FILLER = re.compile(r"\b(?:on|the|of|at|until|till|hrs?)\b|[,;()]", re.I)


def read_embargo(text: str, sent: datetime) -> datetime:
    """Read an embargo line's time ("1500 GMT March 5", "15:00 UTC", "0900 EST 05 MAR 26").

    The date defaults to the day the message was sent, and a time earlier than the sending on
    that day means the next day. Raise ItemProblem when no zoned time can be read.
    """
    match = _TIME.search(text)
    if not match:
        raise ItemProblem(f"no time with a zone (such as 1500 GMT) in the embargo '{text}'")
    zone = ZONES[match["zone"].upper()]
    rest = _FILLER.sub(" ", text[: match.start()] + " " + text[match.end() :]).strip(" .-–—:")
    local_sent = sent + timedelta(hours=zone)
    day = local_sent.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    if rest:
        try:
            day = dateparser.parse(rest, default=day)
        except (ValueError, ArithmeticError) as error:  # dateutil's Decimal seconds: see base.parse_when
            raise ItemProblem(f"the embargo's date '{rest}' is not a date") from error
    when = day.replace(hour=int(match["h"]), minute=int(match["m"])) - timedelta(hours=zone)
    when = when.replace(tzinfo=UTC)
    if not rest and when < sent:
        when += timedelta(days=1)
    return when


def nearest_year(month: int, day: int, near: datetime) -> datetime:
    """Return month/day in the year that puts it closest to `near` (a story dated 12-31 sent on 1 January)."""
    candidates = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            candidates.append(datetime(year, month, day, tzinfo=UTC))
        except ValueError:
            continue
    if not candidates:
        raise ItemProblem(f"the date {month:02d}-{day:02d} is not a real date")
    return min(candidates, key=lambda when: abs(when - near))
