"""IPTC NewsML-G2 deliveries: one newsItem, or a newsMessage whose itemSet holds several.

Text comes from contentSet/inlineXML, as XHTML (html/body) or NITF (body.content); a picture
newsItem's remoteContent becomes the item's image. Package items only group other items, which
arrive as newsItems of their own, so they are skipped.
"""

import re

from lxml import etree

from ..items import CANCELED, USABLE, WITHHELD, DeliveryError, ImageRef, Item
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
from .safe_xml import inner_html, localname, parse_xml

G2 = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
NS = {"g2": G2, "h": XHTML}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class NewsMLFormat(Format):
    name = "newsml"
    label = "IPTC NewsML-G2"

    def sniff(self, data: bytes) -> bool:
        head = text_head(data)
        return G2 in head and bool(re.search(r"<(\w+:)?(newsMessage|newsItem)[\s>]", head))

    def split(self, data: bytes) -> list[etree._Element]:
        # A truncated document fails here as a whole, on purpose. libxml2's recover mode would hand
        # back the items before the cut and close the last one for us, so a story cut mid-body (or
        # a kill cut before its pubStatus) would look complete; nothing tells a whole item from a
        # mended one. The agency resends, and the error says why.
        root = parse_xml(data)
        if root.tag == f"{{{G2}}}newsItem":
            return [root]
        if root.tag != f"{{{G2}}}newsMessage":
            raise DeliveryError(
                f"This is not NewsML-G2: the root element is <{localname(root)}> "
                f"in {etree.QName(root).namespace or 'no namespace'}, where a newsItem or newsMessage "
                f"in {G2} was expected. Check the source's format."
            )
        return root.findall("g2:itemSet/g2:newsItem", NS)

    def read_item(self, element: etree._Element) -> Item:
        guid = (element.get("guid") or "").strip()
        if not guid:
            raise ItemProblem("newsItem has no guid")
        meta = element.find("g2:itemMeta", NS)
        content = element.find("g2:contentMeta", NS)
        rights = element.find("g2:rightsInfo", NS)
        notes: list[str] = []
        pubstatus = read_pubstatus(qcode(meta, "g2:pubStatus"), "pubStatus")
        headline = text(content, "g2:headline")
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
        return Item(
            agency_id=guid,
            headline=headline,
            body_html=body(element),
            version=version_number(element.get("version")),
            version_created=created_at(text(meta, "g2:versionCreated") or None, "versionCreated", notes),
            first_created=created_at(text(meta, "g2:firstCreated") or None, "firstCreated", notes),
            summary=description(content, "summary", "abstract"),
            byline=text(content, "g2:by"),
            pubstatus=pubstatus,
            embargoed_until=embargoed_until,
            signals=read_signals(
                qcode(s) for s in (meta.findall("g2:signal", NS) if meta is not None else [])
            ),
            editorial_note="\n".join(texts(meta, "g2:edNote")),
            language=attribute(content, "g2:language", "tag") or element.get(XML_LANG, ""),
            urgency=urgency(text(content, "g2:urgency")),
            keywords=list(dict.fromkeys(texts(content, "g2:subject/g2:name") + texts(content, "g2:keyword"))),
            credit=text(content, "g2:creditline"),
            usage_terms="\n".join(texts(rights, "g2:usageTerms")),
            copyright=text(rights, "g2:copyrightNotice") or holder(rights),
            pictures=[p] if (p := picture(element, content)) else [],
            notes=notes,
        )

    def describe(self, element: etree._Element) -> tuple[str, str, str]:
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


def description(content: etree._Element | None, *roles: str) -> str:
    """Return the description with the first of `roles` (drol:summary ...), else one with no role."""
    found = content.findall("g2:description", NS) if content is not None else []
    by_role = {
        (d.get("role") or "").rsplit(":", 1)[-1]: "".join(d.itertext()).strip() for d in reversed(found)
    }
    return next((by_role[role] for role in (*roles, "") if by_role.get(role)), "")


def urgency(value: str) -> int | None:
    number = version_number(value)
    return number if number is not None and 1 <= number <= 9 else None


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


def picture(element: etree._Element, content: etree._Element | None) -> ImageRef | None:
    """Return the widest picture rendition of a picture item's remoteContent."""
    best, best_width = None, -1
    for remote in element.findall("g2:contentSet/g2:remoteContent", NS):
        width = version_number(remote.get("width")) or 0
        if (
            remote.get("href")
            and (remote.get("contenttype") or "").startswith("image/")
            and width > best_width
        ):
            best, best_width = remote, width
    if best is None:
        return None
    caption = description(content, "caption", "summary")
    return ImageRef(
        url=best.get("href").strip(), caption=caption, credit=text(content, "g2:creditline"), alt=caption
    )
