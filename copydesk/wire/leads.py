"""Who leads a wire story with a picture: the agency, until a person chooses otherwise.

The agency's first picture leads the story (wire/pictures.py fetches it). A later version may
list another first picture, and the agency may then replace the lead image, but only while the
story still shows the image the agency itself last gave it (`WireItem.agency_lead`; none, before
it gave one) and the story's text is the agency's. An editor who chose another picture, removed
the lead image or rewrote the story has taken the story over: the agency's new picture waits on
the item's desk page, where an editor may apply it, which hands the lead back to the agency.

A kill of the agency's lead picture takes it off the story (wire/media.py) and forgets it as the
agency's lead, so the agency's next picture may lead again; a kill of a picture the story does not
show changes nothing here, so a person's choice still stands.

"The story's lead image" is its latest revision's: a draft or a schedule is what an editor last
chose, and `newsroom.actions.set_lead_image` keeps the live story and its revisions together.
"""

from copydesk.newsroom.actions import set_lead_image

from .items import USABLE
from .models import AgencyMedia, WireItem

CHOSEN = "an editor chose another"
EDITED = "an editor edited the story"


def lead_image_fields(wire: WireItem) -> dict:
    """The lead image the item's first picture gives its story, or {} while it has none."""
    first = wire.pictures[0] if wire.pictures else None
    if not first or not first.get("media"):
        return {}
    media = (
        AgencyMedia.objects.select_related("image")
        .filter(pk=first["media"], state=AgencyMedia.State.FETCHED)
        .first()
    )
    if media is None or media.image is None:
        return {}
    return {
        "image": media.image,
        "caption": (first.get("caption", "") or media.caption)[:300],
        "credit": (first.get("credit", "") or media.credit)[:120],
        "alt": (first.get("alt") or first.get("caption", "") or media.alt)[:300],
        "usage": first.get("usage_terms", "") or media.usage_terms,
    }


def story_lead(article) -> int | None:
    """The id of the image the story leads with, as its latest revision has it."""
    if article.latest_revision_id is not None:
        return article.latest_revision.content.get("lead_image")
    return article.lead_image_id


def refusal(wire: WireItem, article, *, edited: bool) -> str:
    """Why the agency may not change the story's lead image now ("" when it may)."""
    if story_lead(article) != wire.agency_lead:
        return CHOSEN
    return EDITED if edited else ""


def follow_agency_lead(wire: WireItem, *, edited: bool) -> None:
    """Lead the item's story with the agency's first picture, if the agency may (see above)."""
    article = wire.article
    if article is None or wire.pubstatus != USABLE or edited:
        return
    lead = lead_image_fields(wire)
    if not lead:
        return
    article.refresh_from_db()
    shown = story_lead(article)
    if shown == lead["image"].pk or shown != wire.agency_lead:
        return
    set_lead_image(article, **lead)
    agency_leads(wire, lead["image"].pk)


def agency_leads(wire: WireItem, image_id: int | None) -> None:
    """Record that the agency's picture `image_id` now leads the story (None: the agency gave none)."""
    wire.agency_lead = image_id
    WireItem.objects.filter(pk=wire.pk).update(agency_lead=image_id)


def waiting_lead(wire: WireItem, *, edited: bool):
    """The agency's first picture and why it does not lead the story, or None when nothing waits."""
    if wire.article is None or wire.pubstatus != USABLE:
        return None
    lead = lead_image_fields(wire)
    if not lead or story_lead(wire.article) == lead["image"].pk:
        return None
    why = refusal(wire, wire.article, edited=edited)
    return (AgencyMedia.objects.get(pk=wire.pictures[0]["media"]), why) if why else None
