"""Highlighted headlines and snippets for the results shown, built from escaped text only."""

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

SNIPPET_CHARS = 240
LEAD_CHARS = 60  # how much text comes before the first match
WORD = re.compile(r"[^\W_]+")
SUFFIXES = ("ing", "ed", "es", "s")
# Engines skip these (PostgreSQL) or find them everywhere (SQLite): marking them would mark every line.
COMMON = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "her")
    + ("his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "they", "this")
    + ("to", "was", "were", "which", "who", "will", "with")
)


def stems(terms):
    """Word beginnings to mark: "elections" marks "election" too, as the engines' stemming finds it."""
    found = set()
    for term in terms:
        term = term.casefold()
        if term in COMMON:
            continue
        for suffix in SUFFIXES:
            if term.endswith(suffix) and len(term) - len(suffix) >= 4:
                term = term[: -len(suffix)]
                break
        found.add(term)
    return found


def _marks(word, found):
    word = word.casefold()
    return any(word.startswith(stem) if len(stem) > 2 else word == stem for stem in found)


def highlight(text, found):
    """Return the text, escaped, with each matching word in <mark>."""
    out, last = [], 0
    for match in WORD.finditer(text):
        if _marks(match.group(), found):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308  (every piece of text above went through escape())


def first_match(text, found):
    return next((m.start() for m in WORD.finditer(text) if _marks(m.group(), found)), None)


def plain_text(body_html):
    return " ".join(html.unescape(strip_tags(body_html)).split())


def window(text, at):
    """About SNIPPET_CHARS of text around position `at`, cut on word boundaries."""
    start = max(0, at - LEAD_CHARS)
    if start:
        start = text.rfind(" ", 0, start) + 1
    end = start + SNIPPET_CHARS
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def snippet(summary, body_html, found):
    """A short passage around the first match in the summary or body, else the summary."""
    for text in (summary, plain_text(body_html)):
        at = first_match(text, found)
        if at is not None:
            return highlight(window(text, at), found)
    return highlight(window(summary, 0), found)
