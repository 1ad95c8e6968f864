"""IPTC NewsML-G2 deliveries: one newsItem, packageItem or conceptItem, or a newsMessage whose
itemSet holds several.

Text comes from contentSet/inlineXML, as XHTML (html/body) or NITF (body.content), its structure
kept. Each item's kind comes from its itemClass (ninat:picture ...); a packageItem is a PACKAGE
whose members are its itemRefs, a conceptItem a CONCEPT. Media items keep every remoteContent as a
rendition; a text item gets the pictures the message gives it (newsml_g2_media.Message).
"""

import re
from typing import NamedTuple

from lxml import etree

from copydesk.newsroom.bylines import without_by

from ..items import (
    AUDIO,
    CANCELED,
    CONCEPT,
    CORRECTION,
    EMBARGO,
    GRAPHIC,
    KILL,
    MEDIA_KINDS,
    PACKAGE,
    PICTURE,
    TEXT,
    USABLE,
    VIDEO,
    WITHHELD,
    DeliveryError,
    Item,
    Subject,
)
from . import newsml_g2_media as media
from .base import (
    Format,
    ItemProblem,
    created_at,
    excerpt,
    paragraphs,
    parse_when,
    read_pubstatus,
    read_signals,
    text_head,
    version_number,
)
from .newsml_g2_media import G2, description
from .safe_xml import inner_html, localname, parse_xml
from .schemes import qcode_scheme, scheme_and_code

XHTML = "http://www.w3.org/1999/xhtml"
NS = {"g2": G2, "h": XHTML}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ITEMS = ("newsItem", "packageItem", "conceptItem")
PLACE_TYPES = ("cpnat:geoArea", "cpnat:poi")


class Part(NamedTuple):
    element: etree._Element
    message: media.Message


class NewsMLFormat(Format):
    name = "newsml"
    label = "IPTC NewsML-G2"
    expresses = frozenset({TEXT, PICTURE, VIDEO, AUDIO, PACKAGE, CORRECTION, KILL, EMBARGO})

    def sniff(self, data: bytes) -> bool:
        head = text_head(data)
        return G2 in head and bool(
            re.search(r"<(\w+:)?(newsMessage|newsItem|packageItem|conceptItem)[\s>]", head)
        )

    def split(self, data: bytes) -> list[Part]:
        # A truncated document fails here as a whole, on purpose. libxml2's recover mode would hand
        # back the items before the cut and close the last one for us, so a story cut mid-body (or
        # a kill cut before its pubStatus) would look complete; nothing tells a whole item from a
        # mended one. The agency resends, and the error says why.
        root = parse_xml(data)
        if etree.QName(root).namespace == G2 and localname(root) in ITEMS:
            elements = [root]
        elif root.tag == f"{{{G2}}}newsMessage":
            elements = [e for e in root.iterfind("g2:itemSet/*", NS) if localname(e) in ITEMS]
        else:
            raise DeliveryError(
                f"This is not NewsML-G2: the root element is <{localname(root)}> "
                f"in {etree.QName(root).namespace or 'no namespace'}, where a newsItem or newsMessage "
                f"in {G2} was expected. Check the source's format."
            )
        message = media.Message.of(elements)
        return [Part(element, message) for element in elements]

    def read_item(self, part: Part) -> Item:
        element, message = part
        guid = (element.get("guid") or "").strip()
        if not guid:
            raise ItemProblem(f"{localname(element)} has no guid")
        meta = element.find("g2:itemMeta", NS)
        content = element.find("g2:contentMeta", NS)
        rights = element.find("g2:rightsInfo", NS)
        kind = media.kind(element)
        notes: list[str] = []
        pubstatus = read_pubstatus(qcode(meta, "g2:pubStatus"), "pubStatus")
        headline = text(content, "g2:headline") or fallback_headline(element, kind, meta, message)
        # A kill or a hold must get through even when it carries no headline: rejected, it would
        # leave the story online.
        if not headline and pubstatus == USABLE:
            raise ItemProblem("no headline")
        embargoed_until = None
        embargo = meta.find("g2:embargoed", NS) if meta is not None else None
        if embargo is not None and not (embargo.text or "").strip():
            # An empty <embargoed/> means "embargoed, release time not yet known": hold it until
            # the agency sends a version that names the time.
            notes.append("embargoed with no release time yet; held as withheld until the agency sends one")
            pubstatus = CANCELED if pubstatus == CANCELED else WITHHELD
        elif embargo is not None:
            embargoed_until = parse_when(embargo.text, "embargoed")
        own_picture = media.picture_of(element) if kind in (PICTURE, GRAPHIC) else None
        return Item(
            agency_id=guid,
            headline=headline,
            body_html=body(element),
            version=version_number(element.get("version")),
            version_created=created_at(text(meta, "g2:versionCreated") or None, "versionCreated", notes),
            first_created=created_at(text(meta, "g2:firstCreated") or None, "firstCreated", notes),
            summary=description(content, "summary", "abstract") or concept_definition(element),
            byline=without_by(text(content, "g2:by")),
            pubstatus=pubstatus,
            embargoed_until=embargoed_until,
            signals=read_signals(
                qcode(s) for s in (meta.findall("g2:signal", NS) if meta is not None else [])
            ),
            editorial_note="\n".join(texts(meta, "g2:edNote")),
            language=attribute(content, "g2:language", "tag") or inherited_language(element),
            urgency=urgency(text(content, "g2:urgency")),
            keywords=list(dict.fromkeys(texts(content, "g2:subject/g2:name") + texts(content, "g2:keyword"))),
            credit=text(content, "g2:creditline"),
            usage_terms="\n".join(texts(rights, "g2:usageTerms")),
            copyright=text(rights, "g2:copyrightNotice") or holder(rights),
            kind=kind,
            # A picture item is its own picture; a story carries the ones the message gives it.
            pictures=message.pictures_for(element) if kind == TEXT else [own_picture] if own_picture else [],
            renditions=media.renditions(element) if kind in MEDIA_KINDS else [],
            members=media.members(element) if kind == PACKAGE else [],
            dateline=text(content, "g2:dateline"),
            slugline=text(content, "g2:slugline"),
            places=places(content),
            subjects=subjects(element, content),
            notes=notes,
        )

    def describe(self, part: Part) -> tuple[str, str, str]:
        element = part.element
        headline = text(element.find("g2:contentMeta", NS), "g2:headline")
        return element.get("guid", ""), headline, excerpt(etree.tostring(element, encoding="unicode"))


def text(parent: etree._Element | None, path: str) -> str:
    """Return the text of the first element at `path`, inline markup included, stripped."""
    found = parent.find(path, NS) if parent is not None else None
    return "".join(found.itertext()).strip() if found is not None else ""


def texts(parent: etree._Element | None, path: str) -> list[str]:
    found = parent.findall(path, NS) if parent is not None else []
    return [value for value in ("".join(e.itertext()).strip() for e in found) if value]


def attribute(parent: etree._Element | None, path: str, name: str) -> str:
    found = parent.find(path, NS) if parent is not None else None
    return (found.get(name) or "").strip() if found is not None else ""


def qcode(element: etree._Element | None, path: str = "") -> str:
    """Return an element's QCode (`stat:usable`) or, failing that, its URI."""
    if element is not None and path:
        element = element.find(path, NS)
    return (element.get("qcode") or element.get("uri") or "") if element is not None else ""


def holder(rights: etree._Element | None) -> str:
    found = rights.find("g2:copyrightHolder", NS) if rights is not None else None
    return (
        (text(rights, "g2:copyrightHolder/g2:name") or found.get("literal", "")).strip()
        if found is not None
        else ""
    )


def urgency(value: str) -> int | None:
    number = version_number(value)
    return number if number is not None and 1 <= number <= 9 else None


def inherited_language(element: etree._Element) -> str:
    """xml:lang on the item, or else on the message around it."""
    found = element.xpath("ancestor-or-self::*[@xml:lang][1]/@xml:lang")
    return str(found[0]).strip() if found else ""


def fallback_headline(element, kind: str, meta, message: media.Message) -> str:
    """A package is named by its title or its lead item's headline, a concept by its name."""
    if kind == CONCEPT:
        return text(element, "g2:concept/g2:name")
    if kind == TEXT:
        return ""
    title = text(meta, "g2:title")
    lead = next(iter(media.members(element)), "") if kind == PACKAGE else ""
    return title or message.headlines.get(lead, "")


def concept_definition(element: etree._Element) -> str:
    return text(element, "g2:concept/g2:definition")


def body(element: etree._Element) -> str:
    """Serialise the XHTML body or NITF body.content of the first inlineXML; else inlineData as text."""
    inline = element.find("g2:contentSet/g2:inlineXML", NS)
    if inline is not None:
        found = inline.find(".//h:body", NS)
        if found is None:
            found = next(iter(inline.xpath(".//*[local-name()='body.content']")), None)
        return inner_html(found if found is not None else inline)
    data = element.find("g2:contentSet/g2:inlineData", NS)
    return paragraphs(data.text or "") if data is not None else ""


def places(content: etree._Element | None) -> list[str]:
    """Where the story comes from (located), then the places it is about, each once."""
    found = texts(content, "g2:located/g2:name") + texts(content, "g2:located/g2:broader/g2:name")
    for subject in content.findall("g2:subject", NS) if content is not None else []:
        if subject.get("type") in PLACE_TYPES:
            found += texts(subject, "g2:name") or [subject.get("literal", "").strip()]
    return list(dict.fromkeys(place for place in found if place))


def subjects(element: etree._Element, content: etree._Element | None) -> list[Subject]:
    """Every subject with its QCode and the scheme its alias stands for (inline catalog or IPTC's)."""
    catalog = {
        scheme.get("alias", ""): scheme.get("uri", "")
        for scheme in element.xpath("ancestor-or-self::*/g2:catalog/g2:scheme", namespaces=NS)
    }
    found = []
    for subject in content.findall("g2:subject", NS) if content is not None else []:
        name = text(subject, "g2:name")
        code = (subject.get("qcode") or "").strip()
        if code:
            scheme, code = qcode_scheme(code, catalog)
        elif (subject.get("uri") or "").strip():
            scheme, code = scheme_and_code(subject.get("uri").strip())
        else:
            code, scheme = (subject.get("literal") or "").strip(), ""
        if name or code:
            found.append(Subject(name=name or code, code=code, scheme=scheme))
    return found
