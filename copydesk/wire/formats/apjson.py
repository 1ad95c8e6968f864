"""Agency JSON in the shape of the AP Media API: one item {"data": {"item": {...}}} or a feed
{"data": {"items": [{"item": {...}}, ...]}}.

The API links a text story's body (renditions.nitf.href) rather than carrying it. A dropped file
cannot follow that link, so a text item is read only when its body is inline ("body_nitf",
"body_html" or "text"); one whose body is only linked is set aside with that reason. A kill or a
hold needs no body. Pictures, graphics, video and audio become media items with their
renditions; pictures and graphics in a story's associations become its pictures. A "complexdata"
item is a package whose members are its associations' item ids.
"""

import re
from typing import Any

from ..items import (
    AUDIO,
    CORRECTION,
    EMBARGO,
    GRAPHIC,
    KILL,
    PACKAGE,
    PICTURE,
    TEXT,
    USABLE,
    VIDEO,
    DeliveryError,
    ImageRef,
    Item,
    Rendition,
    Subject,
)
from .anpa1312 import PRIORITIES
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
from .safe_xml import inner_html, localname, parse_xml
from .teletype import split_dateline, strip_by

KINDS = {
    "text": TEXT,
    "picture": PICTURE,
    "graphic": GRAPHIC,
    "video": VIDEO,
    "audio": AUDIO,
    "complexdata": PACKAGE,
}


class APJSONFormat(Format):
    name = "apjson"
    label = "AP Media API JSON"
    expresses = frozenset({TEXT, PICTURE, VIDEO, AUDIO, PACKAGE, CORRECTION, KILL, EMBARGO})

    def sniff(self, data: bytes) -> bool:
        head = text_head(data)
        return (
            head[:1] == "{"
            and bool(re.search(r'"data"\s*:\s*\{', head))
            and bool(re.search(r'"(altids|api_version)"\s*:', head))
        )

    def split(self, data: bytes) -> list[Any]:
        document = load_json(data)
        inner = document.get("data") if isinstance(document, dict) else None
        if isinstance(inner, dict) and isinstance(inner.get("item"), dict):
            return [inner["item"]]
        if isinstance(inner, dict) and isinstance(inner.get("items"), list):
            return [
                entry.get("item", entry) if isinstance(entry, dict) else entry for entry in inner["items"]
            ]
        raise DeliveryError(
            'This is not AP Media API JSON: it should be {"data": {"item": {...}}} or '
            '{"data": {"items": [{"item": {...}}]}}. Check the source\'s format.'
        )

    def read_item(self, raw: Any) -> Item:
        if not isinstance(raw, dict):
            raise ItemProblem("an item should be an object")
        refuse_broken_text(raw)
        altids = raw.get("altids") if isinstance(raw.get("altids"), dict) else {}
        agency_id = text_of(altids.get("itemid") or raw.get("uri"), "altids.itemid")
        if not agency_id:
            raise ItemProblem("no altids.itemid (or uri)")
        kind = KINDS.get(text_of(raw.get("type"), "type").lower() or "text")
        if kind is None:
            raise ItemProblem(f"type '{raw.get('type')}' is not one Copydesk knows")
        pubstatus = read_pubstatus(raw.get("pubstatus"))
        headline = text_of(raw.get("headline"), "headline") or text_of(
            raw.get("headline_extended"), "headline_extended"
        )
        caption = text_of(raw.get("description_caption"), "description_caption")
        if kind in (PICTURE, GRAPHIC) and not headline:
            headline = text_of(raw.get("title"), "title") or caption[:120]
        if not headline and pubstatus == USABLE:
            raise ItemProblem("no headline")
        body = inline_body(raw)
        if kind == TEXT and not body and pubstatus == USABLE:
            linked = (
                "renditions.nitf"
                if isinstance(raw.get("renditions"), dict) and "nitf" in raw["renditions"]
                else ""
            )
            raise ItemProblem(
                f"the body is only linked ({linked or 'no body in the item'}); a dropped file cannot fetch it, so "
                "ask for item files with the text inline, or take this agency through its API instead"
            )
        ednote = text_of(raw.get("ednote"), "ednote")
        signals = read_signals(str(s) for s in list_of(raw.get("signals"), "signals"))
        if re.match(r"\W*(?:eds?:\s*)?correct", ednote, re.I):
            signals.add(CORRECTION)
        notes: list[str] = []
        located, body = without_dateline(body)
        return Item(
            agency_id=agency_id,
            headline=headline,
            body_html=body or (paragraphs(caption) if kind in (PICTURE, GRAPHIC, VIDEO, AUDIO) else ""),
            version=version_number(raw.get("version")),
            version_created=created_at(raw.get("versioncreated"), "versioncreated", notes),
            first_created=created_at(raw.get("firstcreated"), "firstcreated", notes),
            summary=text_of(raw.get("description_summary") or raw.get("summary"), "summary") or caption,
            byline=byline(raw, kind),
            pubstatus=pubstatus,
            embargoed_until=parse_when(raw.get("embargoed"), "embargoed"),
            signals=signals,
            editorial_note=ednote,
            language=text_of(raw.get("language"), "language"),
            urgency=urgency(raw),
            keywords=list(dict.fromkeys(s.name for s in subjects(raw))),
            credit=text_of(raw.get("description_creditline"), "description_creditline"),
            usage_terms=joined(raw.get("usageterms"), "usageterms"),
            copyright=text_of(raw.get("copyrightnotice"), "copyrightnotice"),
            kind=kind,
            pictures=pictures(raw.get("associations")),
            renditions=renditions(raw.get("renditions")) if kind != TEXT else [],
            members=members(raw.get("associations")) if kind == PACKAGE else [],
            dateline=dateline(raw) or located,
            places=places(raw),
            subjects=subjects(raw),
            notes=notes,
        )

    def describe(self, raw: Any) -> tuple[str, str, str]:
        if not isinstance(raw, dict):
            return "", "", excerpt(raw)
        altids = raw.get("altids") if isinstance(raw.get("altids"), dict) else {}
        return str(altids.get("itemid") or raw.get("uri") or ""), str(raw.get("headline") or ""), excerpt(raw)


def inline_body(raw: dict) -> str:
    """The body when the item carries it: NITF (body.content), HTML, or plain text as paragraphs."""
    nitf = text_of(raw.get("body_nitf"), "body_nitf")
    if nitf:
        try:
            root = parse_xml(nitf.encode())
        except DeliveryError as error:
            raise ItemProblem(f"body_nitf is not readable NITF: {error}") from None
        content = next((e for e in root.iter() if localname(e) == "body.content"), None)
        return inner_html(content) if content is not None else ""
    html = text_of(raw.get("body_html"), "body_html")
    return html or paragraphs(text_of(raw.get("text") or raw.get("body_text"), "text"))


def without_dateline(body: str) -> tuple[str, str]:
    """Take "EASTBROOK (NWR) — " off the start of the first paragraph: the dateline is shown apart."""
    match = re.match(r"\s*<p>([^<]*)", body)
    found, _, rest = split_dateline(match[1]) if match else ("", "", "")
    return (found, f"<p>{rest}{body[match.end() :]}") if found else ("", body)


def joined(value: Any, field: str) -> str:
    """A text field AP gives either as text or as a list of texts."""
    if isinstance(value, list):
        return "\n".join(text for text in (text_of(v, field) for v in value) if text)
    return text_of(value, field)


def person(value: Any, field: str) -> str:
    """Name and title of a `bylines` entry or `photographer`: "LENA MARSH, Northwind Wire"."""
    if not isinstance(value, dict):
        return strip_by(text_of(value, field))
    name = strip_by(text_of(value.get("by") or value.get("name"), field))
    title = text_of(value.get("title"), field)
    return f"{name}, {title}" if name and title else name or ""


def byline(raw: dict, kind: str) -> str:
    people = [person(entry, "bylines") for entry in list_of(raw.get("bylines"), "bylines")]
    if kind in (PICTURE, GRAPHIC) and raw.get("photographer"):
        people = [person(raw["photographer"], "photographer")]
    return " and ".join(p for p in people if p)


def urgency(raw: dict) -> int | None:
    number = version_number(raw.get("urgency"))
    if number is not None and 1 <= number <= 9:
        return number
    return PRIORITIES.get(text_of(raw.get("editorialpriority"), "editorialpriority").lower())


def subjects(raw: dict) -> list[Subject]:
    found = []
    for entry in list_of(raw.get("subject"), "subject"):
        if isinstance(entry, dict) and text_of(entry.get("name"), "subject"):
            found.append(
                Subject(
                    name=text_of(entry.get("name"), "subject"),
                    code=text_of(entry.get("code"), "subject.code"),
                    scheme=text_of(entry.get("scheme") or entry.get("creator"), "subject.scheme"),
                )
            )
    found += [
        Subject(name=text_of(w, "keywords"), scheme="keyword")
        for w in list_of(raw.get("keywords"), "keywords")
    ]
    return [subject for subject in found if subject.name]


def dateline(raw: dict) -> str:
    located = raw.get("located")
    if isinstance(located, str) and located.strip():
        return located.strip()
    location = raw.get("datelinelocation")
    if isinstance(location, dict):
        parts = [text_of(location.get(key), "datelinelocation") for key in ("city", "countryareacode")]
        return ", ".join(part for part in parts if part)
    return ""


def places(raw: dict) -> list[str]:
    found = []
    location = raw.get("datelinelocation")
    if isinstance(location, dict):
        found += [
            text_of(location.get(key), "datelinelocation")
            for key in ("city", "countryareaname", "countryname")
        ]
    found += [
        text_of(p.get("name"), "place") for p in list_of(raw.get("place"), "place") if isinstance(p, dict)
    ]
    return list(dict.fromkeys(place for place in found if place))


def renditions(value: Any) -> list[Rendition]:
    """Every file a media item offers, by AP's name for it ("main", "preview", "thumbnail")."""
    found = []
    for name, entry in value.items() if isinstance(value, dict) else []:
        if isinstance(entry, dict) and isinstance(entry.get("href"), str) and entry["href"].strip():
            found.append(
                Rendition(
                    url=entry["href"].strip(),
                    mime=text_of(entry.get("mimetype") or entry.get("contentType"), "mimetype"),
                    width=dimension(entry.get("width")),
                    height=dimension(entry.get("height")),
                    name=str(name),
                )
            )
    return found


def dimension(value: Any) -> int | None:
    return (
        int(value)
        if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 1e6
        else None
    )


def in_order(associations: Any) -> list:
    """A story's or package's associations in AP's order: keyed "1", "2" ... (or already a list)."""
    if isinstance(associations, dict):
        ordered = sorted(
            associations.items(),
            key=lambda pair: (not str(pair[0]).isdigit(), len(str(pair[0])), str(pair[0])),
        )
        return [value for _, value in ordered]
    return associations if isinstance(associations, list) else []


def members(associations: Any) -> list[str]:
    """A package's items (a "complexdata" item), by their item ids, in AP's order."""
    found = []
    for entry in in_order(associations):
        altids = entry.get("altids") if isinstance(entry, dict) else None
        if isinstance(altids, dict) and (
            itemid := text_of(altids.get("itemid"), "associations altids.itemid")
        ):
            found.append(itemid)
    return list(dict.fromkeys(found))


def pictures(associations: Any) -> list[ImageRef]:
    """The pictures and graphics a story links to, in AP's order ("1", "2" ...), each with its main rendition."""
    found = []
    for entry in in_order(associations):
        if not isinstance(entry, dict) or entry.get("type") not in ("picture", "graphic"):
            continue
        files = [r for r in renditions(entry.get("renditions")) if r.mime.startswith("image/") or not r.mime]
        main = next((r for r in files if r.name == "main"), None) or max(
            files, key=lambda r: r.width or 0, default=None
        )
        if main is None:
            continue
        altids = entry.get("altids") if isinstance(entry.get("altids"), dict) else {}
        caption = text_of(entry.get("description_caption"), "description_caption") or text_of(
            entry.get("headline"), "headline"
        )
        found.append(
            ImageRef(
                url=main.url,
                caption=caption,
                credit=text_of(entry.get("description_creditline"), "description_creditline"),
                alt=caption,
                byline=byline(entry, PICTURE),
                copyright=text_of(entry.get("copyrightnotice"), "copyrightnotice"),
                usage_terms=joined(entry.get("usageterms"), "usageterms"),
                kind=GRAPHIC if entry["type"] == "graphic" else PICTURE,
                mime=main.mime,
                agency_id=text_of(altids.get("itemid"), "altids.itemid"),
            )
        )
    return found
