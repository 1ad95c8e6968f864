"""Republish one partner article by URL, as a draft with attribution and a canonical link."""

import io
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from copydesk.newsroom.actions import create_article

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
    name = (urlsplit(url).path.rsplit("/", 1)[-1] or "partner-image")[:80]
    try:
        # Wagtail's upload checks, as for an editor's upload: a readable image within the pixel limit.
        WagtailImageField().clean(SimpleUploadedFile(name, fetched.content))
    except ValidationError:  # the draft simply has no lead image
        return None
    image = get_image_model()(title=title[:255])
    image.file = ImageFile(io.BytesIO(fetched.content), name=name)
    image.save()
    return image


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
