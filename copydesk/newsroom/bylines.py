"""Free-text bylines are stored without their "By": the article page adds it, once."""

import re

# "By ", "BY: ", "by", repeated ("By By"), but never the start of a name ("Byron", "Bylund").
LEADING_BY = re.compile(r"^\s*(?:by\b[\s:.]*)+", re.IGNORECASE)


def without_by(byline: str) -> str:
    """Return the byline without the "By" agencies, importers and writers put in front of names."""
    return LEADING_BY.sub("", byline or "").strip()
