"""NITF `body.content` as HTML and its `media` as pictures: read by NITF and by NewsML 1 deliveries.

Elements arrive here without namespaces (`safe_xml.without_namespaces`). The body keeps its
structure (paragraphs, headings, lists, tables, quotes); media, datelines and notes to editors
leave it, since the item carries them in fields of their own.
"""

import re
from copy import deepcopy

from lxml import etree

from ..items import AUDIO, GRAPHIC, PICTURE, VIDEO, ImageRef, Rendition
from .base import version_number
from .safe_xml import inner_html

# NITF elements that HTML has under the same name; every other element keeps only its text.
KEPT = {
    "p", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "em", "a", "br", "q", "pre", "hr", "sub", "sup", "blockquote", "cite", "h2", "h3",
}  # fmt: skip
RENAMED = {"bq": "blockquote", "credit": "cite"}
# Carried in fields of their own, never as body text. A note to editors goes to editorial_note.
LEFT_OUT = {"media", "dateline", "note", "nitf-table-metadata", "abstract", "copyrite", "datasource"}
ATTRIBUTES = {"a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"}}
UNWRAP = "unwrap"  # a name no NITF element has, for etree.strip_tags
# Elements that stand on lines of their own: the layout space around them means nothing.
BLOCKS = {
    "body", "p", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr",
    "th", "td", "pre", "hr", "blockquote", "h2", "h3", UNWRAP,
}  # fmt: skip

MEDIA_KINDS = {"image": PICTURE, "photo": PICTURE, "graphic": GRAPHIC, "video": VIDEO, "audio": AUDIO}
# What a browser shows without conversion: the best of these is the rendition Copydesk fetches.
WEB_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "audio/mpeg", "audio/mp4"}


def squeeze(text: str) -> str:
    return " ".join(text.split())


def text_of(element: etree._Element | None) -> str:
    """Return an element's whole text, inline markup included, with its spacing collapsed."""
    return squeeze("".join(element.itertext())) if element is not None else ""


def body_html(content: etree._Element | None, tagline: etree._Element | None = None) -> str:
    """Return `body.content` (and `body.end`'s tagline) as HTML, without media, datelines or notes."""
    if content is None:
        return ""
    copy = etree.Element("body")
    copy.text = content.text
    copy.extend(deepcopy(child) for child in content)  # tails come along
    if tagline is not None and text_of(tagline):
        etree.SubElement(copy, "p").text = text_of(tagline)
    _convert(copy, in_block=False)
    etree.strip_tags(copy, UNWRAP)
    return inner_html(copy)


def _convert(parent: etree._Element, in_block: bool) -> None:
    _respace(parent)
    for child in list(parent):
        if not isinstance(child.tag, str) or child.tag in LEFT_OUT or child.tag.startswith("media"):
            remove(child)
            continue
        name = child.tag
        if name in ("hl1", "hl2"):
            child.tag = "h3" if in_block else "h2"  # a heading inside a block ranks below the body's own
        else:
            child.tag = RENAMED.get(name, name if name in KEPT else UNWRAP)
        allowed = ATTRIBUTES.get(child.tag, set())
        for attribute in [a for a in child.attrib if a not in allowed]:
            del child.attrib[attribute]
        if child.tag == "a" and not re.match(r"(?i)https?://", child.get("href", "")):
            child.tag = UNWRAP  # a link nowhere, or to a script, keeps only its words
        _convert(child, in_block or name == "block")
        if child.tag in BLOCKS and not (child.tail or "").strip():
            child.tail = None


def _respace(element: etree._Element) -> None:
    """Collapse the layout whitespace of the XML file (line breaks, indents) to what HTML means by it."""
    if element.tag == "pre":
        return
    if element.text is not None:
        element.text = re.sub(r"\s+", " ", element.text)
        if element.tag in BLOCKS and len(element) and not element.text.strip():
            element.text = None
    for child in element:
        if child.tail is not None:
            child.tail = re.sub(r"\s+", " ", child.tail)


def remove(element: etree._Element) -> None:
    """Take an element out, keeping the words that follow it."""
    parent, previous = element.getparent(), element.getprevious()
    if (element.tail or "").strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def notes_to_editors(content: etree._Element | None) -> list[str]:
    """Return the text of notes not for publication (`note type="npa"` or `noteclass="editorsnote"`)."""
    found = content.iter("note") if content is not None else []
    return [
        text_of(note)
        for note in found
        if (note.get("type") == "npa" or note.get("noteclass") == "editorsnote") and text_of(note)
    ]


def web_url(value: str | None) -> str:
    value = (value or "").strip()
    return value if re.match(r"(?i)https?://", value) else ""


def media_kind(declared: str, mimes: list[str]) -> str:
    """Return PICTURE, GRAPHIC, VIDEO or AUDIO from the declared type, else the files' MIME types; or ""."""
    kind = MEDIA_KINDS.get(declared.strip().lower(), "")
    for mime in mimes if not kind else []:
        kind = kind or {"image": PICTURE, "video": VIDEO, "audio": AUDIO}.get(mime.split("/")[0], "")
    return kind


def best(renditions: list[Rendition]) -> Rendition | None:
    """Return the widest rendition a browser can show, else the widest of all."""
    usable = [r for r in renditions if r.mime.lower() in WEB_TYPES] or renditions
    return max(usable, key=lambda r: r.width or 0, default=None)


def media(element: etree._Element) -> tuple[ImageRef | None, list[Rendition]]:
    """Read one NITF `media` element as a picture (or video, audio) and all its renditions."""
    renditions = [
        Rendition(
            url=url,
            mime=(ref.get("mime-type") or "").strip(),
            width=version_number(ref.get("width")),
            height=version_number(ref.get("height")),
            name=(ref.get("name") or "").strip(),
        )
        for ref in element.findall("media-reference")
        if (url := web_url(ref.get("source") or ref.get("data-location")))
    ]
    kind = media_kind(element.get("media-type") or "", [r.mime for r in renditions])
    chosen = best(renditions)
    if not kind or chosen is None:
        return None, renditions
    caption = text_of(element.find("media-caption"))
    meta = {
        (m.get("name") or "").lower(): (m.get("value") or "").strip()
        for m in element.findall("media-metadata")
    }
    alts = (squeeze(ref.get("alternate-text") or "") for ref in element.findall("media-reference"))
    alt = next((text for text in alts if text), "")
    picture = ImageRef(
        url=chosen.url,
        caption=caption,
        credit=text_of(element.find("media-producer")),
        alt=alt or caption,
        byline=meta.get("byline") or meta.get("photographer", ""),
        copyright=meta.get("copyright", ""),
        kind=kind,
        mime=chosen.mime,
        agency_id=(element.get("id") or "").strip(),
    )
    return picture, renditions


def pictures(content: etree._Element | None) -> list[tuple[ImageRef, list[Rendition]]]:
    """Return every usable `media` in the body, in order, with its renditions."""
    found = [media(element) for element in content.iter("media")] if content is not None else []
    return [(picture, renditions) for picture, renditions in found if picture is not None]
