"""What the wire does with items that are not text: media go to the library, the rest is reported.

A picture, graphic, video or audio item never becomes a story. Its wire item keeps its identity and
versions like any other (so a later version updates it and an older one is ignored); its
AgencyMedia is what the desk attaches. A picture or graphic is fetched by the worker like the
pictures of text items (wire/pictures.py); video and audio are fetched by the same worker round,
their best playable rendition kept as a file (wire/av.py). A kill or withhold makes the media
unusable everywhere: it leaves every story's lead image or lead media, and its file leaves the
library and storage, so no copy stays public. When it was the agency's own lead of a story, the
agency may lead that story again with its next picture (wire/leads.py); a usable version after the
kill brings the file back and it leads again the stories that list it first, as leads.py allows.
Packages and concepts are recorded with their
members for the desk and counted as reported; they are never published.
"""

import dataclasses

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Revision

from copydesk.newsroom.actions import set_lead_image, set_lead_media
from copydesk.newsroom.library_images import url_hash
from copydesk.newsroom.models import Article

from .av import playable_rendition
from .items import AUDIO, CONCEPT, PACKAGE, USABLE, VIDEO, Item, Rendition
from .models import AgencyMedia, WireItem
from .signals import media_files_changed

# What happened to a non-text item (ingest.py's outcomes, counted per delivery).
MEDIA, REPORTED, WITHDRAWN = "media", "reported", "withdrawn"
WEB_IMAGES = ("image/jpeg", "image/png", "image/gif", "image/webp", "")


def record_item(wire: WireItem, item: Item) -> str:
    """Act on the latest version of a non-text item (already stored); return what happened."""
    if wire.kind in (PACKAGE, CONCEPT):
        if item.pubstatus == USABLE:
            wire.package_members = [str(m)[:500] for m in item.members]
        wire.state = WireItem.State.REPORTED if wire.pubstatus == USABLE else WireItem.State.KILLED
        wire.save()
        return REPORTED
    media = AgencyMedia.objects.filter(wire_item=wire).first()
    if wire.pubstatus != USABLE:
        wire.state = WireItem.State.KILLED
        wire.save()
        withdraw_media(wire.agency, wire.guid, media=media, reason=wire.editorial_note)
        return WITHDRAWN
    wire.state = WireItem.State.MEDIA
    wire.save()
    # A story that listed this picture by its agency id before its own item came made its record:
    # the item takes it over, with what was fetched or tried, so one record follows the picture.
    listed = AgencyMedia.objects.filter(agency=wire.agency, guid=wire.guid[:500], wire_item=None).first()
    media = media or listed or AgencyMedia(agency=wire.agency, guid=wire.guid[:500])
    media.wire_item = wire
    _describe(media, wire, item)
    media.save()
    return MEDIA


def _describe(media, wire, item):
    ref = item.pictures[0] if item.pictures else None
    # The picture's own caption first: a headline ("Engineers inspect a seal") is not a caption.
    caption = (
        (ref.caption if ref else "") or item.summary or strip_tags(item.body_html).strip() or item.headline
    )
    renditions = [dataclasses.asdict(r) for r in item.renditions]
    if wire.kind in (VIDEO, AUDIO):
        url = (playable_rendition(renditions) or {}).get("url", "")  # none: the fetch says why (wire/av.py)
    else:
        url = best_rendition(item.renditions) or (ref.url if ref else "")
    if url != media.url or media.state == AgencyMedia.State.UNUSABLE:
        # A new file (or a usable version after a kill): fetch it again. A video's old file
        # stays until the new one replaces it (wire/av.py).
        media.url, media.url_hash, media.image = url[:1000], url_hash(url) if url else "", None
        media.state, media.reason = AgencyMedia.State.PENDING, ""
        if media.pk and media.file:
            pk = media.pk
            transaction.on_commit(lambda: media_files_changed.send(AgencyMedia, media_ids=[pk]))
        media.attempts, media.next_attempt_at = 0, None  # a new file has its own retries
    media.kind = wire.kind
    media.caption = caption
    media.alt = ((ref.alt if ref else "") or caption)[:300]
    media.credit = (item.credit or (ref.credit if ref else ""))[:255]
    media.byline, media.copyright = item.byline[:255], item.copyright[:255]
    media.usage_terms = item.usage_terms
    media.renditions = renditions
    media.changed_at = timezone.now()
    wire.pictures_pending = media.state == AgencyMedia.State.PENDING
    wire.pictures_next_at = media.next_attempt_at if wire.pictures_pending else None
    wire.save(update_fields=["pictures_pending", "pictures_next_at"])


def best_rendition(renditions: list[Rendition]) -> str:
    """The largest web picture within the pixel limit; the first file when sizes are not given.

    (Video and audio take their playable file instead, never the poster: wire/av.playable_rendition.)
    """
    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 0) or float("inf")
    web = [r for r in renditions if r.url and r.mime.split(";")[0].strip().lower() in WEB_IMAGES]
    sized = [r for r in web if r.width and r.height and r.width * r.height <= limit]
    if sized:
        return max(sized, key=lambda r: r.width * r.height).url
    return (web or [r for r in renditions if r.url] or [Rendition(url="")])[0].url


def stories_showing(images):
    """Stories whose live text, latest revision or scheduled revision leads with one of `images`."""
    return _stories_with("lead_image", [image.pk for image in images])


def stories_playing(media_ids):
    """Stories whose live text, latest revision or scheduled revision leads with one of these clips."""
    return _stories_with("lead_media", list(media_ids))


def _stories_with(field, ids):
    if not ids:
        return Article.objects.none()
    scheduled = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Article),
        approved_go_live_at__isnull=False,
        **{f"content__{field}__in": ids},
    ).values_list("object_id", flat=True)
    return Article.objects.filter(
        Q(**{f"{field}__in": ids})
        | Q(**{f"latest_revision__content__{field}__in": ids})
        | Q(pk__in=[int(pk) for pk in scheduled])
    ).distinct()


def _shows(article, ids) -> bool:
    """True when readers see, or will see, one of the images `ids` on the story: live, in its
    latest revision or in a scheduled one. A story not live whose own row still names the image
    while an editor chose another in its latest revision must keep that choice."""
    latest = article.latest_revision.content.get("lead_image") if article.latest_revision_id else None
    scheduled = article.revisions.filter(approved_go_live_at__isnull=False, content__lead_image__in=ids)
    return (article.live and article.lead_image_id in ids) or latest in ids or scheduled.exists()


@transaction.atomic
def withdraw_media(agency, guid: str, *, media=None, reason=""):
    """Make an agency's media unusable: off every story, out of the image library and storage."""
    found = AgencyMedia.objects.filter(agency=agency, guid=guid) if guid else AgencyMedia.objects.none()
    records = list(found.select_for_update())
    if media is not None and media.pk not in {m.pk for m in records}:
        records.append(media)
    images = {m.image for m in records if m.image_id}
    ids = [image.pk for image in images]
    for article in stories_showing(images):
        if not _shows(article, ids):
            continue  # only its unpublished row named it (deleting the image clears that)
        set_lead_image(article, image=None)
        # The agency took back its own lead: its next picture may lead (wire/leads.py). A story a
        # person led with something else keeps the agency's old lead on record, so theirs stands.
        WireItem.objects.filter(article=article, agency_lead__in=ids).update(agency_lead=None)
    media_ids = [m.pk for m in records]
    for article in stories_playing(media_ids):
        set_lead_media(article, media=None)
    files = [(m.file.storage, m.file.name) for m in records if m.file]
    AgencyMedia.objects.filter(pk__in=media_ids).update(
        state=AgencyMedia.State.UNUSABLE,
        reason=reason or f"{agency.name} killed or withheld this {records[0].kind if records else 'media'}.",
        image=None,
        file="",
        next_attempt_at=None,
        changed_at=timezone.now(),
    )
    # Nothing of it waits any more: its own item (a picture item) is done with fetching.
    WireItem.objects.filter(media__in=media_ids).update(pictures_pending=False, pictures_next_at=None)
    for image in images:
        image.delete()  # its files and renditions leave storage too: no copy stays public

    def remove_files():
        for storage, name in files:
            storage.delete(name)
        media_files_changed.send(AgencyMedia, media_ids=media_ids)

    # After commit: a kill rolled back must not have lost the file.
    transaction.on_commit(remove_files)
