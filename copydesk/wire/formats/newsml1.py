"""IPTC NewsML 1.x deliveries (root `NewsML`): one item per NewsItem.

A story's identity is its NewsIdentifier without the revision (`urn:newsml:` ProviderId, DateId,
NewsItemId), so that every revision of it is one story; RevisionId is its version. The first text
ContentItem outside a caption is the body (NITF, XHTML or plain text in DataContent). A component
holding media ContentItems (directly or in children whose Role names a size: Preview, Thumbnail,
HighRes ...) is one picture, video or sound, captioned by a child with Role Caption. A text story
carries those as pictures; an item with no text is itself the picture, video or sound. An item
with neither, whose components refer to other NewsItems (NewsItemRef), is a package of them.

Status: Usable, Withheld or Canceled as given. Embargoed, or Withheld with a StatusWillChange to
Usable, is an embargo until StatusWillChange/DateAndTime (withheld, with a note, when none is given).
"""

import re

from lxml import etree

from ..items import (
    AUDIO,
    CORRECTION,
    EMBARGO,
    KILL,
    PACKAGE,
    PICTURE,
    TEXT,
    UPDATE,
    USABLE,
    VIDEO,
    WITHHELD,
    DeliveryError,
    Item,
    Subject,
)
from .base import (
    Format,
    ItemProblem,
    created_at,
    excerpt,
    parse_when,
    read_pubstatus,
    read_signals,
    root_name,
    text_head,
)
from .base import version_number as number
from .newsml1_content import copyright_line, find, formal, main_text, media_groups, name_of
from .nitf import SUBJECT_SCHEME, by_removed, bylines, dateline, language, urgency
from .nitf_body import pictures, squeeze, text_of
from .safe_xml import localname, parse_xml, without_namespaces

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
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
    expresses = frozenset({TEXT, PICTURE, VIDEO, AUDIO, PACKAGE, CORRECTION, KILL, EMBARGO})

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
        if pubstatus == USABLE and component is None:
            raise ItemProblem("the NewsItem carries no NewsComponent (partial Update items are not read)")
        body, nitf = main_text(component)
        # NewsLines come first; a NITF document in the DataContent may fill in what they leave out.
        headline = text_of(find(lines, "HeadLine")) or text_of(find(nitf, "body/body.head/hedline/hl1"))
        if pubstatus == USABLE and not headline:
            raise ItemProblem("no HeadLine in NewsLines")
        descriptive = first(component, "DescriptiveMetadata")
        groups = media_groups(component) + (
            pictures(nitf.find("body/body.content")) if nitf is not None else []
        )
        lead = groups[0][0] if groups and not body else None  # no text: the item is its first medium
        members = package_members(component) if not (body or groups) else []
        revision = item.find("Identification/NewsIdentifier/RevisionId")
        subject_list = subjects(descriptive)
        rights = first(component, "RightsMetadata")
        return Item(
            agency_id=agency_id,
            headline=headline,
            body_html=body,
            version=number(text_of(revision)),
            version_created=created_at(when(management, "ThisRevisionCreated"), "ThisRevisionCreated", notes),
            first_created=created_at(when(management, "FirstCreated"), "FirstCreated", notes),
            summary=text_of(find(nitf, "body/body.head/abstract"))
            or text_of(find(lines, "SubHeadLine"))
            or (lead.caption if lead else ""),
            byline=by_removed(text_of(find(lines, "ByLine")))
            or (bylines(nitf) if nitf is not None else "")
            or (lead.byline if lead else ""),
            pubstatus=pubstatus,
            embargoed_until=embargoed_until,
            signals=signals(management, revision),
            editorial_note="\n".join(editorial_notes(lines)),
            language=formal(descriptive, "Language")
            or (component.get(XML_LANG, "") if component is not None else "")
            or (language(nitf) if nitf is not None else ""),
            urgency=urgency(formal(management, "Urgency"))
            or urgency(formal(item.getparent(), "NewsEnvelope/Priority")),
            keywords=keywords(lines, descriptive, subject_list),
            credit=text_of(find(lines, "CreditLine")) or (lead.credit if lead else ""),
            usage_terms=usage(rights),
            copyright=copyright_line(lines, rights),
            kind=lead.kind if lead else PACKAGE if members else TEXT,
            pictures=[picture for picture, _ in groups],
            renditions=groups[0][1] if lead else [],
            members=members,
            dateline=text_of(find(lines, "DateLine")) or (dateline(nitf) if nitf is not None else ""),
            slugline=text_of(find(lines, "SlugLine")),
            places=places(descriptive),
            subjects=subject_list,
            notes=notes,
        )

    def describe(self, item: etree._Element) -> tuple[str, str, str]:
        headline = text_of(first(item.find("NewsComponent"), "NewsLines/HeadLine"))
        return identity(item), headline, excerpt(etree.tostring(item, encoding="unicode"))


def first(component: etree._Element | None, path: str) -> etree._Element | None:
    """Return the component's own element at `path`, else the first in a nested component."""
    found = find(component, path)
    return found if found is not None or component is None else next(component.iterfind(f".//{path}"), None)


def when(management: etree._Element | None, name: str) -> str | None:
    return text_of(find(management, name)) or None


def identity(item: etree._Element) -> str:
    ident = item.find("Identification/NewsIdentifier")
    parts = [text_of(find(ident, name)) for name in ("ProviderId", "DateId", "NewsItemId")]
    if all(parts):
        return "urn:newsml:" + ":".join(parts)
    return without_revision(text_of(find(ident, "PublicIdentifier")))


def without_revision(public: str) -> str:
    """urn:newsml:ProviderId:DateId:NewsItemId:RevisionId(Update): the revision is each version's own."""
    return re.sub(r"^(urn:newsml:[^:]+:[^:]+:[^:]+):\d+[NAU]?$", r"\1", public, flags=re.IGNORECASE)


def package_members(component: etree._Element | None) -> list[str]:
    """The items a package refers to (its NewsItemRefs), in order, by their identity without revision."""
    refs = component.iter("NewsItemRef") if component is not None else []
    found = [without_revision(squeeze(ref.get("NewsItem") or "")) for ref in refs]
    return list(dict.fromkeys(ref for ref in found if ref))


def status(management: etree._Element | None, notes: list[str]):
    """Return the item's pubstatus and embargo time, as the module's docstring explains."""
    declared = formal(management, "Status").lower()
    future = formal(management, "StatusWillChange/FutureStatus").lower()
    change_at = text_of(find(management, "StatusWillChange/DateAndTime"))
    embargoed = declared == "embargoed" or (declared == "withheld" and future == "usable")
    pubstatus = read_pubstatus("" if embargoed else declared, "Status")
    if not embargoed:
        return pubstatus, None
    if not change_at:
        notes.append(
            "embargoed with no release time (StatusWillChange); held as withheld until the agency sends one"
        )
        return WITHHELD, None
    return USABLE, parse_when(change_at, "StatusWillChange/DateAndTime")


def signals(management: etree._Element | None, revision: etree._Element | None) -> set[str]:
    """Read Instruction (Correction, Update, Rectify) and RevisionId's PreviousRevision and Update."""
    instructions = [name_of(i) for i in management.iterfind("Instruction")] if management is not None else []
    found = read_signals(instructions)
    if any(name.lower() == "rectify" for name in instructions):
        found.add(CORRECTION)
    if revision is not None and (
        (number(revision.get("PreviousRevision")) or 0) > 0 or revision.get("Update") in ("A", "U")
    ):
        found.add(UPDATE)
    return found


def editorial_notes(lines: etree._Element | None) -> list[str]:
    """Return the text of NewsLines whose type names a note or advisory to editors."""
    found = []
    for line in lines.iterfind("NewsLine") if lines is not None else []:
        if re.search(r"(?i)note|advisory|editor", formal(line, "NewsLineType")):
            found.append(text_of(line.find("NewsLineText")))
    return [text for text in found if text]


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


def keywords(
    lines: etree._Element | None, descriptive: etree._Element | None, subject_list: list[Subject]
) -> list[str]:
    """Return the named subject codes, then KeywordLines, then Keyword properties, each once."""
    found = [s.name for s in subject_list if s.scheme == SUBJECT_SCHEME and s.name != s.code]
    found += [text_of(k) for k in lines.iterfind("KeywordLine")] if lines is not None else []
    for prop in descriptive.iterfind("Property") if descriptive is not None else []:
        if (prop.get("FormalName") or "").lower() == "keyword":
            found.append(squeeze(prop.get("Value") or ""))
    return list(dict.fromkeys(filter(None, found)))


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
