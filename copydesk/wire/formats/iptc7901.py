"""IPTC 7901 deliveries: the IPTC's recommended text format for agency copy, as dropped files.

A file may carry several messages, each framed as

    SOH <header> CR LF [<keyword> CR LF] STX <heading> CR LF <text> ETX <post-text> EOT

The header gives the source identifier and the channel designator (letters, written together),
the message number (four digits), the priority (1 flash, 2 urgent ... 6), the category (one to
three letters) and the word count: "NWAA0412 4 POL 0215". The keyword line is the slugline. The
heading (the first lines of text, up to a blank or indented line) is the headline; indented or
blank-separated lines after it are paragraphs. The post-text is the time the message was sent,
"031502 MAR 26" (day, hour and minute, month, year), GMT unless a zone follows the time.

Identity: message numbers repeat every day and on every channel, so agency_id is
"<source>:<channel>:<YYYYMMDD>:<number>". A correction, kill or update that names the message it
replaces ("CORRECTION - ref 0412", "KILL message 0412") takes that message's identity, so that it
reaches the same story; one that names none stands as a story of its own. Numbers start again
each day, so a message naming a higher number than its own names the day before's.
"""

import re
from datetime import UTC, datetime, timedelta

from ..items import CANCELED, CORRECTION, EMBARGO, KILL, TEXT, USABLE, WITHHELD, Item, Subject
from .base import Format, ItemProblem, excerpt
from .teletype import (
    HEADER_CHARS,
    ZONES,
    Frame,
    code_advisories,
    frames,
    html_paragraphs,
    read_copy,
    read_embargo,
    text_lines,
)

HEADER = re.compile(
    r"^(?P<source>[A-Za-z0-9]{1,8}?) ?(?P<channel>[A-Za-z])(?P<number>\d{4}) +(?P<priority>\d) +"
    r"(?P<category>[A-Za-z]{1,3}) +(?P<words>\d{1,5})\b"
)
POST_TEXT = re.compile(
    r"(?P<day>\d{2})(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d) ?(?P<zone>[A-Za-z]{1,4})? +"
    r"(?P<month>[A-Za-z]{3}) +(?P<year>\d{2}|\d{4})\b"
)
REFERENCE = re.compile(r"\b(?:ref(?:erence)?|message|msg|nr|no)\.? *:? *#?(?P<number>\d{4})\b", re.I)
MONTHS = {
    name: n
    for n, name in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1
    )
}

# Readable names for the category codes agencies commonly use; any other code is kept as it is.
CATEGORIES = {
    "A": "Domestic news", "E": "Entertainment", "F": "Financial", "I": "International", "K": "Commentary",
    "L": "Lifestyle", "N": "Regional news", "P": "Politics", "Q": "Sports results", "S": "Sports",
    "T": "Travel", "V": "Advisories", "W": "Washington", "POL": "Politics", "ECO": "Economy",
    "SPO": "Sports", "CUL": "Culture", "SCI": "Science", "ENV": "Environment", "MIS": "Miscellany",
}  # fmt: skip


def category(code: str, scheme: str) -> Subject:
    code = code.upper()
    return Subject(name=CATEGORIES.get(code, f"Category {code}"), code=code, scheme=scheme)


class IPTC7901Format(Format):
    name = "iptc7901"
    label = "IPTC 7901 text"
    expresses = frozenset({TEXT, CORRECTION, KILL, EMBARGO})

    def sniff(self, data: bytes) -> bool:
        return bool(
            re.match(rb"[\r\n ]*\x01[A-Za-z0-9]{1,8} ?[A-Za-z]\d{4} +\d +[A-Za-z]{1,3} +\d", data[:200])
        )

    def split(self, data: bytes) -> list[Frame]:
        return frames(data, self.label, "IPTC 7901 messages are")

    def read_item(self, frame: Frame) -> Item:
        if frame.problem:
            raise ItemProblem(frame.problem)
        lines = [line for line in text_lines(frame.header) if line.strip()]
        header = HEADER.match(lines[0].strip()[:HEADER_CHARS]) if lines else None
        if not header:
            raise ItemProblem(
                f"the header '{lines[0] if lines else ''}' is not an IPTC 7901 header (source and channel, "
                "message number, priority, category, word count: 'NWAA0412 4 POL 0215')"
            )
        notes: list[str] = []
        sent = sent_at(frame.post, notes)
        copy = read_copy(text_lines(frame.text))
        keyword = " ".join(line.strip() for line in lines[1:]).rstrip("/ ").strip()
        effects = copy.effects + code_advisories(keyword)
        pubstatus = CANCELED if ("pubstatus", CANCELED) in effects else USABLE
        if not copy.headline and pubstatus == USABLE:
            raise ItemProblem("no heading: the text after STX is empty")
        reference = next((m["number"] for line in copy.advisories if (m := REFERENCE.search(line))), "")
        day = sent or datetime.now(UTC)
        embargoed_until = None
        if copy.embargo is not None:
            try:
                embargoed_until = read_embargo(copy.embargo, day)
            except ItemProblem as problem:
                notes.append(
                    f"the embargo could not be read ({problem}); held as withheld until an editor checks it"
                )
                pubstatus = CANCELED if pubstatus == CANCELED else WITHHELD
        killed = pubstatus == CANCELED
        return Item(
            agency_id=f"{header['source']}:{header['channel']}:{story_day(day, reference, header['number']):%Y%m%d}:"
            f"{reference or header['number']}",
            headline=copy.headline,
            # A kill's text is the agency's word to editors, never copy for readers.
            body_html="" if killed else html_paragraphs(copy.paragraphs),
            version_created=sent,
            byline=copy.byline,
            pubstatus=pubstatus,
            embargoed_until=embargoed_until,
            signals={value for kind, value in effects if kind == "signal"},
            editorial_note="\n".join(copy.advisories + copy.notes + (copy.paragraphs if killed else [])),
            urgency=int(header["priority"]) or None,
            credit=copy.credit,
            dateline=copy.dateline,
            slugline=keyword,
            subjects=[category(header["category"], "iptc7901-category")],
            notes=notes,
        )

    def describe(self, frame: Frame) -> tuple[str, str, str]:
        header = HEADER.match(frame.header.strip()[:HEADER_CHARS])
        agency_id = f"{header['source']}:{header['channel']}:{header['number']}" if header else ""
        heading = next((line.strip() for line in text_lines(frame.text) if line.strip()), "")
        return agency_id, heading, excerpt(f"{frame.header}\n{frame.text}")


def story_day(sent: datetime, reference: str, number: str) -> datetime:
    """The day of the message a correction or kill names: its own day, or the day before.

    Message numbers start again each day, so a message naming a higher number than its own (a
    kill numbered 0009 naming 0412) was sent after midnight about yesterday's story.
    """
    if reference and int(reference) > int(number):
        return sent - timedelta(days=1)
    return sent


def sent_at(post: str, notes: list[str]) -> datetime | None:
    """Read the post-text's "031502 MAR 26"; without one, note that today's date stands in."""
    match = POST_TEXT.search(post)
    if match:
        year = int(match["year"]) + (2000 if len(match["year"]) == 2 else 0)
        month = MONTHS.get(match["month"].upper())
        zone = ZONES.get((match["zone"] or "GMT").upper())
        if month and zone is not None:
            try:
                when = datetime(
                    year, month, int(match["day"]), int(match["hour"]), int(match["minute"]), tzinfo=UTC
                )
            except ValueError as error:
                raise ItemProblem(f"the time it was sent, '{match[0]}', is not a real date") from error
            return when - timedelta(hours=zone)
    notes.append(
        "no time it was sent after the text (such as '031502 MAR 26'); the day it arrived stands in for "
        "the message's date"
    )
    return None
