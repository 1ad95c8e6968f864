"""Hostile inputs for the fuzzing harness: random bytes, and real fixtures broken in the ways files break.

Each strategy starts from the real deliveries in the fixtures (so the parsers get past their first
check and into the code that reads items) and breaks them: cut short, bytes flipped, characters
that no database stores, other encodings and byte-order marks, deep nesting, elements and keys
removed, repeated or given values of the wrong type, entity tricks.
"""

import codecs
import json
from copy import deepcopy
from html import escape
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
WIRE_FIXTURES = ROOT / "wire" / "tests" / "fixtures"
WXR_FIXTURES = ROOT / "wordpress" / "tests" / "fixtures"


class Seeds(list):
    """Fixture bytes, shown by their count so that hypothesis's reports stay readable."""

    def __repr__(self):
        return f"<{len(self)} fixtures>"


def fixtures(folder: str, suffix: str) -> Seeds:
    return Seeds(path.read_bytes() for path in sorted((WIRE_FIXTURES / folder).glob(f"*{suffix}")))


# Fragments that have broken parsers before: NULs, lone surrogates as bytes, stray markup, entity
# references of every kind, CDATA ends, invalid XML characters, over-long UTF-8, RTL marks.
NASTY = [
    b"\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80",
    b"<", b">", b"&", b"&amp;", b"&#0;", b"&#xD800;", b"&#x110000;", b"&nbsp;", b"&lt;script&gt;",
    b"]]>", b"<![CDATA[", b"<!--", b"<?xml version='1.0'?>", b"<!DOCTYPE x>", b"\"", b"'", b"\\u0000",
    b"\\ud800", b"{", b"}", b"[", b"]", b",", b":", b"null", b"1e999", b"-0", b"\xe2\x80\xae",
    b"<script>alert(1)</script>", b"<img src=x onerror=alert(1)>", b"javascript:", b"\r\n", b"\t",
    b"<item>", b"</item>", b"<entry>", b"<title>", b"</title>", b"<guid>", b"<newsItem>",
    b"xmlns=\"http://www.w3.org/2005/Atom\"", b"xmlns:x=\"\"", b"<x:y>", b"\x0b", b"\x1b",
]  # fmt: skip
ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "latin-1", "cp1252"]
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]


def _mutate_bytes(data: bytes, draw) -> bytes:
    """Apply one byte-level break to data (drawn from hypothesis, so that failures shrink)."""
    kind = draw(st.integers(0, 8))
    at = draw(st.integers(0, len(data)))
    if kind == 0:  # truncated, as a download cut short
        return data[:at]
    if kind == 1 and data:  # a flipped byte
        at = min(at, len(data) - 1)
        return data[:at] + bytes([data[at] ^ (1 << draw(st.integers(0, 7)))]) + data[at + 1 :]
    if kind == 2:  # a nasty fragment inserted
        return data[:at] + draw(st.sampled_from(NASTY)) + data[at:]
    if kind == 3:  # a slice removed
        return data[:at] + data[at + draw(st.integers(1, 200)) :]
    if kind == 4:  # a slice repeated (duplicated elements, keys or items)
        end = min(len(data), at + draw(st.integers(1, 2000)))
        return data[:end] + data[at:end] + data[end:]
    if kind == 5:  # another encoding, whatever the declaration says
        return data.decode("utf-8", "replace").encode(draw(st.sampled_from(ENCODINGS)), "replace")
    if kind == 6:  # a byte-order mark, right or wrong
        return draw(st.sampled_from(BOMS)) + data
    if kind == 7:  # a slice swapped with the one after it
        length = draw(st.integers(1, 500))
        return (
            data[:at] + data[at + length : at + 2 * length] + data[at : at + length] + data[at + 2 * length :]
        )
    return data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]


@st.composite
def mutated(draw, seeds: list[bytes], max_mutations: int = 4) -> bytes:
    """A real fixture broken at the byte level, one to a few times."""
    data = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, max_mutations))):
        data = _mutate_bytes(data, draw)
    return data


# JSON ----------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _paths(inner, (*path, index))


def _replace(value, path, new):
    if not path:
        return new
    head, *rest = path
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[head] = _replace(value[head], rest, new)
    return copy


def _delete(value, path):
    *parent, last = path
    container = value
    for step in parent:
        container = container[step]
    new = dict(container) if isinstance(container, dict) else list(container)
    del new[last]
    return _replace(value, parent, new)


@st.composite
def mutated_json(draw, seeds: list[bytes]) -> bytes:
    """A real JSON delivery with values of the wrong type, keys removed or added, and deep nesting."""
    document = json.loads(draw(st.sampled_from([seed for seed in seeds if _is_json(seed)])))
    for _ in range(draw(st.integers(1, 4))):
        paths = list(_paths(document))
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "delete", "add", "nest", "duplicate"]))
        if action == "replace":
            document = _replace(document, path, draw(json_values))
        elif action == "delete" and path:
            document = _delete(document, path)
        elif action == "add":
            target = _get(document, path)
            if isinstance(target, dict):
                key = draw(st.sampled_from(_KEYS) | st.text(max_size=10))
                document = _replace(document, path, {**target, key: draw(json_values)})
        elif action == "nest":
            inner = _get(document, path)
            for _ in range(draw(st.integers(1, 200))):
                inner = draw(st.sampled_from([[inner], {"x": inner}]))
            document = _replace(document, path, inner)
        elif action == "duplicate" and path and isinstance(_get(document, path[:-1]), list):
            parent = _get(document, path[:-1])
            document = _replace(document, path[:-1], [*parent, _get(document, path)])
    text = json.dumps(document, ensure_ascii=draw(st.booleans()))
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "utf-32", "utf-8-sig"])))


# Keys the JSON formats read, so that added keys reach the code that reads them.
_KEYS = [
    "uri", "guid", "headline", "headlines", "body_html", "bodies", "versioncreated", "versionCreated",
    "pubstatus", "embargoed", "embargoedUntil", "signals", "associations", "renditions", "subjects",
    "keywords", "urgency", "version", "by", "descriptions", "standard", "$schema", "items", "id",
    "title", "content_html", "content_text", "date_published", "date_modified", "authors", "author",
    "tags", "image", "banner_image", "url", "language", "type", "href", "width", "contenttype", "role",
    "value", "name", "evolvedfrom", "ednote", "data", "item", "altids", "itemid", "body_nitf", "text",
    "bylines", "located", "datelinelocation", "photographer", "description_caption", "editorialpriority",
    "mimetype", "height", "usageterms", "subject", "place",
]  # fmt: skip


def _get(value, path):
    for step in path:
        value = value[step]
    return value


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


# XML -----------------------------------------------------------------------------------------


@st.composite
def mutated_xml(draw, seeds: list[bytes]) -> bytes:
    """A well-formed real XML delivery with elements removed, repeated, moved, renamed or re-valued."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    candidates = []
    for seed in seeds:
        if b"<!DOCTYPE" in seed:
            continue  # the entity attacks have fixtures and tests of their own
        try:
            candidates.append(etree.fromstring(seed, parser))
        except etree.XMLSyntaxError:
            continue
    root = deepcopy(draw(st.sampled_from(candidates)))
    for _ in range(draw(st.integers(1, 5))):
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        element = draw(st.sampled_from(elements))
        parent = element.getparent()
        action = draw(st.sampled_from(["delete", "duplicate", "move", "rename", "text", "attr", "nest"]))
        if action == "delete" and parent is not None:
            parent.remove(element)
        elif action == "duplicate" and parent is not None:
            parent.insert(parent.index(element), deepcopy(element))
        elif action == "move" and parent is not None:
            target = draw(st.sampled_from(elements))
            if element not in target.iterancestors() and target is not element:
                target.append(element)
        elif action == "rename":
            namespace = etree.QName(element).namespace
            name = draw(st.sampled_from([e.tag for e in elements] + ["x", "body", "item", "entry"]))
            element.tag = name if name.startswith("{") or not namespace else f"{{{namespace}}}{name}"
        elif action == "text":
            element.text = draw(_xml_text)
        elif action == "attr" and element.attrib:
            name = draw(st.sampled_from(sorted(element.attrib)))
            element.set(name, draw(_xml_text))
        elif action == "nest":
            for _ in range(draw(st.integers(1, 300))):
                wrapper = etree.SubElement(element, element.tag)
                element = wrapper
    return etree.tostring(
        root, xml_declaration=draw(st.booleans()), encoding=draw(st.sampled_from(_XML_ENCODINGS))
    )


_XML_ENCODINGS = ["UTF-8", "UTF-16", "ISO-8859-1", "UTF-8"]
# XML can only hold characters it allows; the text strategy keeps to those (lxml refuses others).
_xml_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from("\t\n\r"),
    max_size=60,
) | st.sampled_from(
    ["", " ", "9999-99-99T99:99:99Z", "-1", "1e9", "stat:canceled", "usable", "0", "31 Feb 2026"]
)


# Feeds built from the elements feedparser knows, nested in ways no feed should be -------------

FEED_NAMESPACES = (
    'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:georss="http://www.georss.org/georss" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
    'xmlns:at="http://purl.org/atompub/tombstones/1.0"'
)
FEED_ELEMENTS = [
    "item", "title", "link", "guid", "description", "category", "author", "source", "enclosure", "image",
    "textInput", "pubDate", "comments", "atom:entry", "atom:link", "atom:author", "atom:name", "atom:content",
    "atom:summary", "atom:updated", "atom:published", "atom:id", "atom:source", "atom:category",
    "atom:contributor", "media:content", "media:credit", "media:thumbnail", "media:group", "media:title",
    "media:description", "media:player", "media:restriction", "media:license", "content:encoded",
    "dc:creator", "dc:date", "dc:subject", "georss:point", "georss:polygon", "georss:where",
    "itunes:category", "itunes:image", "itunes:owner", "itunes:explicit", "at:deleted-entry",
]  # fmt: skip
FEED_ATTRIBUTES = ["href", "rel", "url", "type", "term", "label", "scheme", "medium", "ref", "when", "length",
                   "width", "text", "srsName", "isPermaLink", "xml:base", "xml:lang"]  # fmt: skip
_feed_text = st.sampled_from(["", "x", "http://a.example/", "image/jpeg", "alternate", "enclosure", "1 2 3 4",
                              "2026-11-20T09:15:00Z", "a@b.example (A)", "<p>x</p>", "-1", "../x"])  # fmt: skip


def _feed_element(draw, depth: int) -> str:
    name = draw(st.sampled_from(FEED_ELEMENTS))
    attributes = draw(st.dictionaries(st.sampled_from(FEED_ATTRIBUTES), _feed_text, max_size=3))
    attrs = "".join(f' {key}="{escape(value, quote=True)}"' for key, value in attributes.items())
    children = [] if depth >= 4 else [_feed_element(draw, depth + 1) for _ in range(draw(st.integers(0, 3)))]
    text = escape(draw(_feed_text))
    return f"<{name}{attrs}>{text}{''.join(children)}</{name}>"


@st.composite
def feed_shapes(draw) -> bytes:
    """A well-formed RSS or Atom document of feedparser's elements, nested at random."""
    body = "".join(_feed_element(draw, 0) for _ in range(draw(st.integers(1, 4))))
    if draw(st.booleans()):
        return (
            f'<rss version="2.0" {FEED_NAMESPACES}><channel><title>t</title>{body}</channel></rss>'.encode()
        )
    return f"<atom:feed {FEED_NAMESPACES}><atom:title>t</atom:title>{body}</atom:feed>".encode()


# Agency text (IPTC 7901, ANPA-1312): messages assembled from the pieces their readers look for --------

_TEXT_PIECES = [
    "\x01", "\x02", "\x03", "\x04", "\x16\x16\x01", "\x1f", "\x11", "\x12", "\x13", "\r\n", "\n", "\t", "   ",
    "NWAA0412 4 POL 0084", "NWA 0001 9 X 1", "nwa01\x1fu a0310\x13\x11 BC-Pier 03-03 0062", "z q9999 x 1",
    "BC-Pier-Fire,1st Ld-Writethru,0512", "2nd Add", "Take 3", "CORRECTION - ref 0412", "KILL message 9999",
    "ELIMINATE", "WITHDRAWN", "UPDATE 2-", "FLASH", "EMBARGOED UNTIL 1500 GMT March 5",
    "EMBARGOED UNTIL 2999 GMT 31 Feb", "Embargoed until 0900 EST 99 MAR 99", "EMBARGO: 1200 ZZZ",
    "By Mara Lindqvist", "BY ", "Eds: note", "EASTBROOK, March 3 (NWA) - ", "PARIS (X) _ ", "(MORE)", "-30-",
    "The following information is not for publication", "031502 MAR 26", "999999 XXX 99", "319999 FEB 26",
    "NWA-EB-03-03-26 2215GMT", "NWA-EB-13-45-26 2599EST", "^", "<", "=", "é", "\u202e", "\x00", "\ufffd",
]  # fmt: skip


@st.composite
def framed_messages(draw) -> bytes:
    """Text-wire messages of pieces in any order, encoded as ASCII, Latin-1 or UTF-8."""
    pieces = draw(st.lists(st.sampled_from(_TEXT_PIECES) | st.text(max_size=12), max_size=60))
    encoding = draw(st.sampled_from(["utf-8", "latin-1", "cp1252"]))
    return "".join(pieces).encode(encoding, "replace")
