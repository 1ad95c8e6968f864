"""The dateline ("GENEVA, 3 March") belongs before the body, never inside it.

Some agencies repeat the dateline they give as metadata in the body: as its first paragraph, or
as the first words of it ("GENEVA, 3 March (Agency) — The talks ..."). The story shows it once,
from the metadata, so the repetition is left out of the story's body.
"""

import html
import re

from django.utils.html import strip_tags

FIRST_BLOCK = re.compile(r"^\s*<(p|h[2-4]|div)\b[^>]*>(?P<text>.*?)</\1>\s*", re.IGNORECASE | re.DOTALL)
# What may stand after a dateline in its own paragraph: "GENEVA, 3 March —", "GENEVA (Agency) -".
TRAILING = " \t\n-–—:,."


def _plain(text: str) -> str:
    return " ".join(strip_tags(text).split()).strip(TRAILING).casefold()


def _leading(dateline: str) -> re.Pattern:
    """The dateline at the start of a paragraph, with the agency's name after it and then a dash.

    The dash is required: without it the words may be the sentence's own ("GENEVA is ...").
    """
    words = r"\s+".join(re.escape(html.escape(word, quote=False)) for word in dateline.split())
    return re.compile(
        rf"^\s*(?:<(?:strong|b)>\s*)?{words}\s*(?:\([^()<]{{1,40}}\)\s*)?(?:</(?:strong|b)>\s*)?[-–—:_]+\s+",
        re.IGNORECASE,
    )


def without_dateline(body_html: str, dateline: str) -> str:
    """Return the body without a dateline it repeats: a first paragraph of it alone, or its first words."""
    if not dateline.strip():
        return body_html
    match = FIRST_BLOCK.match(body_html)
    if not match:
        return body_html
    if _plain(match["text"]) == _plain(dateline):
        return body_html[match.end() :]
    lead = _leading(dateline).match(match["text"])
    if lead and strip_tags(match["text"][lead.end() :]).strip():
        return body_html[: match.start("text")] + match["text"][lead.end() :] + body_html[match.end("text") :]
    return body_html
