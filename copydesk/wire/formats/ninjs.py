"""IPTC ninjs deliveries: 1.x (flat `headline`, `body_html`), 2.x (`headlines[]`, `bodies[]`, `by`)
and 3.x, which is 2.x spelt in camelCase and is read as such.

A delivery may be one item, a list of items or {"items": [...]}. The version is told per item,
so a list may mix them. Standard ninjs has no `guid`, `signals` or `evolvedfrom`; they are read
when present because Superdesk and others send them.
"""

import re
from typing import Any

import lxml.html

from ..items import USABLE, DeliveryError, ImageRef, Item
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
from .safe_json import list_of, load_json, refuse_broken_text, text_of

# Keys that mark a JSON object as ninjs rather than some other JSON.
NINJS_KEYS = {"uri", "guid", "headline", "headlines", "body_html", "bodies", "versioncreated", "pubstatus"}


class NinjsFormat(Format):
    name = "ninjs"
    label = "IPTC ninjs"

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
        item = lowercase(raw)
        arrays = major(item) >= 2
        agency_id = text_of(item.get("uri") or item.get("guid"), "uri")
        if not agency_id:
            raise ItemProblem("no uri (or guid)")
        headline = (
            pick(item.get("headlines"), "headlines", "main")
            if arrays
            else text_of(item.get("headline"), "headline")
        )
        pubstatus = read_pubstatus(item.get("pubstatus"))
        # A kill or a hold must get through without a headline: rejected, it would leave the story up.
        if not headline and pubstatus == USABLE:
            raise ItemProblem("no headline")
        notes: list[str] = []
        return Item(
            agency_id=agency_id,
            headline=headline,
            body_html=body(item, arrays),
            version=version_number(item.get("version")),
            version_created=created_at(item.get("versioncreated"), "versioncreated", notes),
            first_created=created_at(item.get("firstcreated"), "firstcreated", notes),
            summary=summary(item, arrays),
            byline=text_of(item.get("by") or item.get("byline"), "by"),
            pubstatus=pubstatus,
            # 3.x calls it embargoedUntil. An embargo that cannot be read rejects the item: read as
            # "no embargo", it would publish the story early.
            embargoed_until=parse_when(item.get("embargoed") or item.get("embargoeduntil"), "embargoed"),
            signals=read_signals(signal_words(item.get("signals") or item.get("signal"))),
            editorial_note=text_of(item.get("ednote"), "ednote"),
            language=text_of(item.get("language"), "language"),
            urgency=urgency(item.get("urgency")),
            keywords=keywords(item),
            credit=text_of(item.get("creditline"), "creditline"),
            usage_terms=text_of(item.get("usageterms"), "usageterms"),
            copyright=text_of(item.get("copyrightnotice") or item.get("copyrightholder"), "copyrightnotice"),
            pictures=[p] if (p := picture(item.get("associations"))) else [],
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


def major(item: dict) -> int:
    """Tell ninjs 1.x from 2.x and later, by the declared standard or else by the item's shape."""
    standard = item.get("standard") or item.get("$standard")
    declared = standard.get("version") if isinstance(standard, dict) else None
    declared = declared or item.get("$schema")
    match = re.search(r"(?:^|[^0-9.])([123])\.[0-9]", str(declared or ""))
    if match:
        return int(match[1])
    shaped = any(
        isinstance(item.get(key), list) for key in ("headlines", "bodies", "descriptions", "associations")
    )
    return 2 if shaped else 1


def pick(entries: Any, field: str, *roles: str, contenttype: str = "") -> str:
    """Return the value of the entry with the first of `roles` (and `contenttype`), else the first."""
    if entries is None:
        return ""
    if not isinstance(entries, list):
        raise ItemProblem(f"{field} should be a list")
    entries = [entry for entry in entries if isinstance(entry, dict) and entry.get("value")]
    if contenttype:
        entries = [entry for entry in entries if contenttype in str(entry.get("contenttype", contenttype))]
    for role in roles:
        for entry in entries:
            if str(entry.get("role", "")).lower().rsplit(":", 1)[-1] == role:
                return text_of(entry["value"], field)
    return text_of(entries[0]["value"], field) if entries else ""


def body(item: dict, arrays: bool) -> str:
    if arrays:
        html = pick(item.get("bodies"), "bodies", "main", contenttype="html")
        return html or paragraphs(pick(item.get("bodies"), "bodies", "main", contenttype="text/plain"))
    html = text_of(item.get("body_html"), "body_html") or text_of(item.get("body_xhtml"), "body_xhtml")
    return html or paragraphs(text_of(item.get("body_text"), "body_text"))


def summary(item: dict, arrays: bool) -> str:
    if arrays:
        text = pick(item.get("descriptions"), "descriptions", "summary", "abstract", contenttype="text/plain")
        html = "" if text else pick(item.get("descriptions"), "descriptions", "summary", "abstract")
    else:
        text = text_of(item.get("description_text"), "description_text")
        html = "" if text else text_of(item.get("description_html"), "description_html")
    return lxml.html.fragment_fromstring(html, create_parent="div").text_content().strip() if html else text


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


def keywords(item: dict) -> list[str]:
    """Subject names (1.x `subject`, 2.x `subjects`) then free keywords, each once, in order."""
    subjects = list_of(item.get("subjects") or item.get("subject"), "subjects")
    words = [text_of(subject.get("name"), "subjects") for subject in subjects if isinstance(subject, dict)]
    words += [text_of(word, "keywords") for word in list_of(item.get("keywords"), "keywords")]
    return list(dict.fromkeys(word for word in words if word))


def picture(associations: Any) -> ImageRef | None:
    """Return the first associated picture: 1.x keys associations by name, 2.x lists them."""
    if isinstance(associations, dict):
        associations = list(associations.values())
    for association in associations if isinstance(associations, list) else []:
        if not isinstance(association, dict) or association.get("type") not in ("picture", "graphic"):
            continue
        url = rendition(association.get("renditions"))
        if not url:
            continue
        arrays = major(association) >= 2
        caption = summary(association, arrays)
        return ImageRef(
            url=url,
            caption=caption,
            credit=text_of(
                association.get("creditline")
                or association.get("by")
                or association.get("byline")
                or association.get("copyrightholder"),
                "creditline",
            ),
            alt=text_of(association.get("alt_text"), "alt_text") or caption,
        )
    return None


def rendition(renditions: Any) -> str:
    """Return the href of the widest picture rendition (1.x keys renditions by name, 2.x lists them)."""
    if isinstance(renditions, dict):
        renditions = list(renditions.values())
    best, best_width = "", -1
    for candidate in renditions if isinstance(renditions, list) else []:
        if not isinstance(candidate, dict) or not isinstance(candidate.get("href"), str):
            continue
        kind = str(candidate.get("contenttype") or candidate.get("mimetype") or "image/")
        width = candidate.get("width") if isinstance(candidate.get("width"), int | float) else 0
        if candidate["href"].strip() and kind.startswith("image/") and width > best_width:
            best, best_width = candidate["href"].strip(), width
    return best
