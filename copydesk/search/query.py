"""Turn what a reader typed into a bounded query that no search engine can choke on.

Only letters and digits reach the engine: every operator of FTS5 (`"`, `*`, `NEAR(`, `:`, `-`,
`^`) and of tsquery (`&`, `|`, `!`, `<->`, `:*`) is dropped before Wagtail builds its query, and
the text and the number of words are capped, so a hostile or huge query costs what a short one
does. Words in double quotes are searched as a phrase.
"""

import re
from dataclasses import dataclass, field

from wagtail.search.query import And, Phrase, PlainText

MAX_CHARS = 200
MAX_WORDS = 12
WORD = re.compile(r"[^\W_]+")
CHUNK = re.compile(r'"([^"]*)"?|([^"\s]+)')
CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass
class Query:
    text: str = ""
    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)

    def __bool__(self):
        return bool(self.words or self.phrases)

    @property
    def terms(self):
        """Every word searched for, for highlighting."""
        return [*self.words, *(word for phrase in self.phrases for word in phrase)]

    def for_wagtail(self):
        parts = [Phrase(" ".join(phrase)) for phrase in self.phrases]
        if self.words:
            parts.append(PlainText(" ".join(self.words), operator="and"))
        return parts[0] if len(parts) == 1 else And(parts)


def clean_text(raw: str) -> str:
    """The query as the search box shows it again: capped, without control characters."""
    return CONTROL.sub(" ", raw[: MAX_CHARS * 2]).strip()[:MAX_CHARS]


def parse(raw: str) -> Query:
    text = clean_text(raw)
    query, budget = Query(text=text), MAX_WORDS
    for match in CHUNK.finditer(text):
        quoted, bare = match.groups()
        words = WORD.findall(quoted if quoted is not None else bare)[:budget]
        budget -= len(words)
        if quoted is not None and len(words) > 1:
            query.phrases.append(words)
        else:
            query.words.extend(words)
        if budget <= 0:
            break
    return query
