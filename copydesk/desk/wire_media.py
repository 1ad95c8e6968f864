"""What the wire desk shows of pictures and other media: queue columns and the item page's lists."""

from django.utils import timezone
from django.utils.html import format_html, format_html_join
from wagtail.admin.ui.tables import Column

from copydesk.wire import leads, lifecycle
from copydesk.wire.models import AgencyMedia, WireItem
from copydesk.wire.models.media import AV_KINDS
from copydesk.wire.pictures import attempt_limit

THUMBNAIL = "fill-80x45"


def thumbnail(image, alt=""):
    if image is None:
        return ""
    try:
        rendition = image.get_rendition(THUMBNAIL)
    except OSError:  # Wagtail's SourceImageIOError: a file lost from storage must not break the queue
        return ""
    return format_html('<img src="{}" width="80" height="45" alt="{}">', rendition.url, alt)


def own_media(wire):
    """The AgencyMedia of a media item, or None (a text item, a package)."""
    try:
        return wire.media
    except AgencyMedia.DoesNotExist:
        return None


class KindColumn(Column):
    """Text, or the kind of media with its thumbnail: a picture item is not a story."""

    def get_value(self, instance):
        media = own_media(instance) if instance.kind != "text" else None
        label = instance.kind.capitalize()
        if media is None or media.image is None:
            return label
        return format_html("{}<br>{}", thumbnail(media.image, media.caption[:100]), label)


class ThumbnailColumn(Column):
    def get_value(self, instance):
        return thumbnail(instance.image, instance.caption[:100]) or "—"


class PicturesColumn(Column):
    """How many pictures a text item carries, and why any could not be fetched."""

    def get_value(self, instance):
        pictures = instance.pictures or []
        if not pictures:
            return "—"
        failed = [p for p in pictures if p.get("state") == "failed"]
        count = format_html("{} picture{}", len(pictures), "" if len(pictures) == 1 else "s")
        if instance.pictures_pending:
            return format_html("{}, waiting", count)
        if not failed:
            return count
        reasons = format_html_join("", "<li>{}</li>", ((p.get("reason", ""),) for p in failed))
        return format_html("{}, {} failed:<ul>{}</ul>", count, len(failed), reasons)


def media_context(wire: WireItem, user) -> dict:
    """The item page's pictures (with state), its own media, a package's members and the library."""
    known = AgencyMedia.objects.select_related("image").in_bulk(
        [p["media"] for p in wire.pictures if p.get("media")]
    )
    may_attach = user.has_perm("wire.attach_agencymedia") and wire.article_id is not None
    pictures = []
    for position, entry in enumerate(wire.pictures):
        media = known.get(entry.get("media"))
        pictures.append(
            {
                **entry,
                # The media's own state is the fresh one: a kill or a retry since the item's last round.
                **({"state": media.state, "reason": media.reason} if media else {}),
                "retry": retry_note(media),
                "lead": position == 0,
                "media": media,
                "thumbnail": thumbnail(media.image, entry.get("alt", "")) if media else "",
                "attachable": may_attach and media is not None and media.usable,
            }
        )
    members = []
    if wire.package_members:
        found = {
            w.guid: w for w in WireItem.objects.filter(agency=wire.agency, guid__in=wire.package_members)
        }
        members = [(guid, found.get(guid)) for guid in wire.package_members]
    library = []
    if may_attach and wire.kind == "text":
        usable = AgencyMedia.objects.filter(state=AgencyMedia.State.FETCHED, image__isnull=False)
        library = list(usable.select_related("image").order_by("-received_at")[:12])
    clips = []
    if may_attach and wire.kind == "text":
        playable = AgencyMedia.objects.filter(state=AgencyMedia.State.FETCHED, kind__in=AV_KINDS).exclude(
            file=""
        )
        clips = list(playable.order_by("-received_at")[:12])
    media = own_media(wire) if wire.kind != "text" else None
    return {
        "clips": clips,
        "lead_media": _lead_media(wire.article) if may_attach else None,
        "pictures": pictures,
        "agency_lead_waiting": _agency_lead_waiting(wire, may_attach),
        "own_media": media,
        "own_thumbnail": thumbnail(media.image, media.caption[:100]) if media and media.image else "",
        "package_members": members,
        "library": [(m, thumbnail(m.image, m.caption[:100])) for m in library],
        "may_attach": may_attach,
    }


def _lead_media(article):
    """The clip the story's latest text leads with (a draft holds it only in its revision)."""
    revision = article.latest_revision
    pk = revision.content.get("lead_media") if revision else article.lead_media_id
    return AgencyMedia.objects.filter(pk=pk).first() if pk else None


def retry_note(media) -> str:
    """ "attempt 2 of 5, next at 14:05" for a picture waiting to be tried again, else ""."""
    if media is None or media.state != AgencyMedia.State.PENDING or media.next_attempt_at is None:
        return ""
    at = timezone.localtime(media.next_attempt_at).strftime("%H:%M")
    return f"attempt {media.attempts + 1} of {max(attempt_limit(), media.attempts + 1)}, next at {at}"


def _agency_lead_waiting(wire, may_attach):
    """The agency's new lead picture that was not applied, why, and whether this user may apply it."""
    if wire.kind != "text" or wire.article is None:
        return None
    waiting = leads.waiting_lead(wire, edited=lifecycle.is_edited(wire))
    if waiting is None:
        return None
    media, why = waiting
    return {
        "media": media,
        "why": why,
        "thumbnail": thumbnail(media.image, media.alt[:100]),
        "attachable": may_attach,
    }
