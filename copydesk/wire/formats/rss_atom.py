"""RSS 2.0 and Atom 1.0 deliveries, read by feedparser once the hardened XML parser has passed them.

Both names accept both dialects (feedparser tells them apart); they differ in label and sniffing.
RSS and Atom carry no status or version: an item's order comes from its updated time, a
"correction" category becomes the CORRECTION signal, and an Atom tombstone (RFC 6721
`at:deleted-entry`) is the only kill a feed can express.
"""

import io
import re
from typing import NamedTuple

import feedparser
from lxml import etree

from copydesk.newsroom.bylines import without_by

from ..items import CANCELED, CORRECTION, KILL, TEXT, DeliveryError, ImageRef, Item
from . import rss_media
from .base import Format, ItemProblem, created_at, text_head
from .safe_xml import localname, parse_xml

TOMBSTONES = "http://purl.org/atompub/tombstones/1.0"
ATOM = "http://www.w3.org/2005/Atom"
# RSS <author> is "address (Name)"; feedparser 6.0.14 splits some of these in the wrong place.
_ADDRESS_AND_NAME = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^)]+)\)\s*$")
_ADDRESS = re.compile(r"^\s*\S+@\S+\s*$")


class Entry(NamedTuple):
    feed: dict  # feed-level fields: language and rights apply to every entry
    entry: dict
    element: etree._Element | None = None  # the item's XML, for what feedparser flattens (Media RSS)


class RSSFormat(Format):
    name = "rss"
    label = "RSS 2.0"
    expresses = frozenset({TEXT, CORRECTION})

    def sniff(self, data: bytes) -> bool:
        return bool(re.search(r"<(rss|rdf:RDF)[\s>]", text_head(data)))

    def split(self, data: bytes) -> list:
        # The hardened parse comes first: it refuses entities and DTDs, and a feed that is not
        # well-formed. feedparser would guess its way through a truncated feed and hand over a
        # story cut short; an error the operator can take to the agency is better.
        root = parse_xml(data)
        refuse_nested_items(root)
        try:
            # Bytes, never a string: feedparser fetches anything that looks like a URL or a file name.
            feed = feedparser.parse(io.BytesIO(data))
        except (KeyError, IndexError, AttributeError, TypeError, ValueError) as error:
            # feedparser keeps a stack of open elements and fails when well-formed XML nests them
            # in a way RSS and Atom never do (an iTunes category in a textInput, a media:player
            # in a description): the fuzzing harness found many such shapes. Refuse, saying why.
            raise DeliveryError(
                f"The feed nests its elements in a way RSS and Atom do not allow, so it cannot be read "
                f"(feedparser failed with {type(error).__name__}: {error}). Ask the agency to check the "
                f"feed with a feed validator."
            ) from error
        if not feed.get("version"):
            raise DeliveryError(
                f"This is not an RSS or Atom feed: its root element is <{localname(root)}>. "
                f"Check the source's format."
            )
        elements = rss_media.entry_elements(root)
        if len(elements) != len(feed.entries):  # never seen; then feedparser's view is all there is
            elements = [None] * len(feed.entries)
        raws: list = [
            Entry(feed.feed, entry, element) for entry, element in zip(feed.entries, elements, strict=True)
        ]
        raws += list(root.iter(f"{{{TOMBSTONES}}}deleted-entry"))
        return raws

    def read_item(self, raw: "Entry | etree._Element") -> Item:
        if isinstance(raw, etree._Element):
            return self.read_tombstone(raw)
        feed, entry, element = raw
        agency_id = (entry.get("id") or entry.get("link") or "").strip()
        if not agency_id:
            raise ItemProblem("no id (guid or link)")
        headline = (entry.get("title") or "").strip()
        if not headline:
            raise ItemProblem("no title")
        notes: list[str] = []
        # dict.get: feedparser's own get() answers "updated" with the published time, and warns.
        published = created_at(dict.get(entry, "published"), "published", notes)
        updated = created_at(dict.get(entry, "updated"), "updated", notes)
        content = entry.get("content") or []
        body, summary = (
            (content[0].get("value") or "", entry.get("summary") or "")
            if content
            else (entry.get("summary") or "", "")
        )
        labels = ((tag.get("label") or tag.get("term") or "").strip() for tag in entry.get("tags") or [])
        terms = [term for term in labels if term]
        is_correction = [term.lower() == "correction" for term in terms]
        return Item(
            agency_id=agency_id,
            headline=headline,
            body_html=body.strip(),
            version_created=updated or published,
            first_created=published,
            summary=summary.strip() if summary.strip() != body.strip() else "",
            byline=without_by(byline(entry)),
            signals={CORRECTION} if any(is_correction) else set(),
            language=(rss_media.language(element) if element is not None else "")
            or (content[0].get("language") if content else None)
            or feed.get("language")
            or "",
            keywords=[term for term, correction in zip(terms, is_correction, strict=True) if not correction],
            copyright=feed.get("rights") or "",
            # feedparser copies the id into `link` when there is none; a tag: URI is not a page.
            link=link if (link := entry.get("link") or "").startswith(("http://", "https://")) else "",
            pictures=rss_media.pictures(element)
            if element is not None
            else [p]
            if (p := image(entry))
            else [],
            subjects=rss_media.subjects(entry.get("tags") or []),
            notes=notes,
        )

    def read_tombstone(self, element: etree._Element) -> Item:
        """Read an Atom tombstone: the agency has deleted the entry, which for a story is a kill."""
        ref = (element.get("ref") or "").strip()
        if not ref:
            raise ItemProblem("deleted-entry has no ref")
        notes: list[str] = []
        return Item(
            agency_id=ref,
            headline="",  # a tombstone names the story it kills and carries nothing else of it
            pubstatus=CANCELED,
            version_created=created_at(element.get("when"), "deleted-entry when", notes),
            editorial_note=(element.findtext(f"{{{TOMBSTONES}}}comment") or "").strip(),
            notes=notes,
        )

    def describe(self, raw: "Entry | etree._Element") -> tuple[str, str, str]:
        if isinstance(raw, etree._Element):
            return raw.get("ref", ""), "", etree.tostring(raw, encoding="unicode")
        entry = raw.entry
        content = entry.get("content") or [{}]
        return (
            entry.get("id") or entry.get("link") or "",
            entry.get("title", ""),
            entry.get("summary") or content[0].get("value", ""),
        )


def refuse_nested_items(root: etree._Element) -> None:
    """Refuse an item or entry inside another one, which feedparser cannot read (it raises KeyError)."""
    for element in root.iter("item", "entry", f"{{{ATOM}}}entry", "{http://purl.org/rss/1.0/}item"):
        outer = next((a for a in element.iterancestors() if localname(a) in ("item", "entry")), None)
        if outer is not None:
            raise DeliveryError(
                f"An <{localname(element)}> at line {element.sourceline} sits inside another "
                f"<{localname(outer)}> (line {outer.sourceline}), which no feed allows; items cannot "
                f"be told apart. Ask the agency to fix the feed."
            )


class AtomFormat(RSSFormat):
    name = "atom"
    label = "Atom 1.0"
    expresses = frozenset({TEXT, CORRECTION, KILL})  # a tombstone (RFC 6721) is a kill

    def sniff(self, data: bytes) -> bool:
        head = text_head(data)
        return bool(re.search(r"<(\w+:)?feed[\s>]", head)) and ATOM in head


def byline(entry: dict) -> str:
    # feedparser leaves a key set to None when an element it expected is empty or misplaced.
    authors = [(author.get("name") or "").strip() for author in entry.get("authors") or []]
    if len(authors) > 1 and all(authors):
        return ", ".join(authors)
    author = (entry.get("author") or "").strip()
    match = _ADDRESS_AND_NAME.match(author)
    if match:
        return match["name"].strip()
    return "" if _ADDRESS.match(author) else author


def image(entry: dict) -> ImageRef | None:
    """Return the first picture among Media RSS content and enclosures."""
    credit = next(
        (str(c["content"]).strip() for c in entry.get("media_credit") or [] if c.get("content")), ""
    )
    for media in entry.get("media_content") or []:
        if media.get("url") and (
            media.get("medium") == "image" or (media.get("type") or "").startswith("image/")
        ):
            return ImageRef(url=media["url"], credit=credit)
    for enclosure in entry.get("enclosures") or []:
        if enclosure.get("href") and (enclosure.get("type") or "").startswith("image/"):
            return ImageRef(url=enclosure["href"], credit=credit)
    return None
