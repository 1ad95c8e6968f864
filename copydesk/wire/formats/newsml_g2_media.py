"""NewsML-G2 pictures, renditions and packages, and what a newsMessage tells about its items.

A text newsItem's pictures are, in this order: the picture items its itemMeta links point at, the
pictures a packageItem groups with it (picture newsItems in the same message, or itemRefs with an
image href), images in its own contentSet, and its contentMeta icon when nothing else was found.
A message with no package and no links, one text item and some picture items is a story with its
pictures: they all go with it. With several text items and nothing to say which is whose, none do.
"""

from dataclasses import dataclass, field

from lxml import etree

from copydesk.newsroom.bylines import without_by

from ..items import CONCEPT, GRAPHIC, PACKAGE, PICTURE, TEXT, ImageRef, Rendition
from .base import version_number
from .safe_xml import localname
from .schemes import NINATURE, WEB_IMAGES

G2 = "http://iptc.org/std/nar/2006-10-01/"
NS = {"g2": G2}
KINDS = NINATURE
ALT_ROLES = ("alt", "alttext", "alternative", "alternativetext")


def first_text(parent: etree._Element | None, path: str) -> str:
    found = parent.find(path, NS) if parent is not None else None
    return "".join(found.itertext()).strip() if found is not None else ""


def kind(element: etree._Element) -> str:
    """packageItem → PACKAGE, conceptItem → CONCEPT, a newsItem by its itemClass (ninat:picture)."""
    name = localname(element)
    if name == "packageItem":
        return PACKAGE
    if name == "conceptItem":
        return CONCEPT
    found = element.find("g2:itemMeta/g2:itemClass", NS)
    code = (found.get("qcode") or found.get("uri") or "") if found is not None else ""
    word = code.strip().lower().rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return KINDS.get(word, TEXT)


def renditions(element: etree._Element) -> list[Rendition]:
    """Every remoteContent of the item that has an address, in order."""
    found = []
    for remote in element.findall("g2:contentSet/g2:remoteContent", NS):
        url = (remote.get("href") or "").strip()
        if url:
            found.append(
                Rendition(
                    url=url,
                    mime=(remote.get("contenttype") or "").strip().lower(),
                    width=version_number(remote.get("width")) or None,
                    height=version_number(remote.get("height")) or None,
                    name=(remote.get("rendition") or "").rsplit(":", 1)[-1],
                    size=version_number(remote.get("size")) or None,
                    duration=version_number(remote.get("duration")) or None,
                )
            )
    return found


def web_picture(files: list[Rendition]) -> Rendition | None:
    """The largest rendition a web page can show; one with no content type given is taken as such."""
    usable = [r for r in files if r.mime in WEB_IMAGES or (not r.mime and r.url)]
    if not usable:
        return None
    return max(usable, key=lambda r: ((r.width or 0) * (r.height or r.width or 0), r.width or 0))


def description(content: etree._Element | None, *roles: str, fallback: bool = True) -> str:
    """The description with the first of `roles` (drol:caption ...), else one with no role."""
    found = content.findall("g2:description", NS) if content is not None else []
    by_role = {
        (d.get("role") or "").rsplit(":", 1)[-1].lower(): "".join(d.itertext()).strip()
        for d in reversed(found)
    }
    return next((by_role[role] for role in (*roles, *([""] if fallback else [])) if by_role.get(role)), "")


def picture_of(element: etree._Element) -> ImageRef | None:
    """A picture or graphic newsItem as a picture a story can carry: its largest web rendition."""
    best = web_picture(renditions(element))
    if best is None:
        return None
    content = element.find("g2:contentMeta", NS)
    rights = element.find("g2:rightsInfo", NS)
    caption = description(content, "caption", "summary") or first_text(content, "g2:headline")
    holder = first_text(rights, "g2:copyrightHolder/g2:name") or (
        rights.find("g2:copyrightHolder", NS).get("literal", "")
        if rights is not None and rights.find("g2:copyrightHolder", NS) is not None
        else ""
    )
    byline = without_by(first_text(content, "g2:by"))
    return ImageRef(
        url=best.url,
        caption=caption,
        credit=first_text(content, "g2:creditline") or holder or byline,
        alt=description(content, *ALT_ROLES, fallback=False) or caption,
        byline=byline,
        copyright=first_text(rights, "g2:copyrightNotice") or holder,
        usage_terms=first_text(rights, "g2:usageTerms"),
        kind=GRAPHIC if kind(element) == GRAPHIC else PICTURE,
        mime=best.mime,
        agency_id=(element.get("guid") or "").strip(),
    )


def reference_picture(ref: etree._Element) -> ImageRef | None:
    """An itemRef or link to a picture outside the message, when it names an image file."""
    href = (ref.get("href") or "").strip()
    mime = (ref.get("contenttype") or "").strip().lower()
    item_class = ref.find("g2:itemClass", NS)
    is_picture = mime.startswith("image/") or (
        item_class is not None and (item_class.get("qcode") or "").endswith(("picture", "graphic"))
    )
    if not href or not is_picture or (mime and mime not in WEB_IMAGES):
        return None
    caption = first_text(ref, "g2:description") or first_text(ref, "g2:title") or (ref.get("title") or "")
    return ImageRef(
        url=href, caption=caption, alt=caption, mime=mime, agency_id=(ref.get("residref") or "").strip()
    )


def members(package: etree._Element) -> list[str]:
    """A packageItem's itemRefs, from its root group down through its groupRefs, in order."""
    groups = package.findall("g2:groupSet/g2:group", NS)
    group_set = package.find("g2:groupSet", NS)
    root = group_set.get("root") if group_set is not None else None
    starts = [group for group in groups if group.get("id") == root][:1] or groups
    refs = [(ref.get("residref") or "").strip() for ref in item_refs(groups, starts)]
    return list(dict.fromkeys(ref for ref in refs if ref))


def item_refs(groups: list[etree._Element], starts: list[etree._Element]) -> list[etree._Element]:
    """The itemRefs of the `starts` groups and of the groups they refer to, depth first, in order.

    Each group is read once (a group may not refer back to itself, but hostile input will), and
    without recursion, so a chain of thousands of groupRefs cannot exhaust the stack.
    """
    by_id = {group.get("id"): group for group in reversed(groups)}  # the first of a duplicated id
    seen: set[int] = set()  # ids of elements `groups` keeps alive, so never reused
    refs: list[etree._Element] = []
    for start in starts:
        if id(start) in seen:
            continue
        seen.add(id(start))
        stack = [iter(start)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
            elif localname(child) == "itemRef":
                refs.append(child)
            elif localname(child) == "groupRef":
                group = by_id.get(child.get("idref"))
                if group is not None and id(group) not in seen:
                    seen.add(id(group))
                    stack.append(iter(group))
    return refs


@dataclass
class Message:
    """What the items of one delivery tell about each other."""

    pictures: dict[str, ImageRef] = field(default_factory=dict)  # picture newsItems by guid
    headlines: dict[str, str] = field(default_factory=dict)
    packages: list[etree._Element] = field(default_factory=list)
    text_items: int = 0

    @classmethod
    def of(cls, elements: list[etree._Element]) -> "Message":
        message = cls()
        for element in elements:
            guid = (element.get("guid") or "").strip()
            item_kind = kind(element)
            message.headlines[guid] = first_text(element.find("g2:contentMeta", NS), "g2:headline")
            if item_kind in (PICTURE, GRAPHIC) and (picture := picture_of(element)):
                message.pictures[guid] = picture
            message.text_items += item_kind == TEXT
            if item_kind == PACKAGE:
                message.packages.append(element)
        return message

    def pictures_for(self, element: etree._Element) -> list[ImageRef]:
        guid = (element.get("guid") or "").strip()
        links = element.findall("g2:itemMeta/g2:link", NS)
        found = [self.resolve(link) for link in links]
        for package in self.packages:
            found += [self.resolve(ref) for ref in grouped_with(package, guid)]
        if not links and not self.packages and self.text_items == 1:
            found += list(self.pictures.values())
        own = web_picture(renditions(element))
        if own is not None:
            found.append(ImageRef(url=own.url, mime=own.mime))
        found = [picture for picture in found if picture is not None] or [icon(element)]
        unique: dict[str, ImageRef] = {}
        for picture in found:
            if picture is not None:
                unique.setdefault(picture.agency_id or picture.url, picture)
        return list(unique.values())

    def resolve(self, ref: etree._Element) -> ImageRef | None:
        residref = (ref.get("residref") or "").strip()
        return self.pictures.get(residref) or reference_picture(ref)


def grouped_with(package: etree._Element, guid: str) -> list[etree._Element]:
    """The itemRefs a package groups with `guid`: its group's, and those of the groups it refers to.

    A package of several stories, each in a group with its pictures, gives each story its own.
    """
    groups = package.findall("g2:groupSet/g2:group", NS)
    starts = [
        group
        for group in groups
        if guid in {(ref.get("residref") or "").strip() for ref in group.iterfind("g2:itemRef", NS)}
    ]
    return [ref for ref in item_refs(groups, starts) if (ref.get("residref") or "").strip() != guid]


def icon(element: etree._Element) -> ImageRef | None:
    found = element.find("g2:contentMeta/g2:icon", NS)
    href = (found.get("href") or "").strip() if found is not None else ""
    return ImageRef(url=href, mime=(found.get("contenttype") or "").strip().lower()) if href else None
