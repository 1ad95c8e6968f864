"""The allow-list that every piece of article HTML passes through."""

import re

import nh3

TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "cite",
    "q",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "figure",
    "figcaption",
    "img",
    "code",
    "span",
    # Agency copy carries results, polls and timetables as tables: kept, with their header cells.
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "class", "loading"},
    "blockquote": {"cite"},
    "figure": {"class"},
    "span": {"class"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}


# A story's headline is its only h1, and h5/h6 are not styled: agency copy using them keeps its
# structure as h2 and h4 instead of losing the heading (and running into the next paragraph).
HEADING_LEVELS = re.compile(r"<(/?)h([1-6])(?=[\s/>])", re.IGNORECASE)
LEVEL = {"1": "2", "5": "4", "6": "4"}


def _headings(html: str) -> str:
    return HEADING_LEVELS.sub(lambda m: f"<{m[1]}h{LEVEL.get(m[2], m[2])}", html)


# Enough for every input the fuzzing harness (copydesk/tests/fuzz) has found; see sanitise_html.
MAX_PASSES = 4


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def sanitise_html(html: str) -> str:
    """Return html reduced to the tags and attributes a story body may use."""
    # Removing a tag can leave a tree no HTML parser would build ("<p><select><p>" becomes
    # "<p><p></p></p>"), which the next pass reads differently. Clean until the result is stable,
    # so what is stored is exactly what every later sanitising (on render, on export) gives back.
    cleaned = _clean(_headings(html or ""))
    for _ in range(MAX_PASSES):
        again = _clean(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned
