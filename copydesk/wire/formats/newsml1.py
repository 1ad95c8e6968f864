"""IPTC NewsML 1.x deliveries (root `NewsML`): one item per NewsItem.

A story's identity is its NewsIdentifier without the revision (`urn:newsml:` ProviderId, DateId,
NewsItemId), so that every revision of it is one story; RevisionId is its version. The first text
ContentItem outside a caption is the body (NITF, XHTML or plain text in DataContent). A component
holding media ContentItems (directly or in children whose Role names a size: Preview, Thumbnail,
HighRes ...) is one picture, video or sound, captioned by a child with Role Caption. A text story
carries those as pictures; an item with no text is itself the picture, video or sound.

Status: Usable, Withheld or Canceled as given. Embargoed, or Withheld with a StatusWillChange to
Usable, is an embargo until StatusWillChange/DateAndTime (withheld, with a note, when none is given).
"""

import re

from lxml import etree

from ..items import (
    CORRECTION,
    TEXT,
    UPDATE,
    USABLE,
    WITHHELD,
    DeliveryError,
    ImageRef,
    Item,
    Rendition,
    Subject,
)
from .base import (
    Format,
    ItemProblem,
    created_at,
    excerpt,
    paragraphs,
    parse_when,
    read_pubstatus,
    read_signals,
    root_name,
    text_head,
)
from .base import version_number as number
from .nitf import SUBJECT_SCHEME, by_removed, language, urgency
from .nitf_body import best, body_html, media_kind, pictures, squeeze, text_of, web_url
from .safe_xml import inner_html, localname, parse_xml, without_namespaces

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
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
NOT_STORIES = {"catalog", "topicset", "dtd"}  # NewsItemTypes that describe the feed, not the news
PLACE_PARTS = ("City", "CountryArea", "Country", "WorldRegion")
# IPTC Subject Codes name only the top level in a few words; deeper codes stay as codes.
TOP_SUBJECTS = dict(enumerate([
    "arts, culture and entertainment", "crime, law and justice", "disaster and accident",
    "economy, business and finance", "education", "environmental issue", "health", "human interest",
    "labour", "lifestyle and leisure", "politics", "religion and belief", "science and technology",
    "social issue", "sport", "unrest, conflicts and war", "weather",
], start=1))  # fmt: skip


class NewsML1Format(Format):
    name = "newsml1"
    label = "IPTC NewsML 1.2"

    def sniff(self, data: bytes) -> bool:
        return root_name(text_head(data)) == "NewsML"

    def split(self, data: bytes) -> list[etree._Element]:
        root = parse_xml(data, dtd_named=True)  # the DTD is named by habit, never read
        if localname(root) != "NewsML":
            raise DeliveryError(
                f"This is not NewsML 1: the root element is <{localname(root)}>, where <NewsML> was "
                f"expected. NewsML-G2 (newsMessage, newsItem) is a format of its own: check the source's format."
            )
        root = without_namespaces(root)
        return [
            item
            for item in root.iterfind("NewsItem")
            if formal(item, "NewsManagement/NewsItemType").lower() not in NOT_STORIES
        ]

    def read_item(self, item: etree._Element) -> Item:
        agency_id = identity(item)
        if not agency_id:
            raise ItemProblem(
                "no id: NewsIdentifier needs ProviderId, DateId and NewsItemId, or a PublicIdentifier"
            )
        management = item.find("NewsManagement")
        notes: list[str] = []
        pubstatus, embargoed_until = status(management, notes)
        component = item.find("NewsComponent")
        lines = first(component, "NewsLines")
        headline = text_of(find(lines, "HeadLine"))
        if pubstatus == USABLE and component is None:
            raise ItemProblem("the NewsItem carries no NewsComponent (partial Update items are not read)")
        if pubstatus == USABLE and not headline:
            raise ItemProblem("no HeadLine in NewsLines")
        descriptive = first(component, "DescriptiveMetadata")
        body, nitf = main_text(component)
        groups = media_groups(component)
        if nitf is not None:
            groups += [
                (picture, renditions) for picture, renditions in pictures(nitf.find("body/body.content"))
            ]
        kind = TEXT if body or not groups else groups[0][0].kind
        lead = groups[0][0] if groups and kind != TEXT else None
        revision = item.find("Identification/NewsIdentifier/RevisionId")
        subject_list = subjects(descriptive)
        keywords = [text_of(k) for k in lines.iterfind("KeywordLine")] if lines is not None else []
        keywords += [squeeze(p.get("Value") or "") for p in descriptive.iterfind("Property")
                     if (p.get("FormalName") or "").lower() == "keyword"] if descriptive is not None else []  # fmt: skip
        return Item(
            agency_id=agency_id,
            headline=headline,
            body_html=body,
            version=number(text_of(revision)),
            version_created=created_at(
                text_of(find(management, "ThisRevisionCreated")) or None, "ThisRevisionCreated", notes
            ),
            first_created=created_at(
                text_of(find(management, "FirstCreated")) or None, "FirstCreated", notes
            ),
            summary=(
                text_of(find(nitf, "body/body.head/abstract"))
                or text_of(find(lines, "SubHeadLine"))
                or (lead.caption if lead else "")
            ),  # fmt: skip
            byline=by_removed(text_of(find(lines, "ByLine"))) or (lead.byline if lead else ""),
            pubstatus=pubstatus,
            embargoed_until=embargoed_until,
            signals=signals(management, revision),
            editorial_note="\n".join(editorial_notes(lines)),
            language=formal(descriptive, "Language")
            or (component.get(XML_LANG, "") if component is not None else "")
            or (language(nitf) if nitf is not None else ""),
            urgency=urgency(formal(management, "Urgency"))
            or urgency(formal(item.getparent(), "NewsEnvelope/Priority")),
            keywords=list(
                dict.fromkeys(
                    filter(
                        None,
                        [
                            *(
                                s.name
                                for s in subject_list
                                if s.scheme == SUBJECT_SCHEME and s.name != s.code
                            ),
                            *keywords,
                        ],
                    )
                )
            ),
            credit=text_of(find(lines, "CreditLine")) or (lead.credit if lead else ""),
            usage_terms=usage(first(component, "RightsMetadata")),
            copyright=copyright_line(lines, first(component, "RightsMetadata")),
            kind=kind,
            pictures=[picture for picture, _ in groups],
            renditions=groups[0][1] if lead else [],
            dateline=text_of(find(lines, "DateLine")),
            slugline=text_of(find(lines, "SlugLine")),
            places=places(descriptive),
            subjects=subject_list,
            notes=notes,
        )

    def describe(self, item: etree._Element) -> tuple[str, str, str]:
        headline = text_of(first(item.find("NewsComponent"), "NewsLines/HeadLine"))
        return identity(item), headline, excerpt(etree.tostring(item, encoding="unicode"))


def find(parent: etree._Element | None, path: str) -> etree._Element | None:
    return parent.find(path) if parent is not None else None


def first(component: etree._Element | None, path: str) -> etree._Element | None:
    """Return the component's own element at `path`, else the first in a nested component."""
    found = find(component, path)
    return found if found is not None or component is None else next(component.iterfind(f".//{path}"), None)


def formal(parent: etree._Element | None, path: str) -> str:
    found = find(parent, path)
    return squeeze(found.get("FormalName") or "") if found is not None else ""


def name_of(element: etree._Element) -> str:
    return squeeze(element.get("FormalName") or "")


def role(component: etree._Element) -> str:
    return formal(component, "Role").lower()


def identity(item: etree._Element) -> str:
    ident = item.find("Identification/NewsIdentifier")
    parts = [text_of(find(ident, name)) for name in ("ProviderId", "DateId", "NewsItemId")]
    if all(parts):
        return "urn:newsml:" + ":".join(parts)
    public = text_of(find(ident, "PublicIdentifier"))
    return re.sub(r":\d+[A-Z]?$", "", public)  # the revision, which every version has of its own


def status(management: etree._Element | None, notes: list[str]):
    declared = formal(management, "Status").lower()
    future, when = (
        formal(management, "StatusWillChange/FutureStatus").lower(),
        text_of(find(management, "StatusWillChange/DateAndTime")),
    )
    embargoed = declared == "embargoed" or (declared == "withheld" and future == "usable")
    pubstatus = read_pubstatus("" if embargoed else declared, "Status")
    if not embargoed:
        return pubstatus, None
    if not when:
        notes.append(
            "embargoed with no release time (StatusWillChange); held as withheld until the agency sends one"
        )
        return WITHHELD, None
    return USABLE, parse_when(when, "StatusWillChange/DateAndTime")


def signals(management: etree._Element | None, revision: etree._Element | None) -> set[str]:
    found = (
        read_signals(name_of(i) for i in management.iterfind("Instruction"))
        if management is not None
        else set()
    )
    if any(
        name_of(i).lower() == "rectify"
        for i in (management.iterfind("Instruction") if management is not None else [])
    ):
        found.add(CORRECTION)
    if revision is not None and (
        (number(revision.get("PreviousRevision")) or 0) > 0 or revision.get("Update") in ("A", "U")
    ):
        found.add(UPDATE)
    return found


def editorial_notes(lines: etree._Element | None) -> list[str]:
    found = []
    for line in lines.iterfind("NewsLine") if lines is not None else []:
        if re.search(r"(?i)note|advisory|editor", formal(line, "NewsLineType")) and text_of(
            line.find("NewsLineText")
        ):
            found.append(text_of(line.find("NewsLineText")))
    return found


def subjects(descriptive: etree._Element | None) -> list[Subject]:
    found = []
    for code in descriptive.iterfind("SubjectCode/*") if descriptive is not None else []:
        if value := squeeze(code.get("FormalName") or ""):
            top = TOP_SUBJECTS.get(int(value[:2])) if re.fullmatch(r"\d{2}000000", value) else None
            found.append(Subject(name=top or value, code=value, scheme=SUBJECT_SCHEME))
    for genre in descriptive.iterfind("Genre") if descriptive is not None else []:
        if value := squeeze(genre.get("FormalName") or ""):
            found.append(Subject(name=value, scheme="genre"))
    return found


def places(descriptive: etree._Element | None) -> list[str]:
    found = []
    for location in descriptive.iterfind("Location") if descriptive is not None else []:
        values = {
            squeeze(p.get("FormalName") or ""): squeeze(p.get("Value") or "")
            for p in location.iterfind("Property")
        }
        found += [values[part] for part in PLACE_PARTS if values.get(part)]
    return list(dict.fromkeys(found))


def usage(rights: etree._Element | None) -> str:
    found = []
    for terms in rights.iterfind("UsageRights") if rights is not None else []:
        found += [text_of(terms.find(name)) for name in ("UsageType", "Geography", "Limitations")]
    return " ".join(term for term in found if term)


def copyright_line(lines: etree._Element | None, rights: etree._Element | None) -> str:
    if line := text_of(find(lines, "CopyrightLine")):
        return line
    holder, year = (
        text_of(find(rights, "Copyright/CopyrightHolder")),
        text_of(find(rights, "Copyright/CopyrightDate")),
    )
    return f"Copyright {year} {holder}".replace("  ", " ") if holder else ""


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
        content = find(nitf, "body/body.content") if nitf is not None else data.find(".//body.content")
        if content is not None:
            return body_html(content, find(nitf, "body/body.end/tagline")), nitf
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
