"""Derive a story's listing excerpt from its own text."""

import re
from html.parser import HTMLParser

_SPACE = re.compile(r"\s+")


class _ParagraphText(HTMLParser):
    """Collect the plain text of each top-level paragraph of rich text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = []
        self._depth = 0
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self._depth += 1
            self._current = [] if self._depth == 1 else self._current

    def handle_endtag(self, tag):
        if tag == "p" and self._depth:
            self._depth -= 1
            if not self._depth:
                self.paragraphs.append(_SPACE.sub(" ", "".join(self._current)).strip())

    def handle_data(self, data):
        if self._depth:
            self._current.append(data)


def paragraphs(html: str) -> list[str]:
    """Return the non-empty paragraph texts of an HTML fragment, in order."""
    parser = _ParagraphText()
    parser.feed(html or "")
    parser.close()
    return [p for p in parser.paragraphs if p]


def _normalised(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


def same_text(a: str, b: str) -> bool:
    """Tell whether two texts say the same words, ignoring case, spacing and punctuation."""
    return bool(a) and _normalised(a) == _normalised(b)


def truncate_words(text: str, limit: int) -> str:
    """Cut text to at most `limit` characters on a word boundary, ending with an ellipsis."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def derive_excerpt(*, headline: str, body_html: str, dek: str = "", limit: int = 220) -> str:
    """Return the first paragraph of the body that is not the headline, cut to `limit`."""
    candidates = [*paragraphs(body_html), dek]
    for text in candidates:
        excerpt = truncate_words(text, limit)
        if excerpt and not same_text(excerpt, headline):
            return excerpt
    return ""
