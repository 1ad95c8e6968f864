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


class DeliveryError(Exception):
    """The delivery as a whole cannot be read (not the format, too big, hostile XML)."""


@dataclass
class ImageRef:
    url: str
    caption: str = ""
    credit: str = ""
    alt: str = ""


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
    image: ImageRef | None = None
    evolved_from: str = ""  # agency id of the story this one follows up (ninjs evolvedfrom)
    # What the parser changed on the way in, in plain words for the editor (a future date taken
    # as the arrival time, an embargo with no release time held as withheld).
    notes: list[str] = field(default_factory=list)


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
