"""Decide whether two wire items tell the same story, once their shingles say they might.

The shingle overlap of dedupe.py finds rewrites of one story by two agencies, but two different
stories from one feed share what the agency puts round every item (its footer, its copyright
line, a business desk's "The company is based in ..." template), and a day's company briefs
share their template. So, measured on the labelled set in wire/tests/fixtures/dedupe/cases.jsonl
(docs/performance.md, "Duplicate detection"):

- an agency's boilerplate, the paragraphs found in several of its recent items, is taken out
  before anything is compared;
- two items from different agencies are the same story when their texts overlap at the
  threshold and they name mostly the same people, places and companies;
- two items from one agency are the same story only when one says it evolved from the other, or
  when the shorter one's text is mostly inside the longer one (a re-send, an update with a new
  paragraph) and they name almost the same things. An agency does not send one story twice as
  two rewrites; a second text on the same topic is a different story.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from html.parser import HTMLParser

from . import dedupe

# Measured on the labelled set (dedupe_report.margins()): containment is what separates one
# agency's updates and re-sends (>= 0.54) from its other stories and briefs (<= 0.48). The name
# limits separate nothing there; they guard against texts alike in all but who and where.
SAME_AGENCY_CONTAINMENT = 0.5
SAME_AGENCY_NAMES = 0.75
OTHER_AGENCY_NAMES = 0.25  # two agencies' rewrites share >= 0.40 of the names
# A paragraph in this many of an agency's recent stories (counting a cluster once) is its boilerplate.
BOILERPLATE_MIN_STORIES = 3

# Lines agencies put at the top or bottom of every item, recognised before the agency's own
# boilerplate is known (a new source, a quiet feed): rights, credits, notes to subscribers.
_AGENCY_LINE = re.compile(
    r"all rights reserved|copyright \d{4}|©|\(c\) \d{4}|not for (re)?distribution|\(reporting by"
    r"|editing by|for immediate (use|release)|subscribers (only|may)|subscriber portal|\beditors: "
    r"|^\W*ends\W*$|(?-i:^\W*[A-Z][A-Z .'&—–-]{8,}\W*$)",
    re.IGNORECASE,
)
_AGENCY_LINE_CHARS = 300
_BLOCKS = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "hr"}
_SKIPPED = {"script", "style", "template"}
# A capitalised word not at the start of a sentence: names of people, places, companies ("REFILE",
# "MARKETS" and other capitals are the agency's labels, not names).
_NAME = re.compile(r"(?<![.!?:;\"“—–-])\s([A-Z][a-z][\w'’&]+)")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_NOT_WORD = re.compile(r"[\W_]+")
_NOT_NAMES = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
}  # fmt: skip


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.done: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def _close(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.done.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self._close()
        else:
            self._current.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1
        elif tag in _BLOCKS:
            self._close()

    def handle_data(self, data):
        if not self._skipping:
            self._current.append(data)


def paragraphs(body_html: str) -> list[str]:
    """Return the body's paragraphs as plain text, in order."""
    parser = _Paragraphs()
    parser.feed(body_html or "")
    parser.close()
    parser._close()
    return parser.done


def paragraph_key(text: str) -> str:
    """Return the form in which two paragraphs count as the same line of boilerplate."""
    text = dedupe.without_accents(text)
    return " ".join(_NOT_WORD.sub(" ", _NUMBER.sub("0", text.lower())).split())


# Keyed by the text itself: ingest reads the same recent bodies for every new item of an agency,
# so each body is parsed once per process, and a body that changes is simply another key.
@lru_cache(maxsize=4096)
def _paragraphs_and_keys(body_html: str) -> tuple[tuple[str, str], ...]:
    return tuple((p, paragraph_key(p)) for p in paragraphs(body_html))


def find_boilerplate(stories: Iterable[tuple[Hashable, str]]) -> frozenset[str]:
    """Return the keys of paragraphs found in several of one agency's (story, body_html)."""
    seen: dict[str, set[Hashable]] = {}
    for story, body_html in stories:
        for key in {key for _, key in _paragraphs_and_keys(body_html or "")}:
            seen.setdefault(key, set()).add(story)
    return frozenset(k for k, found in seen.items() if len(found) >= BOILERPLATE_MIN_STORIES and k)


def _agency_line(text: str) -> bool:
    return len(text) <= _AGENCY_LINE_CHARS and bool(_AGENCY_LINE.search(text))


def _kept(body_html: str, boilerplate: frozenset[str]) -> list[str]:
    found = _paragraphs_and_keys(body_html or "")
    edges = {0, len(found) - 1, len(found) - 2}  # where an agency puts its lines, never mid-story
    return [
        p
        for n, (p, key) in enumerate(found)
        if not (n in edges and _agency_line(p)) and key not in boilerplate
    ]


def plain_text(body_html: str, boilerplate: frozenset[str] = frozenset()) -> str:
    """Return the body's paragraphs without its boilerplate, as plain text (one space between)."""
    return " ".join(_kept(body_html, boilerplate))


def strip_boilerplate(body_html: str, boilerplate: frozenset[str] = frozenset()) -> str:
    """Return the body without its boilerplate paragraphs, as simple HTML."""
    return "".join(f"<p>{escape(p)}</p>" for p in _kept(body_html, boilerplate))


@lru_cache(maxsize=1024)
def _prepared(headline: str, body_html: str, boilerplate: frozenset[str]):
    kept = _kept(body_html, boilerplate)
    text = dedupe.plain_for_matching(headline, " ".join(kept))  # text_for_matching of the kept paragraphs
    # The headline is read as a sentence: its first word is capitalised whatever it is.
    named = _NAME.findall(f". {headline}. {' '.join(kept[:4])}")
    return text, frozenset(dedupe._shingles(text)), frozenset(n.lower() for n in named if n not in _NOT_NAMES)


@dataclass(frozen=True)
class Copy:
    """What the decision needs of one wire item."""

    agency: Hashable
    guid: str
    headline: str
    body_html: str
    evolved_from: str = ""

    def text(self, boilerplate: frozenset[str] = frozenset()) -> str:
        return _prepared(self.headline, self.body_html or "", boilerplate)[0]

    def shingles(self, boilerplate: frozenset[str] = frozenset()) -> frozenset[str]:
        return _prepared(self.headline, self.body_html or "", boilerplate)[1]

    def names(self, boilerplate: frozenset[str] = frozenset()) -> frozenset[str]:
        return _prepared(self.headline, self.body_html or "", boilerplate)[2]


def _overlap(a: set, b: set) -> float:
    if not a and not b:
        return 1.0  # neither names anything: no evidence either way
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def scores(a: Copy, b: Copy, boilerplate: dict | None = None) -> dict[str, float]:
    """Return the measures same_story() decides on, for reports and tuning."""
    boilerplate = boilerplate or {}
    ba, bb = boilerplate.get(a.agency, frozenset()), boilerplate.get(b.agency, frozenset())
    shingles_a, shingles_b = a.shingles(ba), b.shingles(bb)
    union = len(shingles_a | shingles_b)
    return {
        "similarity": len(shingles_a & shingles_b) / union if union else 0.0,
        "containment": _overlap(shingles_a, shingles_b),
        "names": _overlap(a.names(ba), b.names(bb)),
    }


def same_story(a: Copy, b: Copy, *, boilerplate: dict | None = None, threshold: float | None = None) -> bool:
    """Tell whether two items are one story; boilerplate maps an agency to find_boilerplate()'s keys."""
    if a.agency == b.agency and a.guid == b.guid:
        return True
    linked = a.agency == b.agency and bool({a.evolved_from, b.evolved_from} & {a.guid, b.guid} - {""})
    if linked:
        return True  # the agency says so
    threshold = dedupe.duplicate_threshold() if threshold is None else threshold
    measured = scores(a, b, boilerplate)
    if measured["similarity"] < threshold:
        return False
    if a.agency == b.agency:
        return measured["containment"] >= SAME_AGENCY_CONTAINMENT and measured["names"] >= SAME_AGENCY_NAMES
    return measured["names"] >= OTHER_AGENCY_NAMES
