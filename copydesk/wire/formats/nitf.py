"""IPTC NITF 3.x deliveries: one `nitf` document, or a wrapper holding several.

The story's identity is `docdata/doc-id@id-string` (else the `nitf@uno` attribute). Its status is
`docdata@management-status` (usable, embargoed, withheld, canceled), or a kill named by `ed-msg`.

Embargo: NITF defines `date.release` as the time the document may be released. Agencies fill it
with the issue time as often as with a real embargo, so it holds the story only when something
says it is held: `management-status="embargoed"`, an `ed-msg` of type or wording "embargo", or a
release time later than `date.issue` (a document issued now for release later is an embargo,
whatever the status says). An embargo with no release time is held as withheld, with a note.
"""

import re
from copy import deepcopy

from lxml import etree

from ..items import (
    AUDIO,
    CANCELED,
    CORRECTION,
    EMBARGO,
    KILL,
    PICTURE,
    TEXT,
    USABLE,
    VIDEO,
    WITHHELD,
    DeliveryError,
    Item,
    Subject,
)
from .base import Format, ItemProblem, created_at, excerpt, parse_when, read_pubstatus, root_name, text_head
from .base import version_number as number
from .nitf_body import body_html, notes_to_editors, pictures, remove, squeeze, text_of
from .safe_xml import localname, parse_xml, without_namespaces

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SUBJECT_SCHEME = "iptc-subjectcode"
NEWSML_ROOTS = {"NewsML": "IPTC NewsML 1.2", "newsMessage": "IPTC NewsML-G2", "newsItem": "IPTC NewsML-G2"}
# Roots of the formats that may carry NITF inside them: theirs, not ours.
OTHER_ROOTS = {"NewsML", "newsMessage", "newsItem", "rss", "feed", "RDF", "html"}
EMBARGO_NOTE = re.compile(r"^\W*embargo(ed)?\b(?!\W*(lifted|off|none)\b)", re.IGNORECASE)
KILL_NOTE = re.compile(r"^\W*(mandatory\s+)?(kill|withdraw)", re.IGNORECASE)
# Place names in identified-content, the most specific first.
PLACE_PARTS = ("sublocation", "city", "state", "region", "country")


def by_removed(byline: str) -> str:
    """Return a byline without one leading "By": the article page writes its own."""
    return re.sub(r"^by\s+", "", squeeze(byline), count=1, flags=re.IGNORECASE)


def bylines(nitf: etree._Element) -> str:
    return " and ".join(
        filter(None, (by_removed(text_of(b)) for b in nitf.iterfind("body/body.head/byline")))
    )


class NITFFormat(Format):
    name = "nitf"
    label = "IPTC NITF"
    expresses = frozenset({TEXT, PICTURE, VIDEO, AUDIO, CORRECTION, KILL, EMBARGO})

    def sniff(self, data: bytes) -> bool:
        head = text_head(data)
        root = root_name(head)
        return root == "nitf" or (
            bool(root) and root not in OTHER_ROOTS and bool(re.search(r"<(\w+:)?nitf[\s>]", head))
        )

    def split(self, data: bytes) -> list[etree._Element]:
        root = parse_xml(data, dtd_named=True)  # the DTD is named by habit, never read
        if localname(root) == "nitf":
            return [without_namespaces(root)]
        if localname(root) in NEWSML_ROOTS:
            raise DeliveryError(
                f"This is {NEWSML_ROOTS[localname(root)]}, not NITF, though it may carry NITF inside: "
                f"set the source's format to {NEWSML_ROOTS[localname(root)]}."
            )
        found = [without_namespaces(e) for e in root.iter("{*}nitf")]
        if not found:
            raise DeliveryError(
                f"This is not NITF: the root element is <{localname(root)}> and no <nitf> element was "
                f"found inside it. Check the source's format."
            )
        return found

    def read_item(self, nitf: etree._Element) -> Item:
        head = nitf.find("head")
        docdata = nitf.find("head/docdata")
        agency_id = attribute(docdata, "doc-id", "id-string") or (nitf.get("uno") or "").strip()
        if not agency_id:
            raise ItemProblem("no id: the document has neither docdata/doc-id@id-string nor nitf@uno")
        notes: list[str] = []
        note = squeeze(
            " ".join(filter(None, (attribute(docdata, "ed-msg", "info"), text_of(find(docdata, "ed-msg")))))
        )
        pubstatus, embargoed_until = status(docdata, note, notes)
        headline = text_of(nitf.find("body/body.head/hedline/hl1")) or text_of(find(head, "title"))
        if not headline and pubstatus == USABLE:
            raise ItemProblem("no headline (body.head/hedline/hl1 or head/title)")
        content = nitf.find("body/body.content")
        found = pictures(content)
        # A picture, video or sound with only its caption is an item of that kind, not a story.
        lead = found[0][0] if found and not text_outside_media(content) else None
        edited = [note, attribute(docdata, "correction", "info"), *notes_to_editors(content)]
        issued = attribute(docdata, "date.issue", "norm") or None
        subject_list = subjects(head)
        return Item(
            agency_id=agency_id,
            headline=headline,
            body_html="" if lead else body_html(content, nitf.find("body/body.end/tagline")),
            version=number(attribute(docdata, "du-key", "version")),
            version_created=created_at(issued, "date.issue", notes),
            first_created=created_at(issued, "date.issue", []),
            summary=text_of(nitf.find("body/body.head/abstract"))
            or text_of(nitf.find("body/body.head/hedline/hl2"))  # the subheadline, as a standfirst
            or (lead.caption if lead else ""),
            byline=bylines(nitf),
            pubstatus=pubstatus,
            embargoed_until=embargoed_until,
            signals={CORRECTION} if find(docdata, "correction") is not None else set(),
            editorial_note="\n".join(dict.fromkeys(text for text in edited if text)),
            language=language(nitf),
            urgency=urgency(attribute(docdata, "urgency", "ed-urg")),
            keywords=keywords(docdata, subject_list),
            # A picture's own credit (its media-producer) before the agency that distributes it.
            credit=(lead.credit if lead else "") or text_of(nitf.find("body/body.head/distributor")),
            usage_terms=rights(docdata),
            copyright=copyright_line(docdata),
            kind=lead.kind if lead else TEXT,
            pictures=[picture for picture, _ in found],
            renditions=found[0][1] if lead else [],
            dateline=dateline(nitf),
            slugline=attribute(docdata, "du-key", "key"),
            places=places(docdata),
            subjects=subject_list,
            notes=notes,
        )

    def describe(self, nitf: etree._Element) -> tuple[str, str, str]:
        return (
            attribute(nitf.find("head/docdata"), "doc-id", "id-string"),
            text_of(nitf.find("body/body.head/hedline/hl1")) or text_of(nitf.find("head/title")),
            excerpt(etree.tostring(nitf, encoding="unicode")),
        )


def find(parent: etree._Element | None, path: str) -> etree._Element | None:
    return parent.find(path) if parent is not None else None


def attribute(parent: etree._Element | None, path: str, name: str) -> str:
    found = find(parent, path)
    return squeeze(found.get(name) or "") if found is not None else ""


def status(docdata: etree._Element | None, note: str, notes: list[str]):
    """Return the item's pubstatus and embargo time, as the module's docstring explains."""
    declared = (docdata.get("management-status") or "").strip().lower() if docdata is not None else ""
    embargoed = declared == "embargoed"
    pubstatus = read_pubstatus("" if embargoed else declared, "management-status")
    message_type = attribute(docdata, "ed-msg", "msg-type").lower()
    if message_type in ("kill", "withdrawal") or KILL_NOTE.match(note):
        pubstatus = CANCELED
    embargoed = embargoed or "embargo" in message_type or bool(EMBARGO_NOTE.match(note))
    release = parse_when(attribute(docdata, "date.release", "norm") or None, "date.release")
    issued = parse_when(attribute(docdata, "date.issue", "norm") or None, "date.issue")
    if release is not None and issued is not None and release > issued:
        embargoed = True
    if not embargoed or pubstatus != USABLE:
        return pubstatus, None
    if release is None:
        notes.append(
            "embargoed with no release time (date.release); held as withheld until the agency sends one"
        )
        return WITHHELD, None
    return pubstatus, release


def urgency(value: str) -> int | None:
    found = number(value)
    return found if found is not None and 1 <= found <= 9 else None


def language(nitf: etree._Element) -> str:
    body = nitf.find("body")
    candidates = [nitf.get(XML_LANG), nitf.get("baselang"), nitf.get("lang")]
    if body is not None:
        candidates += [body.get(XML_LANG), body.get("lang")]
    return next((value.strip() for value in candidates if value and value.strip()), "")


def subjects(head: etree._Element | None) -> list[Subject]:
    """Return tobject.subject codes (most specific name), then identified-content's classifiers, people and organisations."""
    found = []
    for subject in head.iterfind("tobject/tobject.subject") if head is not None else []:
        name = next(
            (squeeze(subject.get(f"tobject.subject.{part}") or "") for part in ("detail", "matter", "type")
             if (subject.get(f"tobject.subject.{part}") or "").strip()),
            "",
        )  # fmt: skip
        code = squeeze(subject.get("tobject.subject.refnum") or subject.get("tobject.subject.code") or "")
        if name or code:
            found.append(Subject(name=name or code, code=code, scheme=SUBJECT_SCHEME))
    content = find(head, "docdata/identified-content")
    for classifier in content.iterfind("classifier") if content is not None else []:
        if value := squeeze(classifier.get("value") or text_of(classifier)):
            found.append(Subject(name=value, scheme=squeeze(classifier.get("type") or "classifier")))
    for tag, scheme in (("person", "person"), ("org", "organisation")):
        for element in content.iterfind(tag) if content is not None else []:
            if name := text_of(element) or squeeze(element.get("value") or ""):
                found.append(Subject(name=name, code=squeeze(element.get("idsrc") or ""), scheme=scheme))
    return found


def keywords(docdata: etree._Element | None, subject_list: list[Subject]) -> list[str]:
    """Return the subject codes' names, then key-list's keywords, each once."""
    keys = (
        [squeeze(k.get("key") or "") for k in docdata.iterfind("key-list/keyword")]
        if docdata is not None
        else []
    )
    names = [s.name for s in subject_list if s.scheme == SUBJECT_SCHEME]
    return list(dict.fromkeys(filter(None, [*names, *keys])))


def places(docdata: etree._Element | None) -> list[str]:
    content = find(docdata, "identified-content")
    found = []
    for location in content.iterfind("location") if content is not None else []:
        parts = [text_of(location.find(part)) for part in PLACE_PARTS]
        found += [part for part in parts if part] or ([text_of(location)] if text_of(location) else [])
    return list(dict.fromkeys(found))


def rights(docdata: etree._Element | None) -> str:
    found = find(docdata, "doc.rights")
    if found is None:
        return ""
    terms = [squeeze(found.get("limitations") or "")]
    if geography := squeeze(found.get("geography") or ""):
        terms.append(f"Territory: {geography}.")
    if until := squeeze(found.get("enddate") or ""):
        terms.append(f"Until {until}.")
    return " ".join(term for term in terms if term)


def copyright_line(docdata: etree._Element | None) -> str:
    holder, year = attribute(docdata, "doc.copyright", "holder"), attribute(docdata, "doc.copyright", "year")
    return f"Copyright {year} {holder}".replace("  ", " ").strip() if holder else ""


def dateline(nitf: etree._Element) -> str:
    """Return body.head's dateline, else the first dateline a block in the body carries."""
    found = nitf.find("body/body.head/dateline")
    if found is None:
        found = next(nitf.iterfind("body/body.content//dateline"), None)
    return text_of(found)


def text_outside_media(content: etree._Element | None) -> bool:
    """Say whether the body has words of its own, beyond its media and their captions."""
    if content is None:
        return False
    copy = deepcopy(content)
    for element in list(copy.iter("media")):
        remove(element)
    return bool(text_of(copy))
