"""The pictures agency copy carries: fetched safely, stored once per address, the first made the lead.

Ingest only lists a text item's pictures on its wire item (`pictures`, each waiting) and sets
`pictures_pending`; it never fetches, so a slow or hostile picture server cannot hold up a story.
The worker's round enqueues `tasks.fetch_item_pictures` for each item whose pictures are due
(wire/tasks.py), outside any item's transaction. Each picture is fetched under the rules of
wire/fetch.py (public addresses only, unless WIRE_FETCH_ALLOW_HOSTS names the host;
WAGTAILIMAGES_MAX_UPLOAD_SIZE bytes at most), checked like an editor's upload
(COPYDESK_MAX_IMAGE_PIXELS), and kept as an AgencyMedia, once per address. The first picture
leads the story, also when it is already live, as long as no person chose otherwise (wire/leads.py);
the others wait on the wire item's desk page. A picture that cannot be had is listed there with
its reason and never stops the story.

Retries. An agency often sends the text before its picture is uploaded (a 404), and a picture
server has bad minutes (5xx, a timeout, a reset connection): such a failure is transient
(`FetchError.transient`) and the picture is tried again after 1, 5, 15, then every 60 minutes
(`BACKOFF`), WIRE_PICTURE_ATTEMPTS times in all (5 by default), each attempt counted on the
AgencyMedia (`attempts`, `next_attempt_at`). A failure that will not change (a refused address,
not an image, too many pixels, any other 4xx) is final at once. The wire item keeps the time its
next picture is due (`pictures_next_at`), so the worker's round picks up exactly the items due and
never spins on one that is waiting; a picture is never fetched before its time, whichever item
lists it. Once a picture has failed for good it stays failed, whoever lists it again; a picture
item's new file starts its own count.
"""

import dataclasses
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from copydesk.newsroom.library_images import ImageRefused, file_name, store_image, url_hash

from . import lifecycle
from .av import fetch_av
from .fetch import FetchError, fetch
from .items import GRAPHIC, PICTURE, TEXT, USABLE, Item
from .leads import follow_agency_lead
from .models import AgencyMedia, WireItem
from .models.media import AV_KINDS

logger = logging.getLogger(__name__)
State = AgencyMedia.State
IMAGE_KINDS = (PICTURE, GRAPHIC)
REF_FIELDS = ("caption", "credit", "alt", "byline", "copyright", "usage_terms")
# Minutes to wait after the 1st, 2nd, 3rd and every later transient failure.
BACKOFF = (1, 5, 15, 60)
DEFAULT_ATTEMPTS = 5


def listing(item: Item) -> list[dict]:
    """The item's pictures as its wire item keeps them, each waiting to be fetched."""
    return [
        {**dataclasses.asdict(ref), "state": State.PENDING.value, "reason": "", "media": None}
        for ref in item.pictures
        if ref.url
    ]


def max_bytes() -> int:
    return getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)


def attempt_limit() -> int:
    """How many times a picture is tried before the wire gives up on it (WIRE_PICTURE_ATTEMPTS)."""
    return max(1, int(getattr(settings, "WIRE_PICTURE_ATTEMPTS", DEFAULT_ATTEMPTS)))


def backoff(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th transient failure."""
    return timedelta(minutes=BACKOFF[min(attempts, len(BACKOFF)) - 1])


def fetch_media(media: AgencyMedia, now=None) -> AgencyMedia:
    """Bring a waiting picture or graphic into the image library, or record why it cannot be (yet)."""
    now = now or timezone.now()
    if media.state != State.PENDING:
        return media
    if media.kind in AV_KINDS:
        return fetch_av(media)
    known = (
        AgencyMedia.objects.filter(url_hash=media.url_hash, state=State.FETCHED, image__isnull=False)
        .exclude(pk=media.pk)
        .first()
    )
    if known:  # the same address is in the library already: one image per address
        return _record(media, State.FETCHED, image=known.image)
    if media.next_attempt_at is not None and media.next_attempt_at > now:
        return media  # not due: its next attempt is for a later round
    if media.kind not in IMAGE_KINDS or not media.url:
        return _record(media, State.FAILED, reason="Not a picture or graphic, and no address to fetch.")
    if media.attempts >= attempt_limit():  # the limit was lowered meanwhile
        return _record(media, State.FAILED, reason=f"{media.reason} Gave up after {media.attempts} attempts.")
    try:
        fetched = fetch(media.url, max_bytes=max_bytes())
    except FetchError as error:
        return _failed(media, str(error), transient=error.transient, now=now)
    content_type = fetched.content_type.split(";")[0].strip()
    if not content_type.startswith("image/"):
        return _failed(media, f"{media.url} is not an image ({content_type or 'no type'}).", now=now)
    try:
        image = store_image(
            file_name(fetched.url, "agency-picture"),
            fetched.content,
            title=media.caption[:255] or file_name(fetched.url),
            description=media.alt or media.caption,
        )
    except ImageRefused as error:
        return _failed(media, f"{media.url}: {error}", now=now)
    return _record(media, State.FETCHED, image=image, tried=True)


def _failed(media, reason, *, now, transient=False):
    """Count a failed attempt: wait and try again if it may pass, else give up with the reason."""
    attempts = media.attempts + 1
    if transient and attempts < attempt_limit():
        return _record(media, State.PENDING, reason=reason, tried=True, next_at=now + backoff(attempts))
    if transient:
        reason = f"{reason} Gave up after {attempts} attempts."
    return _record(media, State.FAILED, reason=reason, tried=True)


def _record(media, state, *, reason="", image=None, tried=False, next_at=None):
    # Stored only if the media still waits as it did when we began: a kill that arrived meanwhile,
    # or another worker's attempt, wins.
    updated = AgencyMedia.objects.filter(pk=media.pk, state=State.PENDING, attempts=media.attempts).update(
        state=state,
        reason=reason,
        image=image,
        attempts=media.attempts + int(tried),
        next_attempt_at=next_at,
        changed_at=timezone.now(),
    )
    if not updated and image is not None and not AgencyMedia.objects.filter(image=image).exists():
        image.delete()  # fetched for nothing: a kill came first
    media.refresh_from_db()
    return media


def media_for_picture(agency, entry: dict) -> AgencyMedia:
    """The library's record of a picture a text item carries: by its agency id, else by address."""
    hashed, guid = url_hash(entry["url"]), entry.get("agency_id", "")[:500]
    known = AgencyMedia.objects.filter(agency=agency, guid=guid) if guid else AgencyMedia.objects.none()
    # The picture as an item of its own (with its versions and kill) first, then the same address.
    media = known.order_by(F("wire_item").asc(nulls_last=True), "pk").first() or (
        AgencyMedia.objects.filter(url_hash=hashed, wire_item=None).first()
    )
    if media is None:
        killed = bool(guid) and picture_withdrawn(agency, guid)
        media = AgencyMedia.objects.create(
            agency=agency,
            guid=guid,
            kind=entry.get("kind") or PICTURE,
            url=entry["url"][:1000],
            url_hash=hashed,
            mime=str(entry.get("mime", ""))[:100],
            state=State.UNUSABLE if killed else State.PENDING,
            reason="The agency killed or withheld this picture." if killed else "",
            **{name: str(entry.get(name, ""))[: _limit(name)] for name in REF_FIELDS},
        )
    return media


def picture_withdrawn(agency, guid: str) -> bool:
    """True when the agency killed or withheld the picture `guid`, even before anything fetched it."""
    own = WireItem.objects.filter(agency=agency, guid=guid).exclude(kind=TEXT).exclude(pubstatus=USABLE)
    return own.exists() or AgencyMedia.objects.filter(agency=agency, guid=guid, state=State.UNUSABLE).exists()


def _limit(name):
    return AgencyMedia._meta.get_field(name).max_length or 100_000


def fetch_item_pictures(wire_id: int) -> None:
    """Fetch a wire item's pictures that are due and lead its story with the first, as wire/leads.py allows."""
    now = timezone.now()
    wire = WireItem.objects.select_related("agency").filter(pk=wire_id, pictures_pending=True).first()
    if wire is None:
        return  # done already, or never asked: running twice changes nothing
    if wire.kind != TEXT:  # a picture item of its own: its file goes to the library
        own = AgencyMedia.objects.filter(wire_item=wire).first()
        own = fetch_media(own, now) if own is not None else None
        waiting = [own] if own is not None and own.state == State.PENDING else []
        WireItem.objects.filter(pk=wire.pk).update(
            pictures_pending=bool(waiting), pictures_next_at=next_look(waiting)
        )
        if own is not None and own.usable:
            lead_stories_with(own)
        return
    entries = [dict(entry) for entry in wire.pictures]
    waiting = []
    for entry in entries:
        media = fetch_media(media_for_picture(wire.agency, entry), now)
        entry.update(media=media.pk, state=media.state, reason=media.reason)
        if media.state == State.PENDING:
            waiting.append(media)
    with transaction.atomic():
        wire = WireItem.objects.select_for_update(of=("self",)).select_related("article").get(pk=wire_id)
        if [e["url"] for e in wire.pictures] != [e["url"] for e in entries]:
            return  # a newer version listed other pictures while we fetched; its own run follows
        wire.pictures, wire.pictures_pending, wire.pictures_next_at = (
            entries,
            bool(waiting),
            next_look(waiting),
        )
        wire.save(update_fields=["pictures", "pictures_pending", "pictures_next_at"])
        follow_agency_lead(wire, edited=lifecycle.is_edited(wire))


def next_look(waiting: list[AgencyMedia]):
    """When the worker should look at an item again for its `waiting` pictures (None: at once)."""
    times = [media.next_attempt_at for media in waiting]
    return None if None in times else min(times, default=None)


def lead_stories_with(media: AgencyMedia) -> None:
    """A picture item fetched (again, after a kill) leads the stories that list it first, as allowed."""
    for wire in WireItem.objects.filter(kind=TEXT, pictures__0__media=media.pk).select_related("article"):
        with transaction.atomic():
            wire = WireItem.objects.select_for_update(of=("self",)).select_related("article").get(pk=wire.pk)
            follow_agency_lead(wire, edited=lifecycle.is_edited(wire))


def items_waiting(limit: int = 50, now=None) -> list[int]:
    """Ids of wire items with pictures due to be fetched, oldest first."""
    now = now or timezone.now()
    waiting = WireItem.objects.filter(pictures_pending=True).filter(
        Q(pictures_next_at__isnull=True) | Q(pictures_next_at__lte=now)
    )
    return list(waiting.order_by("received_at", "pk").values_list("pk", flat=True)[:limit])
