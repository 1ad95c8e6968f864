"""schema.org structured data (JSON-LD) for reader pages: what search engines read about each page.

Each function returns a plain dict; the `json_ld` template tag writes it into the page. Every URL
in it is absolute on COPYDESK_BASE_URL, and every time carries its offset, as Google asks.
"""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import to_locale

from copydesk.newsroom.bylines import without_by

from .absolute import absolute
from .feeds import last_changed

CONTEXT = "https://schema.org"
# Google asks for each article image in 16:9, 4:3 and 1:1, large (1200 pixels wide here when the
# original is that wide), and of at least 50,000 pixels: smaller renditions are left out.
ARTICLE_IMAGES = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
MIN_IMAGE_PIXELS = 50_000
AUTHOR_PHOTO = "fill-240x240"


def iso(when):
    """Return an ISO 8601 time with its offset, in the newsroom's time zone."""
    return timezone.localtime(when).isoformat(timespec="seconds") if when else None


def language():
    """The site's language as a BCP 47 tag ("en-GB")."""
    return to_locale(settings.LANGUAGE_CODE).replace("_", "-")


def logo_url():
    logo = settings.COPYDESK_PUBLISHER_LOGO
    return logo if logo.startswith(("http://", "https://")) else absolute(static(logo))


def publisher():
    """The newsroom itself, as the publisher of every page."""
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.COPYDESK_SITE_NAME,
        "url": absolute("/"),
        "logo": {"@type": "ImageObject", "url": logo_url()},
    }


def organisation(name, url=""):
    return {"@type": "Organization", "name": name, **({"url": url} if url else {})}


def person(author):
    """A bylined author, linked to their page (Google's author.url)."""
    data = {"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())}
    if author.job_title:
        data["jobTitle"] = author.job_title
    return data


def free_text_author(story):
    """The free-text byline as a Person, or as the agency when it names only the agency.

    Google asks for the name alone, so a trailing ", <agency>" or ", <original publisher>" (the
    house style for agency and partner bylines) becomes the person's employer instead.
    """
    name = without_by(story.byline)
    employers = []
    if story.agency_id:
        agency = organisation(story.agency.name, story.agency.website)
        employers += [(agency, story.agency.name), (agency, story.agency.credit)]
    if story.original_publisher:
        employers.append((organisation(story.original_publisher), story.original_publisher))
    for employer, employer_name in employers:
        suffix = ", " + employer_name
        if name.casefold() == employer_name.casefold():
            return employer
        if name.casefold().endswith(suffix.casefold()):
            return {"@type": "Person", "name": name[: -len(suffix)].strip(), "worksFor": employer}
    return {"@type": "Person", "name": name}


def authors(story):
    """Everyone credited, in byline order; without a byline, the agency, the partner or the newsroom."""
    found = [person(author) for author in story.bylined_authors()]
    if story.byline.strip():
        found.append(free_text_author(story))
    if not found and story.agency_id:
        found.append(organisation(story.agency.name, story.agency.website))
    if not found and story.original_publisher:
        found.append(organisation(story.original_publisher))
    return found or [publisher()]


def date_modified(story):
    """The latest of publication, material update and correction, as feeds and sitemaps say too."""
    newest_correction = max((c.corrected_at for c in story.corrections.all()), default=None)
    return last_changed(story.first_published_at, story.updated_at, newest_correction)


def lead_renditions(story):
    """The lead image in Google's three shapes, 16:9 first (the one the page shows).

    They come from the image's prefetched renditions (for_article_page): once made, no query.
    """
    if not story.lead_image_id:
        return []
    renditions = story.lead_image.get_renditions(*ARTICLE_IMAGES)
    return [renditions[spec] for spec in ARTICLE_IMAGES]


def article(story, renditions):
    """A NewsArticle with what Google documents for articles, plus provenance and corrections."""
    url = absolute(story.get_absolute_url())
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": story.headline,
        "description": story.summary or story.dek,
        "datePublished": iso(story.first_published_at),
        "dateModified": iso(date_modified(story)),
        "author": authors(story),
        "publisher": publisher(),
        "image": [absolute(r.url) for r in renditions if r.width * r.height >= MIN_IMAGE_PIXELS],
        "articleSection": story.section.name,
        "keywords": sorted(tag.name for tag in story.tags.all()),
        "inLanguage": story.language or language(),
        "isAccessibleForFree": True,
    }
    if story.copyright:
        data["copyrightNotice"] = story.copyright_line
    if story.agency_id:
        data["sourceOrganization"] = organisation(story.agency.name, story.agency.website)
    if story.original_url:
        data["isBasedOn"] = {
            "@type": "NewsArticle",
            "url": story.original_url,
            "publisher": organisation(story.original_publisher),
        }
    if corrections := story.corrections.all():
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c.text, "datePublished": iso(c.corrected_at)}
            for c in corrections
        ]
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def breadcrumbs(*trail):
    """A BreadcrumbList from (name, path) pairs, the home page first."""
    items = [("Home", "/"), *trail]
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute(path)}
            for n, (name, path) in enumerate(items, start=1)
        ],
    }


def website():
    """The site as a whole, with the search it offers, and its publisher."""
    search = absolute(reverse("search:search"))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": settings.COPYDESK_SITE_NAME,
        "url": absolute("/"),
        "description": settings.COPYDESK_SITE_TAGLINE,
        "inLanguage": language(),
        "publisher": publisher(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def collection(name, description, url, stories, first_position=1):
    """A listing page (section, tag) and the stories it shows, in order."""
    return {
        "@context": CONTEXT,
        "@type": "CollectionPage",
        "name": name,
        "description": description,
        "url": url,
        "inLanguage": language(),
        "isPartOf": {"@type": "WebSite", "name": settings.COPYDESK_SITE_NAME, "url": absolute("/")},
        "publisher": publisher(),
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": n, "url": absolute(story.get_absolute_url())}
                for n, story in enumerate(stories, start=first_position)
            ],
        },
    }


def profile(author, url, photo=None):
    """An author's page: a ProfilePage about the Person, with their photo and other profiles."""
    data = {
        **person(author),
        "description": author.bio_paragraphs[0] if author.bio_paragraphs else "",
        "image": absolute(photo.url) if photo else "",
        "sameAs": [link.url for link in author.links.all()],
        "worksFor": publisher(),
    }
    return {
        "@context": CONTEXT,
        "@type": "ProfilePage",
        "url": url,
        "mainEntity": {key: value for key, value in data.items() if value not in ("", [])},
    }
