"""JSON Feed 1.0 and 1.1 deliveries (https://jsonfeed.org/version/1.1).

Like RSS, JSON Feed has no status, version or kill: an item's order comes from date_modified.
"""

from typing import Any

from ..items import TEXT, DeliveryError, ImageRef, Item, Subject
from .base import Format, ItemProblem, created_at, paragraphs, text_head
from .safe_json import list_of, load_json, refuse_broken_text, text_of

VERSION_PREFIX = "https://jsonfeed.org/version/1"


class JSONFeedFormat(Format):
    name = "jsonfeed"
    label = "JSON Feed"
    expresses = frozenset({TEXT})

    def sniff(self, data: bytes) -> bool:
        head = text_head(data)
        return head.startswith("{") and "jsonfeed.org/version/" in head

    def split(self, data: bytes) -> list[tuple[dict, Any]]:
        document = load_json(data)
        version = document.get("version") if isinstance(document, dict) else None
        if not isinstance(version, str) or not version.startswith(VERSION_PREFIX):
            raise DeliveryError(
                f'This is not a JSON Feed: it needs a "version" of {VERSION_PREFIX}.1 '
                f"(found {version!r}). Check the source's format."
            )
        items = document.get("items")
        if not isinstance(items, list):
            raise DeliveryError('This JSON Feed has no "items" list.')
        return [(document, item) for item in items]

    def read_item(self, raw: tuple[dict, Any]) -> Item:
        feed, item = raw
        if not isinstance(item, dict):
            raise ItemProblem("an item should be an object")
        refuse_broken_text(item)
        # What an item takes from its feed (authors, language) must be readable text too.
        refuse_broken_text({key: feed.get(key) for key in FEED_FIELDS if key in feed}, "feed")
        agency_id = text_of(item.get("id"), "id")
        if not agency_id:
            raise ItemProblem("no id")
        headline = text_of(item.get("title"), "title")
        if not headline:
            raise ItemProblem("no title")
        notes: list[str] = []
        published = created_at(item.get("date_published"), "date_published", notes)
        modified = created_at(item.get("date_modified"), "date_modified", notes)
        body = text_of(item.get("content_html"), "content_html") or paragraphs(
            text_of(item.get("content_text"), "content_text")
        )
        tags = [text_of(tag, "tags") for tag in list_of(item.get("tags"), "tags")]
        return Item(
            agency_id=agency_id,
            headline=headline,
            body_html=body,
            version_created=modified or published,
            first_created=published,
            summary=text_of(item.get("summary"), "summary"),
            byline=authors(item, feed),
            language=text_of(item.get("language") or feed.get("language"), "language"),
            keywords=[tag for tag in tags if tag],
            subjects=[Subject(name=tag, scheme="keyword") for tag in tags if tag],
            link=text_of(item.get("url") or item.get("external_url"), "url"),
            pictures=pictures(item),
            notes=notes,
        )

    def describe(self, raw: tuple[dict, Any]) -> tuple[str, str, str]:
        _, item = raw
        if not isinstance(item, dict):
            return "", "", repr(item)
        text = item.get("summary") or item.get("content_text") or item.get("content_html") or ""
        return str(item.get("id") or ""), str(item.get("title") or ""), str(text)


def pictures(item: dict) -> list[ImageRef]:
    """The item's image, its banner, then its image attachments (titled), each once, in that order.

    A picture named twice (as `image` and as an attachment) keeps the attachment's title.
    """
    found = [ImageRef(url=text_of(item.get(key), key)) for key in ("image", "banner_image")]
    for attachment in list_of(item.get("attachments"), "attachments"):
        if not isinstance(attachment, dict):
            raise ItemProblem("an attachment should be an object")
        mime = text_of(attachment.get("mime_type"), "attachments mime_type").lower()
        if mime.startswith("image/"):
            title = text_of(attachment.get("title"), "attachments title")
            found.append(
                ImageRef(
                    url=text_of(attachment.get("url"), "attachments url"), caption=title, alt=title, mime=mime
                )
            )
    unique: dict[str, ImageRef] = {}
    for picture in found:
        if not picture.url:
            continue
        kept = unique.setdefault(picture.url, picture)
        # `image` names only the address; the attachment of the same picture gives its title.
        kept.caption, kept.alt = kept.caption or picture.caption, kept.alt or picture.alt
        kept.mime = kept.mime or picture.mime
    return list(unique.values())


FEED_FIELDS = ("authors", "author", "language")


def authors(item: dict, feed: dict) -> str:
    """Name the item's authors (1.1 `authors`, 1.0 `author`), else the feed's."""
    for source in (item, feed):
        people = list_of(source.get("authors"), "authors") or (
            [source["author"]] if isinstance(source.get("author"), dict) else []
        )
        names = [text_of(person.get("name"), "authors") for person in people if isinstance(person, dict)]
        if any(names):
            return ", ".join(name for name in names if name)
    return ""
