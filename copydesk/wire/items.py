"""The normalised form every delivery format is parsed into.

A parser turns one delivery (a feed, a ninjs document, a NewsML-G2 message) into a `Parsed`:
the items it could read and, for each one it could not, a `Rejected` with the reason an editor
will see. Nothing here touches the database; the ingest actions take it from here.
"""

from dataclasses import dataclass, field
from datetime import datetime

# IPTC pubStatus values, and the words agencies use for them.
USABLE, WITHHELD, CANCELED = "usable", "withheld", "canceled"

# Signals an item may carry about its place in the story's life.
CORRECTION, UPDATE = "correction", "update"
# What a later delivery can do to a story besides correcting it, as a format declares it can say
# (formats.base.Format.expresses): kill it, or hold it until a time.
KILL, EMBARGO = "kill", "embargo"

# What an item is (IPTC NewsCodes ninature, ninjs "type"): text becomes a story; pictures,
# graphics, video and audio become media in the library; packages and concepts are reported only.
TEXT, PICTURE, GRAPHIC, VIDEO, AUDIO = "text", "picture", "graphic", "video", "audio"
PACKAGE, CONCEPT = "package", "concept"
MEDIA_KINDS = (PICTURE, GRAPHIC, VIDEO, AUDIO)
KINDS = (TEXT, *MEDIA_KINDS, PACKAGE, CONCEPT)


class DeliveryError(Exception):
    """The delivery as a whole cannot be read (not the format, too big, hostile XML)."""


@dataclass
class Rendition:
    """One file of a media item, as the agency offers it (several sizes or encodings of one picture)."""

    url: str
    mime: str = ""
    width: int | None = None
    height: int | None = None
    name: str = ""  # the agency's name for it: "highRes", "preview", "thumbnail"
    size: int | None = None  # bytes, when the agency says
    duration: float | None = None  # seconds, for video and audio, when the agency says


@dataclass
class ImageRef:
    """A picture (or other media) a text item carries or points at, with what must travel with it."""

    url: str  # the rendition to fetch: the largest web-usable one the delivery names
    caption: str = ""  # description_text / caption
    credit: str = ""
    alt: str = ""  # a short description for readers who cannot see it (the caption when none)
    byline: str = ""  # the photographer
    copyright: str = ""
    usage_terms: str = ""
    kind: str = PICTURE  # PICTURE or GRAPHIC (or VIDEO / AUDIO when a story embeds such media)
    mime: str = ""
    agency_id: str = ""  # the picture's own identity at the agency, when it has one


@dataclass
class Subject:
    """A subject, keyword or organisation the agency coded the item with, keeping its scheme."""

    name: str  # readable: "Elections"
    code: str = ""  # "medtop:20000065", "subj:11006000"
    scheme: str = ""  # "http://cv.iptc.org/newscodes/mediatopic/", "keyword"


@dataclass
class Item:
    """One agency story as the agency described it, before Copydesk decides anything."""

    agency_id: str  # the agency's identity of the story: guid, uri or NewsML guid (never empty)
    headline: str
    body_html: str = ""  # as delivered; sanitised by the ingest action, not here
    version: int | None = None  # the agency's version number, when it gives one
    version_created: datetime | None = None  # aware; orders versions when there is no number
    first_created: datetime | None = None  # aware; when the agency first published the story
    summary: str = ""  # standfirst / description
    byline: str = ""
    pubstatus: str = USABLE  # USABLE, WITHHELD or CANCELED
    embargoed_until: datetime | None = None  # aware
    signals: set[str] = field(default_factory=set)  # CORRECTION, UPDATE
    editorial_note: str = ""  # ednote: the agency's note to editors (correction text, kill notice)
    language: str = ""
    urgency: int | None = None
    keywords: list[str] = field(default_factory=list)  # subjects and keywords, readable names
    credit: str = ""  # creditline, e.g. "AP"
    usage_terms: str = ""
    copyright: str = ""
    link: str = ""  # the story on the agency's or partner's site
    kind: str = TEXT  # one of KINDS
    pictures: list[ImageRef] = field(default_factory=list)  # in the agency's order: the first leads
    renditions: list[Rendition] = field(default_factory=list)  # a media item's own files
    dateline: str = ""  # "GENEVA, 3 March" as the agency gives it, never part of the body
    slugline: str = ""  # the desk's short name for the story, never shown to readers
    places: list[str] = field(default_factory=list)  # readable place names, most specific first
    subjects: list[Subject] = field(default_factory=list)
    members: list[str] = field(default_factory=list)  # a package's items (agency ids), in order
    evolved_from: str = ""  # agency id of the story this one follows up (ninjs evolvedfrom)
    # What the parser changed on the way in, in plain words for the editor (a future date taken
    # as the arrival time, an embargo with no release time held as withheld).
    notes: list[str] = field(default_factory=list)

    @property
    def image(self) -> ImageRef | None:
        """The lead picture: the first the item carries."""
        return self.pictures[0] if self.pictures else None


@dataclass
class Rejected:
    """An item that could not be read, with what an editor needs to find and judge it."""

    reason: str  # plain words: "no id (guid, uri or link)", "date '31 Feb 2026' is impossible"
    agency_id: str = ""  # whatever identity could be read, possibly empty
    headline: str = ""
    excerpt: str = ""  # the first few hundred characters of the raw item, for the editor


@dataclass
class Parsed:
    items: list[Item] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
