"""Make and refresh the newsroom story that carries a wire item."""

from django.db import transaction
from django.utils import timezone

from copydesk.newsroom.actions import create_article, publish_article

from .models import WireItem


def story_fields(wire: WireItem) -> dict:
    """Return the article fields the agency's latest version decides."""
    fields = {
        "headline": wire.headline[:255],
        "dek": wire.summary[:400],
        "body": wire.body_html or f"<p>{wire.summary}</p>",
        "byline": wire.byline[:255],
        "agency_credit": wire.credit[:60],
        "usage_terms": wire.usage_terms,
    }
    article = wire.article
    if article is None or not article.live:
        # Never live yet: the story may only go live at the end of the embargo.
        fields["go_live_at"] = (
            wire.embargoed_until if wire.embargoed_until and wire.embargoed_until > timezone.now() else None
        )
    return fields


@transaction.atomic
def create_story_from_wire(wire: WireItem, *, publish: bool, by=None):
    """Create the wire item's story with the agency's credit; publish (or schedule) it if asked."""
    source = wire.source
    tags = list(dict.fromkeys([*source.tag_list, *[k.lower() for k in wire.keywords[:4]]]))
    article = create_article(
        slug="",
        section=source.section,
        agency=wire.agency,
        tags=[t[:100] for t in tags],
        by=by,
        **story_fields(wire),
    )
    wire.article = article
    wire.state = WireItem.State.ON_DESK
    if publish:
        article = publish_article(article, by=by)
        wire.state = WireItem.State.SCHEDULED if article.status == "scheduled" else WireItem.State.PUBLISHED
    wire.save(update_fields=["article", "state", "changed_at"])
    return article
