"""Pictures, language and categories of an RSS item or Atom entry, read from its XML element.

feedparser flattens Media RSS (one description and one credit for the whole item, groups merged),
so the pictures are read from the element itself: every media:content that is an image, the
largest of each media:group (a group holds renditions of one picture), with the description and
credit nearest to it (its own, its group's, the item's); then image enclosures (RSS <enclosure>,
Atom <link rel="enclosure">). A media:thumbnail is taken only when there is nothing else.
"""

from lxml import etree

from ..items import ImageRef, Subject
from .base import version_number
from .safe_xml import localname

MEDIA = "http://search.yahoo.com/mrss/"
ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/elements/1.1/"
RSS1 = "http://purl.org/rss/1.0/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def entry_elements(root: etree._Element) -> list[etree._Element]:
    """The items or entries of a feed, in document order, as feedparser numbers them."""
    return [
        element
        for element in root.iter("item", f"{{{RSS1}}}item", f"{{{ATOM}}}entry")
        if localname(element) in ("item", "entry")
    ]


def nearest(element: etree._Element, name: str, stop: etree._Element) -> str:
    """The text of media:`name` on the element, else on its ancestors up to the item `stop`."""
    node = element
    while node is not None:
        found = node.find(f"{{{MEDIA}}}{name}")
        if found is not None and "".join(found.itertext()).strip():
            return "".join(found.itertext()).strip()
        if node is stop:
            break
        node = node.getparent()
    return ""


def is_image(element: etree._Element) -> bool:
    medium = (element.get("medium") or "").strip().lower()
    mime = (element.get("type") or "").strip().lower()
    return medium == "image" or (not medium and mime.startswith("image/"))


def area(element: etree._Element) -> int:
    width = version_number(element.get("width")) or 0
    return width * (version_number(element.get("height")) or width)


def pictures(item: etree._Element) -> list[ImageRef]:
    """Every picture of the item, in order, each once, with its caption and credit."""
    chosen: list[etree._Element] = []
    groups: dict[int, etree._Element] = {}
    for content in item.iter(f"{{{MEDIA}}}content"):
        if not is_image(content) or not (content.get("url") or "").strip():
            continue
        parent = content.getparent()
        if parent is not None and parent.tag == f"{{{MEDIA}}}group":
            best = groups.get(id(parent))
            if best is None:
                groups[id(parent)] = content
                chosen.append(content)
            elif area(content) > area(best):
                chosen[chosen.index(best)] = groups[id(parent)] = content
        else:
            chosen.append(content)
    found = [
        ImageRef(
            url=content.get("url").strip(),
            caption=(caption := nearest(content, "description", item) or nearest(content, "title", item)),
            credit=nearest(content, "credit", item),
            alt=caption,
            copyright=nearest(content, "copyright", item),
            mime=(content.get("type") or "").strip().lower(),
        )
        for content in chosen
    ]
    for enclosure in [*item.findall("enclosure"), *item.findall(f"{{{ATOM}}}link[@rel='enclosure']")]:
        url = (enclosure.get("url") or enclosure.get("href") or "").strip()
        mime = (enclosure.get("type") or "").strip().lower()
        if url and mime.startswith("image/"):
            found.append(ImageRef(url=url, credit=nearest(item, "credit", item), mime=mime))
    if not found:
        thumbnail = item.find(f".//{{{MEDIA}}}thumbnail")
        if thumbnail is not None and (thumbnail.get("url") or "").strip():
            found.append(ImageRef(url=thumbnail.get("url").strip()))
    unique: dict[str, ImageRef] = {}
    for picture in found:
        unique.setdefault(picture.url, picture)
    return list(unique.values())


def language(item: etree._Element) -> str:
    """The item's dc:language, else the xml:lang in force on it or its content."""
    own = item.findtext(f"{{{DC}}}language")
    if own and own.strip():
        return own.strip()
    content = item.find(f"{{{ATOM}}}content")
    for node in (content, item):
        found = node.xpath("ancestor-or-self::*[@xml:lang][1]/@xml:lang") if node is not None else []
        if found and str(found[0]).strip():
            return str(found[0]).strip()
    return ""


def subjects(tags: list[dict]) -> list[Subject]:
    """Categories and dc:subjects: with a domain (RSS) or scheme (Atom) they are coded, else keywords."""
    found = []
    for tag in tags:
        term = (tag.get("term") or "").strip()
        label = (tag.get("label") or "").strip()
        scheme = (tag.get("scheme") or "").strip()
        if not (term or label) or term.lower() == "correction":
            continue
        found.append(
            Subject(name=label or term, code=term, scheme=scheme)
            if scheme
            else Subject(name=label or term, scheme="keyword")
        )
    return found
