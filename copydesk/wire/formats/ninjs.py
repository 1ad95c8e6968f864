"""IPTC ninjs deliveries: 1.x (flat `headline`, `body_html`, `byline`, objects keyed by name),
2.x (`headlines[]`, `bodies[]`, `by`, lists) and 3.x (2.x spelt in camelCase, `embargoedUntil`).

A delivery may be one item, a list of items or {"items": [...]}. The version is told per item
(ninjs_schema.major), so a list may mix them; each item is checked against its IPTC schema first,
then read with its keys lower-cased. Standard ninjs has no `guid`, `signals`, `evolvedfrom`,
`creditline`, `keywords` or `dateline`; they are read when present because Superdesk and others
send them.
"""

import functools
import re
from typing import Any

import lxml.html

from copydesk.newsroom.bylines import without_by

from ..items import (
    AUDIO,
    CORRECTION,
    EMBARGO,
    KILL,
    MEDIA_KINDS,
    PACKAGE,
    PICTURE,
    TEXT,
    USABLE,
    VIDEO,
    DeliveryError,
    Item,
    Subject,
)
from . import ninjs_media as media
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
from .ninjs_schema import check, major
from .safe_json import list_of, load_json, refuse_broken_text, text_of
from .schemes import scheme_and_code

# Keys that mark a JSON object as ninjs rather than some other JSON.
NINJS_KEYS = {"uri", "guid", "headline", "headlines", "body_html", "bodies", "versioncreated", "pubstatus"}
ALT_ROLES = ("alt", "alttext", "alt-text", "alt_text", "alternative", "accessibility")


class NinjsFormat(Format):
    name = "ninjs"
    label = "IPTC ninjs"
    expresses = frozenset({TEXT, PICTURE, VIDEO, AUDIO, PACKAGE, CORRECTION, KILL, EMBARGO})

    def sniff(self, data: bytes) -> bool:
        head = text_head(data)
        return (
            head[:1] in ("{", "[")
            and "jsonfeed.org/version/" not in head
            and bool(
                re.search(r'"(uri|guid|headlines?|body_html|bodies|versionCreated|versioncreated)"\s*:', head)
            )
        )

    def split(self, data: bytes) -> list[Any]:
        document = load_json(data)
        if isinstance(document, list):
            return document
        if not isinstance(document, dict):
            raise DeliveryError(
                'This is not ninjs: a delivery is an item, a list of items or {"items": [...]}.'
            )
        if "jsonfeed.org/version/" in str(document.get("version", "")):
            raise DeliveryError("This is a JSON Feed, not ninjs. Set the source's format to jsonfeed.")
        if isinstance(document.get("items"), list) and not NINJS_KEYS & {
            str(key).lower() for key in document
        }:
            return document["items"]
        if not NINJS_KEYS & {str(key).lower() for key in document}:
            raise DeliveryError(f"This is not ninjs: it has none of {', '.join(sorted(NINJS_KEYS))}.")
        return [document]

    def read_item(self, raw: Any) -> Item:
        if not isinstance(raw, dict):
            raise ItemProblem("an item should be an object")
        refuse_broken_text(raw)
        version = major(raw)
        check(raw, version)
        item = lowercase(raw)
        agency_id = text_of(item.get("uri") or item.get("guid"), "uri")
        if not agency_id:
            raise ItemProblem("no uri (or guid)")
        kind = media.kind(item)
        summary = describe(item, version, "summary", "abstract", "description", "caption")
        headline = headline_of(item, version)
        if not headline and kind != TEXT:  # a picture or a package may have no headline of its own
            headline = (
                text_of(item.get("title"), "title") or text_of(item.get("slugline"), "slugline") or summary
            )
        pubstatus = read_pubstatus(item.get("pubstatus"))
        # A kill or a hold must get through without a headline: rejected, it would leave the story up.
        if not headline and pubstatus == USABLE:
            raise ItemProblem("no headline")
        notes: list[str] = []
        holder = text_of(item.get("copyrightholder"), "copyrightholder")
        return Item(
            agency_id=agency_id,
            headline=headline,
            body_html=body(item, version),
            version=version_number(item.get("version")),
            version_created=created_at(item.get("versioncreated"), "versioncreated", notes),
            first_created=created_at(item.get("firstcreated"), "firstcreated", notes),
            summary=summary,
            byline=without_by(text_of(item.get("by") or item.get("byline"), "by")),
            pubstatus=pubstatus,
            # An embargo that cannot be read rejects the item: read as "no embargo", it would
            # publish the story early.
            embargoed_until=parse_when(item.get("embargoed") or item.get("embargoeduntil"), "embargoed"),
            signals=read_signals(signal_words(item.get("signals") or item.get("signal"))),
            editorial_note=text_of(item.get("ednote"), "ednote"),
            language=text_of(item.get("language"), "language"),
            # Superdesk sends `priority` (1 to 6) where ninjs has `urgency`.
            urgency=urgency(item.get("urgency") if item.get("urgency") is not None else item.get("priority")),
            keywords=keywords(item),
            credit=text_of(item.get("creditline"), "creditline") or info_source(item),
            usage_terms=text_of(item.get("usageterms"), "usageterms") or linked_rights(item),
            copyright=text_of(item.get("copyrightnotice"), "copyrightnotice") or holder,
            kind=kind,
            pictures=pictures(item, kind, version),
            renditions=media.renditions(item) if kind in MEDIA_KINDS else [],
            members=media.members(item) if kind == PACKAGE else [],
            dateline=dateline(item.get("dateline")),
            slugline=text_of(item.get("slugline"), "slugline"),
            places=places(item),
            subjects=subjects(item),
            evolved_from=text_of(item.get("evolvedfrom"), "evolvedfrom"),
            notes=notes,
        )

    def describe(self, raw: Any) -> tuple[str, str, str]:
        if not isinstance(raw, dict):
            return "", "", repr(raw)
        item = lowercase(raw)
        headline = item.get("headline") or next(
            (h.get("value") for h in item.get("headlines") or [] if isinstance(h, dict)), ""
        )
        return str(item.get("uri") or item.get("guid") or ""), str(headline or ""), excerpt(raw)


def lowercase(value: Any) -> Any:
    """Lower-case every key, which turns ninjs 3.x (`versionCreated`, `pubStatus`) into 2.x."""
    if isinstance(value, dict):
        return {str(key).lower(): lowercase(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [lowercase(inner) for inner in value]
    return value


def role_of(entry: dict) -> str:
    return str(entry.get("role", "")).strip().lower().rsplit(":", 1)[-1].rsplit("/", 1)[-1]


def pick(entries: Any, field: str, *roles: str, contenttype: str = "", fallback: bool = True) -> str:
    """Return the value of the entry with the first of `roles` (and `contenttype`), else the first
    entry whose role is not an alt text's (unless `fallback` is off)."""
    entries = [entry for entry in list_of(entries, field) if isinstance(entry, dict) and entry.get("value")]
    if contenttype:
        entries = [entry for entry in entries if contenttype in str(entry.get("contenttype", contenttype))]
    for role in roles:
        for entry in entries:
            if role_of(entry) == role:
                return text_of(entry["value"], field)
    others = [entry for entry in entries if role_of(entry) not in ALT_ROLES]
    return text_of(others[0]["value"], field) if others and fallback else ""


def headline_of(item: dict, version: int) -> str:
    if version >= 2 and item.get("headlines") is not None:
        return pick(item.get("headlines"), "headlines", "main")
    return text_of(item.get("headline"), "headline")


def body(item: dict, version: int) -> str:
    if version >= 2 and item.get("bodies") is not None:
        html = pick(item.get("bodies"), "bodies", "main", contenttype="html")
        return html or paragraphs(pick(item.get("bodies"), "bodies", "main", contenttype="text/plain"))
    html = text_of(item.get("body_html"), "body_html") or text_of(item.get("body_xhtml"), "body_xhtml")
    return html or paragraphs(text_of(item.get("body_text"), "body_text"))


def describe(item: dict, version: int, *roles: str, fallback: bool = True) -> str:
    """Return a description as plain text: 2.x and 3.x by role, 1.x from `description_text` or _html."""
    if version >= 2 and item.get("descriptions") is not None:
        entries = item.get("descriptions")
        text = pick(entries, "descriptions", *roles, contenttype="text/plain", fallback=fallback)
        html = "" if text else pick(entries, "descriptions", *roles, fallback=fallback)
    else:
        keys = ["description_text"] if fallback else [f"description_{role}" for role in roles]
        text = next((text_of(item[key], key) for key in keys if item.get(key) is not None), "")
        html = "" if text or not fallback else text_of(item.get("description_html"), "description_html")
    return lxml.html.fragment_fromstring(html, create_parent="div").text_content().strip() if html else text


def caption_and_alt(association: dict, version: int) -> tuple[str, str]:
    caption = describe(association, version, "caption", "summary", "description") or headline_of(
        association, version
    )
    alt = describe(association, version, *ALT_ROLES, fallback=False) or text_of(
        association.get("alt_text"), "alt_text"
    )
    return caption, alt


def pictures(item: dict, kind: str, version: int) -> list:
    """A story's pictures; a picture item is its own, so lists and the desk can show it."""
    describe = functools.partial(caption_and_alt, version=version)
    if kind == TEXT:
        return media.pictures(item, describe)
    own = media.as_picture(item, describe) if kind in media.PICTURES else None
    return [own] if own else []


def signal_words(signals: Any) -> list[str]:
    """Collect the words of signals given as strings or as objects with uri, name, code or qcode."""
    if signals is None:
        return []
    signals = signals if isinstance(signals, list) else [signals]
    words = []
    for signal in signals:
        if isinstance(signal, dict):
            words += [str(signal.get(key, "")) for key in ("uri", "name", "code", "qcode", "literal")]
        else:
            words.append(str(signal))
    return words


def urgency(value: Any) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    number = version_number(value)
    return number if number is not None and 1 <= number <= 9 else None


def named(item: dict, *fields: str) -> list[dict]:
    """The objects of the first of `fields` present (1.x `subject`, 2.x `subjects` ...)."""
    for field in fields:
        if item.get(field) is not None:
            return [entry for entry in list_of(item[field], field) if isinstance(entry, dict)]
    return []


def keywords(item: dict) -> list[str]:
    """Subject names (1.x `subject`, 2.x `subjects`) then free keywords, each once, in order."""
    words = [text_of(subject.get("name"), "subjects") for subject in named(item, "subjects", "subject")]
    words += [text_of(word, "keywords") for word in list_of(item.get("keywords"), "keywords")]
    return list(dict.fromkeys(word for word in words if word))


def subjects(item: dict) -> list[Subject]:
    """Subjects, organisations, people and genres with their codes; uncoded ones say what they are."""
    found = []
    for fields, what in ((("subjects", "subject"), ""), (("organisations", "organisation"), "organisation")):
        found += [coded(entry, what) for entry in named(item, *fields)]
    found += [coded(entry, "person") for entry in named(item, "people", "person")]
    found += [coded(entry, "genre") for entry in named(item, "genres", "genre")]
    found += [Subject(name=word, scheme="keyword") for word in keywords_only(item)]
    return [subject for subject in found if subject.name or subject.code]


def keywords_only(item: dict) -> list[str]:
    return [
        word for word in (text_of(w, "keywords") for w in list_of(item.get("keywords"), "keywords")) if word
    ]


def coded(entry: dict, what: str) -> Subject:
    """Read a 2.x/3.x concept (`uri` or `literal`) or a 1.x one (`scheme` and `code`)."""
    name = text_of(entry.get("name"), "name")
    uri = text_of(entry.get("uri"), "uri")
    if uri:
        scheme, code = scheme_and_code(uri)
        return Subject(name=name or code, code=code, scheme=scheme)
    code = text_of(entry.get("code") or entry.get("literal"), "code")
    scheme = text_of(entry.get("scheme"), "scheme")
    if scheme and code:
        scheme, code = scheme_and_code(scheme.rstrip("/") + "/" + code)
    return Subject(name=name or code, code=code, scheme=scheme or what)


def places(item: dict) -> list[str]:
    """Where the story comes from (`located`), then the places it is about."""
    found = [text_of(item.get("located"), "located")]
    found += [text_of(place.get("name"), "places") for place in named(item, "places", "place")]
    return list(dict.fromkeys(place for place in found if place))


def info_source(item: dict) -> str:
    sources = named(item, "infosources", "infosource")
    return next((name for name in (text_of(s.get("name"), "infosources") for s in sources) if name), "")


def linked_rights(item: dict) -> str:
    rights = item.get("rightsinfo")
    return text_of(rights.get("linkedrights"), "rightsinfo") if isinstance(rights, dict) else ""


def dateline(value: Any) -> str:
    """Superdesk sends a dateline object with its text; others a string."""
    return text_of(value.get("text") if isinstance(value, dict) else value, "dateline")
