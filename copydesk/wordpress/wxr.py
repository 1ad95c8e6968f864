"""Read a WordPress export (WXR 1.0 to 1.2) as a stream, so a 500 MB file never sits in memory.

The file is read with lxml's iterparse and the hardened options of `wire.formats.safe_xml`
(no entities, no DTD, no network); each `<item>` is turned into an `Entry` and cleared.
Nothing here touches the database.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from copydesk.wire.formats.safe_xml import PARSER_OPTIONS, refuse_doctype
from copydesk.wire.items import DeliveryError

_WP = re.compile(r"^https?://wordpress\.org/export/1\.[0-9]+/$")
_EXCERPT = re.compile(r"^https?://wordpress\.org/export/1\.[0-9]+/excerpt/$")
PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
NOT_WXR = (
    "{name} is not a WordPress export (WXR): {why}. In WordPress, use Tools → Export → All content "
    "and give the downloaded .xml file to this command."
)


class ExportError(Exception):
    """The export as a whole cannot be read (missing, not WXR, hostile or broken XML)."""


@dataclass
class Author:
    login: str
    wp_id: str = ""
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    description: str = ""  # standard WXR has none; some exporters add wp:author_description


@dataclass
class Term:
    taxonomy: str  # "category" or "post_tag"
    nicename: str
    name: str = ""
    wp_id: str = ""
    parent: str = ""  # a category's parent nicename
    description: str = ""


@dataclass
class Entry:
    """One `<item>`: a post, page, attachment or anything else WordPress keeps as a post."""

    line: int
    wp_id: str = ""
    post_type: str = ""
    status: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    pub_date: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_name: str = ""
    date: str = ""
    date_gmt: str = ""
    modified_gmt: str = ""
    attachment_url: str = ""
    terms: list[Term] = field(default_factory=list)  # in the order WordPress wrote them
    meta: dict[str, str] = field(default_factory=dict)


@dataclass
class Channel:
    """What the export says about the site before its items."""

    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    authors: dict[str, Author] = field(default_factory=dict)  # by login
    categories: dict[str, Term] = field(default_factory=dict)  # by nicename
    tags: dict[str, Term] = field(default_factory=dict)  # by nicename

    @property
    def site(self) -> str:
        """The site's identity: its address without scheme or trailing slash, host in lower case."""
        url = self.base_blog_url or self.link or self.base_site_url
        match = re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//([^/?#]*)([^?#]*)", url.strip(), re.IGNORECASE)
        if not match:
            return url.strip()[:200]
        return (match.group(1).lower() + match.group(2).rstrip("/"))[:200]


def key(element) -> str:
    """Name an element as the export does (`wp:post_id`, `content:encoded`), whatever the WXR version."""
    if not isinstance(element.tag, str):
        return ""
    try:
        name = etree.QName(element)
    except ValueError:
        # lxml's iterparse keeps an undeclared prefix in the tag ("content:encoded") where
        # fromstring refuses the document; ignoring the element would import posts without bodies.
        prefix = element.tag.partition(":")[0]
        raise ExportError(
            f"The export uses the prefix “{prefix}:” at line {element.sourceline} without declaring its "
            "namespace, so its elements cannot be read. Export the file from WordPress again."
        ) from None
    namespace = name.namespace or ""
    if not namespace:
        return name.localname
    if _WP.match(namespace):
        return f"wp:{name.localname}"
    if _EXCERPT.match(namespace):
        return f"excerpt:{name.localname}"
    prefix = PREFIXES.get(namespace)
    return f"{prefix}:{name.localname}" if prefix else ""


def _texts(element) -> dict[str, str]:
    return {key(child): (child.text or "").strip() for child in element if key(child)}


def _author(element) -> Author:
    t = _texts(element)
    return Author(
        login=t.get("wp:author_login", ""),
        wp_id=t.get("wp:author_id", ""),
        email=t.get("wp:author_email", ""),
        display_name=t.get("wp:author_display_name", ""),
        first_name=t.get("wp:author_first_name", ""),
        last_name=t.get("wp:author_last_name", ""),
        description=t.get("wp:author_description", ""),
    )


def _category(element) -> Term:
    t = _texts(element)
    return Term(
        "category",
        t.get("wp:category_nicename", ""),
        name=t.get("wp:cat_name", ""),
        wp_id=t.get("wp:term_id", ""),
        parent=t.get("wp:category_parent", ""),
        description=t.get("wp:category_description", ""),
    )


def _tag(element) -> Term:
    t = _texts(element)
    return Term(
        "post_tag", t.get("wp:tag_slug", ""), name=t.get("wp:tag_name", ""), wp_id=t.get("wp:term_id", "")
    )


ENTRY_FIELDS = {
    "wp:post_id": "wp_id", "wp:post_type": "post_type", "wp:status": "status", "title": "title",
    "link": "link", "guid": "guid", "pubDate": "pub_date", "dc:creator": "creator",
    "content:encoded": "content", "excerpt:encoded": "excerpt", "wp:post_name": "post_name",
    "wp:post_date": "date", "wp:post_date_gmt": "date_gmt", "wp:post_modified_gmt": "modified_gmt",
    "wp:attachment_url": "attachment_url",
}  # fmt: skip


def _entry(element) -> Entry:
    entry = Entry(line=element.sourceline or 0)
    for child in element:
        name = key(child)
        if name in ENTRY_FIELDS:
            # Bodies keep their whitespace: blank lines are WordPress's paragraphs.
            text = child.text or ""
            setattr(entry, ENTRY_FIELDS[name], text if name.endswith(":encoded") else text.strip())
        elif name == "category" and child.get("domain") in ("category", "post_tag"):
            entry.terms.append(
                Term(child.get("domain"), child.get("nicename", ""), name=(child.text or "").strip())
            )
        elif name == "wp:postmeta":
            meta = _texts(child)
            if meta.get("wp:meta_key"):
                entry.meta[meta["wp:meta_key"]] = meta.get("wp:meta_value", "")
    return entry


class Export:
    """A WXR file, read as a stream each time `entries()` is called."""

    def __init__(self, path):
        self.path = Path(path)
        self.channel = Channel()  # filled in as the file is read; complete before the first item

    def entries(self) -> Iterator[Entry]:
        """Yield each `<item>` as an Entry; raise ExportError where the file cannot be read.

        Everything yielded before an error is sound: the reader stops at the break.
        """
        if not self.path.is_file():
            raise ExportError(f"No such file: {self.path}")
        self.channel = Channel()
        items, root = 0, None
        try:
            for event, element in etree.iterparse(str(self.path), events=("start", "end"), **PARSER_OPTIONS):
                if event == "start":
                    if root is None:
                        root = element
                        _check_root(element, self.path)
                    continue
                parent = element.getparent()
                if parent is None or key(parent) not in ("channel", "rss"):
                    continue  # inside an item or a channel-level element: read when that one ends
                name = key(element)
                if name == "item":
                    items += 1
                    yield _entry(element)
                else:
                    _channel_element(self.channel, name, element)
                # Free what was read: the channel's own children are small, its items are not.
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del parent[0]
        except etree.XMLSyntaxError as error:
            if root is None:
                why = f"it is not XML ({_first_line(error)})"
                raise ExportError(NOT_WXR.format(name=self.path.name, why=why)) from None
            raise ExportError(describe(error, self.path, items)) from None
        except OSError as error:
            raise ExportError(f"Could not read {self.path}: {error}") from None
        if not self.channel.wxr_version and not items:
            raise ExportError(
                NOT_WXR.format(name=self.path.name, why="it has no wp:wxr_version and no items")
            )


def _check_root(root, path: Path) -> None:
    try:
        refuse_doctype(root.getroottree().docinfo)
    except DeliveryError:
        raise ExportError(
            f"{path.name} declares XML entities or names a DTD. WordPress never writes these, and they are "
            "how entity-expansion and external-entity attacks work, so the file was not read. Export it "
            "from WordPress again."
        ) from None
    if key(root) != "rss":
        raise ExportError(
            NOT_WXR.format(
                name=path.name, why=f"its root element is <{etree.QName(root).localname}>, not <rss>"
            )
        )
    if not any(_WP.match(ns or "") for ns in root.nsmap.values()):
        raise ExportError(
            NOT_WXR.format(name=path.name, why="it does not use the WordPress export namespace")
        )


def _channel_element(channel: Channel, name: str, element) -> None:
    if name == "wp:author":
        author = _author(element)
        if author.login:
            channel.authors[author.login] = author
    elif name == "wp:category":
        term = _category(element)
        if term.nicename:
            channel.categories[term.nicename] = term
    elif name == "wp:tag":
        term = _tag(element)
        if term.nicename:
            channel.tags[term.nicename] = term
    elif name in ("title", "link"):
        setattr(channel, name, (element.text or "").strip())
    elif name in ("wp:base_site_url", "wp:base_blog_url", "wp:wxr_version"):
        setattr(channel, name.removeprefix("wp:"), (element.text or "").strip())


def _first_line(error: etree.XMLSyntaxError) -> str:
    # libxml2 appends the offending text on further lines; the first says what is wrong.
    return (error.msg or str(error)).split(", line ")[0].splitlines()[0]


def describe(error: etree.XMLSyntaxError, path: Path, items: int) -> str:
    """Say where and how the XML breaks, and what became of the items before it."""
    line, column = error.position
    before = (
        f"The {items} items before that point were read; nothing after it was. "
        if items
        else "No item could be read. "
    )
    what = (
        f"The export stops before its end, at line {line}: the file looks truncated ({_first_line(error)})"
        if _at_end(path, line)
        else f"The export is not well-formed XML at line {line}, column {column}: {_first_line(error)}"
    )
    return (
        f"{what}. {before}Export the file from WordPress again and run the command again; what was already "
        "imported is not duplicated."
    )


def _at_end(path: Path, line: int) -> bool:
    """Tell whether an error's line is the file's last, as when a download or copy was cut short."""
    newlines, last = 0, b""
    with path.open("rb") as data:
        while chunk := data.read(1 << 20):
            newlines, last = newlines + chunk.count(b"\n"), chunk[-1:]
    return line >= newlines + (last != b"\n")
