"""Recognise placeholder text (lorem ipsum, template filler) before it reaches readers."""

import re

from django.conf import settings

# Phrases that only ever appear in text nobody finished writing. Each is matched on word
# boundaries, case-insensitively; extend with the COPYDESK_PLACEHOLDER_PATTERNS setting.
PATTERNS = [
    r"lorem ipsum",
    r"dolor sit amet",
    r"consectetur adipisc\w*",
    r"sed do eiusmod",
    r"(?:sample|dummy|filler|placeholder) (?:text|copy|bio|story|article|headline)",
    r"your (?:text|bio|content|story|headline|name|article) (?:goes )?here",
    r"(?:insert|add|write) (?:your |a |the )?(?:text|bio|headline|content|story) here",
    r"this is (?:a|an|my) (?:sample|test|dummy|example) (?:post|article|story|bio|page)",
    r"hello world!",
    r"just another wordpress site",
    r"welcome to wordpress",
    r"tk ?tk",
    r"x{4,}",
]


def _compiled():
    extra = getattr(settings, "COPYDESK_PLACEHOLDER_PATTERNS", [])
    return re.compile(r"(?<!\w)(" + "|".join([*PATTERNS, *extra]) + r")(?!\w)", re.IGNORECASE)


def find_placeholder(*texts: str) -> str | None:
    """Return the first placeholder phrase found in any of the texts, or None."""
    pattern = _compiled()
    for text in texts:
        if text and (match := pattern.search(text)):
            return match.group(0)
    return None
