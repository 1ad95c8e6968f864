"""ANPA-1312 deliveries (ANPA 84-2): the American newspaper wire format, as dropped files.

A file may carry several messages, each framed as

    SYN SYN SOH <selector> US <priority> SP <category><story number><format id> SP <keyword>
        [SP <version and reference>] [SP <mm-dd>] SP <word count> CR LF
    STX <text> ETX <time stamp> EOT

for example "nwa01␟u i0412␓␑ BC-Pier-Fire 1st Ld-Writethru 03-03 0512" and the time stamp
"NWA-EB-03-03-26 1502GMT". The priority is a letter (f flash, b bulletin, u urgent, r regular,
a advance, d deferred); the category a letter (a domestic, i international, f financial, s
sports ...). Heading lines may be marked "^...<" as on the teletype; paragraphs are indented with
a tab. The format id DC2 marks tabular matter, kept as preformatted text.

Identity: ANPA keeps a story's keyword through its writethrus, corrections and kill, while the
story number counts transmissions, so agency_id is "anpa:<YYYYMMDD>:<keyword>" (the header's
mm-dd, the keyword without its AM/PM/BC cycle prefix, in lower case). A later take ("2nd Add")
is joined to its story when both are in the file; alone, it is set aside, since read as the
story it would replace the story with its ending.
"""

import html
import re
from datetime import UTC, datetime, timedelta

from ..items import CANCELED, CORRECTION, EMBARGO, KILL, TEXT, USABLE, WITHHELD, Item
from .base import Format, ItemProblem, excerpt
from .iptc7901 import category
from .teletype import (
    HEADER_CHARS,
    ZONES,
    Frame,
    code_advisories,
    frames,
    html_paragraphs,
    nearest_year,
    read_copy,
    read_embargo,
    text_lines,
)

HEADER = re.compile(
    r"^(?P<selector>[A-Za-z0-9]{0,9})[\x1f ]*(?P<priority>[A-Za-z]) (?P<category>[A-Za-z])(?P<number>\d{4})"
    r"(?P<format>[\x11-\x14]{0,2}) +(?P<keyword>[^\s,]{1,60})(?P<version>(?:[ ,]+.*?)??)"
    r"(?: +(?P<month>\d{2})-(?P<day>\d{2}))? +(?P<words>\d{1,5}) *$"
)
TIME_STAMP = re.compile(
    r"(?P<agency>[A-Za-z]+)-(?P<desk>[A-Za-z]+)-(?P<month>\d{2})-(?P<day>\d{2})-(?P<year>\d{2}) +"
    r"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d) ?(?P<zone>[A-Za-z]{1,4})"
)
# Priority letters, most urgent first, as IPTC urgency (1 highest). Also AP's editorialpriority.
PRIORITIES = {"f": 1, "b": 2, "u": 3, "r": 5, "a": 6, "d": 7}
ADD = re.compile(r"\b(?:\d+(?:st|nd|rd|th) +add|add|take *(?:[2-9]|\d\d+))\b", re.I)
CYCLE = re.compile(r"^(?:AM|PM|BC)-", re.I)
TELETYPE_MARKS = re.compile(r"^\^|[<=]+$")


class ANPA1312Format(Format):
    name = "anpa1312"
    label = "ANPA-1312 text"
    expresses = frozenset({TEXT, CORRECTION, KILL, EMBARGO})

    def sniff(self, data: bytes) -> bool:
        return bool(re.match(rb"[\r\n ]*\x16+\x01", data[:64]))

    def split(self, data: bytes) -> list[Frame]:
        messages = []
        for frame in frames(data, self.label, "ANPA-1312 messages are"):
            header = HEADER.match(first_line(frame))
            story = (
                [m for m in messages if same_story(m, header)]
                if header and ADD.search(header["version"])
                else []
            )
            if story and not frame.problem:
                story[-1].takes.append(frame)
            else:
                messages.append(frame)
        return messages

    def read_item(self, frame: Frame) -> Item:
        if frame.problem:
            raise ItemProblem(frame.problem)
        header = HEADER.match(first_line(frame))
        if not header:
            raise ItemProblem(
                f"the header '{text_lines(first_line(frame))[0]}' is not an ANPA-1312 header (selector, "
                "priority, category and story number, keyword, version, word count)"
            )
        version = header["version"].strip(" ,")
        if ADD.search(version):
            raise ItemProblem(
                f"a later take ('{version}') arrived without the story's first take in this file; it is set "
                "aside so that the story is not replaced by its ending"
            )
        notes: list[str] = []
        sent = sent_at(frame.post, notes)
        day = story_day(header, sent, notes)
        lines = [TELETYPE_MARKS.sub("", line) for line in text_lines(frame.text)]
        keyword = header["keyword"]
        lines = without_echo(lines, keyword)
        copy = read_copy(lines)
        for take in frame.takes:
            take_lines = [TELETYPE_MARKS.sub("", line) for line in text_lines(take.text)]
            copy.paragraphs += read_copy(without_echo(take_lines, keyword), heading=False).paragraphs
            sent = sent_at(take.post, notes) or sent
        effects = copy.effects + code_advisories(version)
        pubstatus = CANCELED if ("pubstatus", CANCELED) in effects else USABLE
        if not copy.headline and pubstatus == USABLE:
            raise ItemProblem("no headline: the text has no heading line before its first paragraph")
        embargoed_until = None
        if copy.embargo is not None:
            try:
                embargoed_until = read_embargo(copy.embargo, sent or day)
            except ItemProblem as problem:
                notes.append(
                    f"the embargo could not be read ({problem}); held as withheld until an editor checks it"
                )
                pubstatus = CANCELED if pubstatus == CANCELED else WITHHELD
        priority = header["priority"].lower()
        if priority not in PRIORITIES:
            notes.append(f"the priority letter '{priority}' is not one Copydesk knows; no urgency was set")
        killed = pubstatus == CANCELED
        tabular = "\x12" in header["format"]
        return Item(
            agency_id=f"anpa:{day:%Y%m%d}:{CYCLE.sub('', keyword).lower()}",
            headline=copy.headline,
            body_html="" if killed else preformatted(lines) if tabular else html_paragraphs(copy.paragraphs),
            version_created=sent,
            byline=copy.byline,
            pubstatus=pubstatus,
            embargoed_until=embargoed_until,
            signals={value for kind, value in effects if kind == "signal"},
            editorial_note="\n".join(
                ([version] if version else [])
                + copy.advisories
                + copy.notes
                + (copy.paragraphs if killed else [])
            ),
            urgency=PRIORITIES.get(priority),
            credit=copy.credit,
            dateline=copy.dateline,
            slugline=keyword,
            subjects=[category(header["category"], "anpa-category")],
            notes=notes,
        )

    def describe(self, frame: Frame) -> tuple[str, str, str]:
        header = HEADER.match(first_line(frame))
        lines = [TELETYPE_MARKS.sub("", line).strip() for line in text_lines(frame.text)]
        lines = without_echo(lines, header["keyword"]) if header else lines
        heading = next((line for line in lines if line), "")
        return header["keyword"] if header else "", heading, excerpt(f"{frame.header}\n{frame.text}")


def first_line(frame: Frame) -> str:
    return re.split(r"\r\n|\r|\n", frame.header.strip(" \r\n\x16")[:HEADER_CHARS], maxsplit=1)[0]


def without_echo(lines: list[str], keyword: str) -> list[str]:
    """Drop the keyword line ANPA repeats at the top of the text ("BC-Pier-Fire,1st Ld-Writethru,0512")."""
    echo = re.compile(rf"^{re.escape(keyword)}(?:,|$)", re.I)
    return [line for line in lines if not echo.match(line.strip())]


def same_story(frame: Frame, header: re.Match) -> bool:
    other = HEADER.match(first_line(frame))
    return bool(other) and CYCLE.sub("", other["keyword"]).lower() == CYCLE.sub("", header["keyword"]).lower()


def sent_at(post: str, notes: list[str]) -> datetime | None:
    """Read the time stamp after ETX ("NWA-EB-03-03-26 1502GMT"); one in an unknown zone is noted, not guessed."""
    match = TIME_STAMP.search(post)
    if not match:
        return None
    if match["zone"].upper() not in ZONES:
        notes.append(f"the time stamp '{match[0]}' is in a zone Copydesk does not know; it was not used")
        return None
    try:
        when = datetime(
            2000 + int(match["year"]), int(match["month"]), int(match["day"]), int(match["hour"]),
            int(match["minute"]), tzinfo=UTC,
        )  # fmt: skip
    except ValueError as error:
        raise ItemProblem(f"the time stamp '{match[0]}' is not a real date") from error
    return when - timedelta(hours=ZONES[match["zone"].upper()])


def story_day(header: re.Match, sent: datetime | None, notes: list[str]) -> datetime:
    """The story's date: the header's mm-dd, else the time stamp's day, else today (with a note)."""
    near = sent or datetime.now(UTC)
    if header["month"]:
        return nearest_year(int(header["month"]), int(header["day"]), near)
    if not sent:
        notes.append("no story date in the header and no time stamp after the text; today's date stands in")
    return near


def preformatted(lines: list[str]) -> str:
    return "<pre>" + html.escape("\n".join(line for line in lines), quote=False).strip("\n") + "</pre>"
