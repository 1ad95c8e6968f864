"""The dateline ("GENEVA, 3 March") belongs before the body, never inside it.

Some agencies repeat the dateline they give as metadata as the body's first paragraph; the story
shows it once, from the metadata, so that paragraph is left out of the story's body.
"""

import re

from django.utils.html import strip_tags

FIRST_BLOCK = re.compile(r"^\s*<(p|h[2-4]|div)\b[^>]*>(?P<text>.*?)</\1>\s*", re.IGNORECASE | re.DOTALL)
# What may stand after a dateline in its own paragraph: "GENEVA, 3 March —", "GENEVA (Agency) -".
TRAILING = " \t\n-–—:,."


def _plain(text: str) -> str:
    return " ".join(strip_tags(text).split()).strip(TRAILING).casefold()


def without_dateline(body_html: str, dateline: str) -> str:
    """Return the body without a first paragraph that only repeats the dateline."""
    if not dateline.strip():
        return body_html
    match = FIRST_BLOCK.match(body_html)
    if match and _plain(match["text"]) == _plain(dateline):
        return body_html[match.end() :]
    return body_html
