"""Republish one partner article by URL, as a draft with attribution and a canonical link."""

from urllib.parse import urlsplit

from django.db import transaction

from copydesk.newsroom.actions import create_article
from copydesk.newsroom.library_images import ImageRefused, file_name, store_image

from .fetch import FetchError, fetch
from .partner import fetch_partner_article


def _lead_image(url, title):
    """Fetch the partner's lead image under the same safety rules; None if it cannot be had."""
    try:
        fetched = fetch(url, max_bytes=10 * 1024 * 1024)
    except FetchError:
        return None
    if not fetched.content_type.startswith("image/"):
        return None
    try:
        return store_image(file_name(url, "partner-image"), fetched.content, title=title)
    except ImageRefused:  # the draft simply has no lead image
        return None


@transaction.atomic
def republish_partner_article(url: str, *, section, by=None):
    """Fetch and extract a partner's article and create an unpublished draft crediting them."""
    partner = fetch_partner_article(url)
    publisher = partner.site_name or urlsplit(partner.url or url).hostname or url
    image = _lead_image(partner.lead_image_url, partner.headline) if partner.lead_image_url else None
    return create_article(
        headline=partner.headline[:255],
        slug="",
        body=partner.body_html,
        section=section,
        byline=f"{partner.byline}, {publisher}" if partner.byline else "",
        original_publisher=publisher[:120],
        original_url=partner.url or url,
        lead_image=image,
        lead_image_alt=partner.headline[:300] if image else "",
        lead_image_credit=publisher[:120] if image else "",
        by=by,
    )
