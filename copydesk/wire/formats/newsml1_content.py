"""NewsML 1 ContentItems: which one is the story's text, and which are its pictures, video or sound.

Elements arrive without namespaces. See newsml1.py for how components are told apart by Role.
"""

from lxml import etree

from ..items import ImageRef, Rendition
from .base import paragraphs
from .base import version_number as number
from .nitf import by_removed
from .nitf_body import best, body_html, media_kind, squeeze, text_of, web_url
from .safe_xml import inner_html

SIZE_ROLES = {
    "preview",
    "thumbnail",
    "highres",
    "hires",
    "lowres",
    "quicklook",
    "web",
    "original",
    "alternate",
}
CAPTION_ROLES = {"caption"}


def find(parent: etree._Element | None, path: str) -> etree._Element | None:
    return parent.find(path) if parent is not None else None


def formal(parent: etree._Element | None, path: str) -> str:
    found = find(parent, path)
    return squeeze(found.get("FormalName") or "") if found is not None else ""


def name_of(element: etree._Element) -> str:
    return squeeze(element.get("FormalName") or "")


def role(component: etree._Element) -> str:
    return formal(component, "Role").lower()


def is_text(content_item: etree._Element) -> bool:
    media_type, mime = formal(content_item, "MediaType").lower(), formal(content_item, "MimeType").lower()
    return media_type == "text" or (not media_type and (mime.startswith("text/") or not mime))


def main_text(component: etree._Element | None) -> tuple[str, etree._Element | None]:
    """Return the first text ContentItem outside a caption as HTML, and its NITF document if it is one."""
    for content_item in component.iter("ContentItem") if component is not None else []:
        data = content_item.find("DataContent")
        if data is None or not is_text(content_item) or role(content_item.getparent()) in CAPTION_ROLES:
            continue
        nitf = data.find(".//nitf")
        if nitf is not None:
            return body_html(nitf.find("body/body.content"), nitf.find("body/body.end/tagline")), nitf
        content = data.find(".//body.content")  # NITF's body.content alone, as NewsML-G2 carries it
        if content is not None:
            return body_html(content), None
        xhtml = data.find(".//body")
        html = inner_html(xhtml if xhtml is not None else data) if len(data) else paragraphs(data.text or "")
        if squeeze(html):
            return html, None
    return "", None


def media_groups(component: etree._Element | None) -> list[tuple[ImageRef, list[Rendition]]]:
    """Return each picture, video or sound in the component, in order, with its renditions."""
    owners: dict[etree._Element, list[tuple[Rendition, str]]] = {}
    for content_item in component.iter("ContentItem") if component is not None else []:
        url, holder = web_url(content_item.get("Href")), content_item.getparent()
        if not url or is_text(content_item):
            continue
        owner = holder.getparent() if role(holder) in SIZE_ROLES and holder is not component else holder
        sizes = {
            name_of(p).lower(): number(p.get("Value"))
            for p in content_item.iterfind("Characteristics/Property")
        }
        mime = formal(content_item, "MimeType")
        rendition = Rendition(
            url=url,
            mime=mime,
            width=sizes.get("width"),
            height=sizes.get("height"),
            name=formal(holder, "Role"),
        )
        owners.setdefault(owner, []).append((rendition, formal(content_item, "MediaType")))
    return [group for owner, found in owners.items() if (group := media_group(owner, found))]


def media_group(
    owner: etree._Element, found: list[tuple[Rendition, str]]
) -> tuple[ImageRef, list[Rendition]] | None:
    renditions = [rendition for rendition, _ in found]
    kind, chosen = media_kind(found[0][1], [r.mime for r in renditions]), best(renditions)
    if not kind or chosen is None:
        return None
    caption = next(
        (
            text_of(c.find("ContentItem/DataContent"))
            for c in owner.iterfind("NewsComponent")
            if role(c) in CAPTION_ROLES
        ),
        "",
    )
    lines = owner.find("NewsLines")
    picture = ImageRef(
        url=chosen.url,
        caption=caption,
        credit=text_of(find(lines, "CreditLine")),
        alt=caption,
        byline=by_removed(text_of(find(lines, "ByLine"))),
        copyright=copyright_line(lines, owner.find("RightsMetadata")),
        kind=kind,
        mime=chosen.mime,
    )
    return picture, renditions


def copyright_line(lines: etree._Element | None, rights: etree._Element | None) -> str:
    if line := text_of(find(lines, "CopyrightLine")):
        return line
    holder, year = (
        text_of(find(rights, "Copyright/CopyrightHolder")),
        text_of(find(rights, "Copyright/CopyrightDate")),
    )
    return f"Copyright {year} {holder}".replace("  ", " ") if holder else ""
