"""What each fuzzed entry point may do with hostile input; anything else is a crash to fix.

Shared by the fuzz tests and by the replay of the inputs they found (test_regressions.py).
"""

import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from copydesk.newsroom.sanitise import sanitise_html
from copydesk.search.query import parse as parse_query
from copydesk.wire.formats import FORMATS
from copydesk.wire.formats.base import ItemProblem, ParserCrash, parse_when
from copydesk.wire.items import DeliveryError, Item, Parsed, Rejected
from copydesk.wire.partner import PartnerArticle, extract_partner_article
from copydesk.wordpress.wxr import Entry, Export, ExportError

# The reason Format.parse gives an item that raised an error no check foresaw: a bug, not a refusal.
UNFORESEEN = "could not be read ("
SURROGATE = re.compile("[\ud800-\udfff]")


def read_delivery(fmt: str, data: bytes) -> Parsed | None:
    """Parse a delivery; return what was read, or None for a refusal the format meant."""
    format_ = FORMATS[fmt]()
    format_.sniff(data)  # must never raise either
    try:
        parsed = format_.parse(data)
    except ParserCrash:
        raise
    except DeliveryError as refused:
        assert str(refused).strip()
        return None
    assert isinstance(parsed, Parsed)
    for item in parsed.items:
        assert isinstance(item, Item)
        assert isinstance(item.agency_id, str) and item.agency_id.strip()
        for text in (item.headline, item.body_html, item.summary, item.byline, item.agency_id):
            assert isinstance(text, str) and not SURROGATE.search(text)
    for rejected in parsed.rejected:
        assert isinstance(rejected, Rejected) and rejected.reason
        assert not rejected.reason.startswith(UNFORESEEN), rejected.reason
    return parsed


def read_date(text: str):
    """Read an agency's date as every format does; an aware UTC time, or an ItemProblem with a reason."""
    try:
        when = parse_when(text, "versioncreated")
    except ItemProblem as problem:
        assert str(problem).startswith("versioncreated ")
        return None
    assert when is None or when.utcoffset().total_seconds() == 0
    return when


def read_export(data: bytes) -> list[Entry] | None:
    """Read a WordPress export written to a file; None when refused with ExportError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.xml"
        path.write_bytes(data)
        export = Export(path)
        entries = []
        try:
            entries.extend(export.entries())
        except ExportError as refused:
            assert str(refused).strip()
            return None
    assert all(isinstance(entry, Entry) for entry in entries)
    return entries


def read_partner_page(data: bytes) -> PartnerArticle | None:
    """Extract a partner page; None when it is refused as not an article (ValueError)."""
    try:
        article = extract_partner_article(data, "https://partner.example/news/story")
    except ValueError as refused:
        assert "No article text found" in str(refused) or "has no headline" in str(refused)
        return None
    assert article.headline.strip(), "an extracted article always has a headline"
    assert isinstance(article.body_html, str)
    return article


class _Markup(HTMLParser):
    """Collect every tag and attribute a browser would see in a piece of HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


SCRIPTING_TAGS = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "form",
    "base",
    "meta",
    "link",
}
SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.-]*):", re.I)


def sanitised(html: str) -> str:
    """Sanitise html; the result holds no script or handler and sanitising it again changes nothing."""
    once = sanitise_html(html)
    markup = _Markup()
    markup.feed(once)
    markup.close()
    for tag, attrs in markup.tags:
        assert tag not in SCRIPTING_TAGS, once
        for name, value in attrs:
            assert not name.startswith("on"), once
            scheme = SCHEME.match(re.sub(r"[\x00-\x20]", "", value or ""))
            if name in ("href", "src", "cite") and scheme:
                assert scheme[1].lower() in ("http", "https", "mailto"), once
    assert sanitise_html(once) == once
    return once


def search_query(text: str):
    query = parse_query(text)
    assert len(query.text) <= 200
    assert len(query.terms) <= 12
    for word in query.terms:
        assert re.fullmatch(r"[^\W_]+", word)
    if query:
        query.for_wagtail()
    return query
