"""What a reader page tells search engines and social networks in its <head>.

One tag per kind of page builds a PageMeta (canonical link, robots, description, OpenGraph and
Twitter card, JSON-LD from `structured`) and renders `public/includes/page_meta.html`. Every URL is
absolute on COPYDESK_BASE_URL, whatever host the request came through.
"""

import json
from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import to_locale

from .. import structured
from ..absolute import absolute

register = template.Library()

TEMPLATE = "public/includes/page_meta.html"
DESCRIPTION_LENGTH = 160
# "</script>" or "<!--" in a headline would end the script element early; as JSON escapes these
# characters mean the same to a parser and nothing to HTML (the escapes of Django's json_script).
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """Write `data` as a JSON-LD script whose text cannot close the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_ESCAPES)
    safe = mark_safe(text)  # noqa: S308  (no <, > or & is left in it: nothing in it is markup)
    return format_html('<script type="application/ld+json">{}</script>', safe)


@dataclass
class PageMeta:
    title: str
    description: str
    canonical: str
    type: str = "website"
    image: str = ""
    image_alt: str = ""
    image_width: int | None = None
    image_height: int | None = None
    large_image: bool = False
    properties: list = field(default_factory=list)  # OpenGraph article:* pairs
    schemas: list = field(default_factory=list)  # JSON-LD documents


def rendered(meta, language=None):
    return {
        "meta": meta,
        "site_name": settings.COPYDESK_SITE_NAME,
        "locale": to_locale(language or settings.LANGUAGE_CODE),
    }


def listing_url(path, page):
    """Each page of a listing is its own canonical page, so the archive behind page 1 is indexed too."""
    url = absolute(path)
    return f"{url}?page={page.number}" if page is not None and page.number > 1 else url


def first_position(page):
    return (page.number - 1) * settings.COPYDESK_PAGE_SIZE + 1 if page is not None else 1


def with_logo(meta):
    """Listing pages have no picture of their own; share cards show the publisher's logo, small."""
    meta.image, meta.image_alt = structured.logo_url(), settings.COPYDESK_SITE_NAME
    return meta


@register.inclusion_tag(TEMPLATE)
def article_meta(story):
    renditions = structured.lead_renditions(story)
    modified = structured.date_modified(story)
    tags = sorted(tag.name for tag in story.tags.all())
    meta = PageMeta(
        title=story.headline,
        description=story.summary or story.dek,
        # A partner's story republished here points search engines at the original.
        canonical=story.original_url or absolute(story.get_absolute_url()),
        type="article",
        properties=[
            ("article:published_time", structured.iso(story.first_published_at)),
            ("article:modified_time", structured.iso(modified)),
            ("article:section", story.section.name),
            *[("article:author", absolute(a.get_absolute_url())) for a in story.bylined_authors()],
            *[("article:tag", name) for name in tags],
        ],
        schemas=[
            structured.article(story, renditions),
            structured.breadcrumbs(
                (story.section.name, story.section.get_absolute_url()),
                (story.headline, story.get_absolute_url()),
            ),
        ],
    )
    if renditions:
        wide = renditions[0]
        meta.image, meta.image_width, meta.image_height = absolute(wide.url), wide.width, wide.height
        meta.image_alt = story.lead_image_alt or story.lead_image.description or story.headline
        meta.large_image = True
    return rendered(meta, story.language)


@register.inclusion_tag(TEMPLATE)
def home_meta():
    meta = PageMeta(
        title=settings.COPYDESK_SITE_NAME,
        description=settings.COPYDESK_SITE_TAGLINE,
        canonical=absolute("/"),
        schemas=[structured.website(), {"@context": structured.CONTEXT, **structured.publisher()}],
    )
    return rendered(with_logo(meta))


@register.inclusion_tag(TEMPLATE)
def section_meta(section, page):
    url = listing_url(section.get_absolute_url(), page)
    description = (
        section.description or f"The latest {section.name} stories from {settings.COPYDESK_SITE_NAME}."
    )
    meta = PageMeta(
        title=section.name,
        description=description,
        canonical=url,
        schemas=[
            structured.collection(section.name, description, url, page.object_list, first_position(page)),
            structured.breadcrumbs((section.name, section.get_absolute_url())),
        ],
    )
    return rendered(with_logo(meta))


@register.inclusion_tag(TEMPLATE)
def tag_meta(tag, page):
    url = listing_url(reverse("public:tag", args=[tag.slug]), page)
    title = f"Stories tagged “{tag.name}”"
    description = f"{title} in {settings.COPYDESK_SITE_NAME}, newest first."
    meta = PageMeta(
        title=title,
        description=description,
        canonical=url,
        schemas=[structured.collection(title, description, url, page.object_list, first_position(page))],
    )
    return rendered(with_logo(meta))


@register.inclusion_tag(TEMPLATE)
def author_meta(author, page):
    url = listing_url(author.get_absolute_url(), page)
    photo = author.photo.get_rendition(structured.AUTHOR_PHOTO) if author.photo_id else None
    bio = author.bio_paragraphs[0] if author.bio_paragraphs else ""
    fallback = f"{author.name}, {author.job_title}" if author.job_title else f"Stories by {author.name}"
    meta = PageMeta(
        title=author.name,
        description=Truncator(bio).chars(DESCRIPTION_LENGTH) or f"{fallback}, {settings.COPYDESK_SITE_NAME}.",
        canonical=url,
        type="profile",
        schemas=[structured.profile(author, url, photo)],
    )
    if photo:
        meta.image, meta.image_width, meta.image_height = absolute(photo.url), photo.width, photo.height
        meta.image_alt = author.name
    return rendered(meta)


@register.inclusion_tag(TEMPLATE)
def listing_meta(title, description, path, page=None):
    """A plain listing (corrections): canonical, description and a card, without structured data."""
    meta = PageMeta(title=title, description=description, canonical=listing_url(path, page))
    return rendered(with_logo(meta))
