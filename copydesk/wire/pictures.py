"""The pictures agency copy carries: fetched safely, stored once per address, the first made the lead.

Ingest only lists a text item's pictures on its wire item (`pictures`, each waiting) and sets
`pictures_pending`; it never fetches, so a slow or hostile picture server cannot hold up a story.
The worker's round enqueues `tasks.fetch_item_pictures` for each item waiting (wire/tasks.py),
outside any item's transaction. Each picture is fetched under the rules of wire/fetch.py (public
addresses only, unless WIRE_FETCH_ALLOW_HOSTS names the host; WAGTAILIMAGES_MAX_UPLOAD_SIZE bytes
at most), checked like an editor's upload (COPYDESK_MAX_IMAGE_PIXELS), and kept as an
AgencyMedia, once per address. The first picture becomes the story's lead image, also when the
story is already live; the others wait on the wire item's desk page. A picture that cannot be had
is listed there with its reason and never stops the story.
"""

import dataclasses
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from copydesk.newsroom.actions import set_lead_image
from copydesk.newsroom.library_images import ImageRefused, file_name, store_image, url_hash

from .av import fetch_av
from .fetch import FetchError, fetch
from .items import GRAPHIC, PICTURE, TEXT, USABLE, Item
from .models import AgencyMedia, WireItem
from .models.media import AV_KINDS

logger = logging.getLogger(__name__)
State = AgencyMedia.State
IMAGE_KINDS = (PICTURE, GRAPHIC)
REF_FIELDS = ("caption", "credit", "alt", "byline", "copyright", "usage_terms")


def listing(item: Item) -> list[dict]:
    """The item's pictures as its wire item keeps them, each waiting to be fetched."""
    return [
        {**dataclasses.asdict(ref), "state": State.PENDING.value, "reason": "", "media": None}
        for ref in item.pictures
        if ref.url
    ]


def max_bytes() -> int:
    return getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)


def fetch_media(media: AgencyMedia) -> AgencyMedia:
    """Bring a waiting picture or graphic into the image library (video and audio: wire/av.py)."""
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
    if media.kind not in IMAGE_KINDS or not media.url:
        return _record(media, State.FAILED, reason="Not a picture or graphic, and no address to fetch.")
    try:
        fetched = fetch(media.url, max_bytes=max_bytes())
    except FetchError as error:
        return _record(media, State.FAILED, reason=str(error))
    content_type = fetched.content_type.split(";")[0].strip()
    if not content_type.startswith("image/"):
        return _record(
            media, State.FAILED, reason=f"{media.url} is not an image ({content_type or 'no type'})."
        )
    try:
        image = store_image(
            file_name(fetched.url, "agency-picture"),
            fetched.content,
            title=media.caption[:255] or file_name(fetched.url),
            description=media.alt or media.caption,
        )
    except ImageRefused as error:
        return _record(media, State.FAILED, reason=f"{media.url}: {error}")
    return _record(media, State.FETCHED, image=image)


def _record(media, state, *, reason="", image=None):
    # Stored only if the media is still waiting: a kill that arrived meanwhile wins.
    updated = AgencyMedia.objects.filter(pk=media.pk, state=State.PENDING).update(
        state=state, reason=reason, image=image, changed_at=timezone.now()
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
    if media is not None and media.state == State.FAILED:
        # A new version lists it again: try once more (a 404 is often a picture not yet uploaded).
        AgencyMedia.objects.filter(pk=media.pk, state=State.FAILED).update(state=State.PENDING, reason="")
        media.refresh_from_db()
    if media is None:
        guid = entry.get("agency_id", "")[:500]
        killed = (
            bool(guid) and AgencyMedia.objects.filter(agency=agency, guid=guid, state=State.UNUSABLE).exists()
        )
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


def _limit(name):
    return AgencyMedia._meta.get_field(name).max_length or 100_000


def fetch_item_pictures(wire_id: int) -> None:
    """Fetch a wire item's waiting pictures and make the first its story's lead image."""
    wire = WireItem.objects.select_related("agency").filter(pk=wire_id, pictures_pending=True).first()
    if wire is None:
        return  # done already, or never asked: running twice changes nothing
    if wire.kind != TEXT:  # a picture item of its own: its file goes to the library
        own = AgencyMedia.objects.filter(wire_item=wire).first()
        if own is not None:
            fetch_media(own)
        WireItem.objects.filter(pk=wire.pk).update(pictures_pending=False)
        return
    entries = [dict(entry) for entry in wire.pictures]
    for entry in entries:
        media = fetch_media(media_for_picture(wire.agency, entry))
        entry.update(media=media.pk, state=media.state, reason=media.reason)
    with transaction.atomic():
        wire = WireItem.objects.select_for_update(of=("self",)).select_related("article").get(pk=wire_id)
        if [e["url"] for e in wire.pictures] != [e["url"] for e in entries]:
            return  # a newer version listed other pictures while we fetched; its own run follows
        wire.pictures, wire.pictures_pending = entries, False
        wire.save(update_fields=["pictures", "pictures_pending"])
        lead = lead_image_fields(wire)
        article = wire.article
        if (
            article is not None
            and lead
            and wire.pubstatus == USABLE
            and article.lead_image_id != lead["image"].pk
        ):
            set_lead_image(article, **lead)


def lead_image_fields(wire: WireItem) -> dict:
    """The lead image the item's first picture gives its story, or {} while it has none."""
    first = wire.pictures[0] if wire.pictures else None
    if not first or first.get("state") != State.FETCHED or not first.get("media"):
        return {}
    media = AgencyMedia.objects.select_related("image").filter(pk=first["media"], state=State.FETCHED).first()
    if media is None or media.image is None:
        return {}
    return {
        "image": media.image,
        "caption": (first.get("caption", "") or media.caption)[:300],
        "credit": (first.get("credit", "") or media.credit)[:120],
        "alt": (first.get("alt") or first.get("caption", "") or media.alt)[:300],
        "usage": first.get("usage_terms", "") or media.usage_terms,
    }


def items_waiting(limit: int = 50) -> list[int]:
    """Ids of wire items whose pictures wait to be fetched, oldest first."""
    waiting = WireItem.objects.filter(pictures_pending=True).order_by("received_at", "pk")
    return list(waiting.values_list("pk", flat=True)[:limit])
