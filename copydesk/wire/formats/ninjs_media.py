"""What a ninjs item is (its `type`), its own files (`renditions`) and what it carries (`associations`).

Keys arrive lower-cased (ninjs.lowercase), so 3.x's `contentType` reads as 2.x's `contenttype`.
1.x keys renditions and associations by name in an object; 2.x and 3.x list them, each with a
`name`. Both keep the agency's order.
"""

import re
from typing import Any

from ..items import AUDIO, GRAPHIC, PICTURE, TEXT, VIDEO, ImageRef, Rendition
from .safe_json import list_of, text_of
from .schemes import NINATURE, WEB_IMAGES

# ninjs `type` (IPTC ninature) → Item.kind. A component is a part of a composite: its content tells.
KINDS = NINATURE
PICTURES = (PICTURE, GRAPHIC)
IMAGE_FILE = r"\.(jpe?g|png|gif|webp|avif)$"


def kind(item: dict) -> str:
    """Map `type` to a kind; without one (or a component), tell by the content: a body is text.

    A composite with a body of its own is a story with its media (as in the ninjs guidelines'
    own example, a press release with its logo and photo), so it is read as text with pictures.
    """
    named = str(item.get("type") or "").strip().lower()
    has_body = bool(item.get("bodies")) or any(str(key).startswith("body_") and item[key] for key in item)
    if named in KINDS and not (named == "composite" and has_body):
        return KINDS[named]
    if has_body:
        return TEXT
    mimes = [rendition.mime for rendition in renditions(item)]
    for prefix, found in (("video/", VIDEO), ("audio/", AUDIO), ("image/", PICTURE)):
        if any(mime.startswith(prefix) for mime in mimes):
            return found
    return TEXT


def named_entries(value: Any, field: str) -> list[tuple[str, dict]]:
    """Return (name, object) pairs of a 1.x object keyed by name or a 2.x/3.x list with `name`s."""
    if value is None:
        return []
    if isinstance(value, dict):
        pairs = list(value.items())
    else:
        pairs = [
            (entry.get("name", "") if isinstance(entry, dict) else "", entry)
            for entry in list_of(value, field)
        ]
    return [(text_of(name, field), entry) for name, entry in pairs if isinstance(entry, dict)]


def renditions(item: dict) -> list[Rendition]:
    """Every file of the item that has an address, in the agency's order."""
    found = []
    for name, entry in named_entries(item.get("renditions"), "renditions"):
        url = text_of(entry.get("href"), "renditions href")
        if url:
            found.append(
                Rendition(
                    url=url,
                    mime=text_of(
                        entry.get("contenttype") or entry.get("mimetype"), "renditions contenttype"
                    ).lower(),
                    width=pixels(entry.get("width")),
                    height=pixels(entry.get("height")),
                    name=name,
                    size=pixels(entry.get("sizeinbytes")),
                    duration=pixels(entry.get("duration")),
                )
            )
    return found


def pixels(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = int(float(value))
    except (ValueError, OverflowError):
        return None
    return number if number > 0 else None


def web_picture(files: list[Rendition]) -> Rendition | None:
    """The largest rendition a web page can show; one with no type given is taken as such."""
    usable = [r for r in files if not r.mime or r.mime in WEB_IMAGES]
    if not usable:
        return None
    return max(usable, key=lambda r: ((r.width or 0) * (r.height or r.width or 0), r.width or 0))


def associations(item: dict) -> list[dict]:
    return [entry for _, entry in named_entries(item.get("associations"), "associations")]


def members(item: dict) -> list[str]:
    """A package's items, by their uri (or guid), in order."""
    ids = [text_of(entry.get("uri") or entry.get("guid"), "associations uri") for entry in associations(item)]
    return [agency_id for agency_id in ids if agency_id]


def pictures(item: dict, describe) -> list[ImageRef]:
    """Every picture and graphic the item carries, in order, each with what must travel with it.

    `describe(association)` returns (caption, alt) as the item's own version reads descriptions.
    """
    found = [as_picture(association, describe) for association in associations(item)]
    return [picture for picture in found if picture is not None]


def as_picture(entry: dict, describe) -> ImageRef | None:
    """A picture or graphic (an association, or a picture item itself) at its largest web rendition."""
    picture_kind = kind(entry)
    best = web_picture(renditions(entry) or linked_file(entry)) if picture_kind in PICTURES else None
    if best is None:
        return None
    caption, alt = describe(entry)
    byline = text_of(entry.get("by") or entry.get("byline"), "by")
    holder = text_of(entry.get("copyrightholder"), "copyrightholder")
    return ImageRef(
        url=best.url,
        caption=caption,
        credit=text_of(entry.get("creditline"), "creditline") or holder or byline,
        alt=alt or caption,
        byline=byline,
        copyright=text_of(entry.get("copyrightnotice"), "copyrightnotice") or holder,
        usage_terms=text_of(entry.get("usageterms"), "usageterms"),
        kind=picture_kind,
        mime=best.mime,
        agency_id=text_of(entry.get("uri") or entry.get("guid"), "uri"),
    )


def linked_file(entry: dict) -> list[Rendition]:
    """An association with no rendition to fetch whose uri is the image file itself."""
    uri = text_of(entry.get("uri"), "uri")
    is_file = re.match(r"https?://", uri, re.IGNORECASE) and re.search(IMAGE_FILE, uri, re.IGNORECASE)
    return [Rendition(url=uri)] if is_file else []
