"""RSS 2.0, Atom and JSON Feed 1.1 of the newest live stories: the whole site, a section, an author, a tag.

Each feed is Django's syndication `Feed`; the format is only its generator (`feed_type`), so the
three formats share every decision about which stories appear and what each item says.
"""

import json
import mimetypes
from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import escape
from taggit.models import Tag
from wagtail.images import get_image_model

from copydesk.newsroom.bylines import without_by
from copydesk.newsroom.languages import site_language
from copydesk.newsroom.models import Article, Author, Correction, Section

from .absolute import absolute
from .caching import add_keys

# The lead image as the article page shows it, so feeds reuse a rendition that already exists.
ENCLOSURE_FILTER = "fill-1200x675"


# When a story last changed ----------------------------------------------------------------------


def with_last_correction(stories):
    """Annotate each story with its newest correction's time, in the same query."""
    newest = (
        Correction.objects.filter(article=OuterRef("pk")).order_by("-corrected_at").values("corrected_at")
    )
    return stories.annotate(last_corrected_at=Subquery(newest[:1]))


def last_changed(first_published_at, updated_at=None, last_corrected_at=None):
    """The later of publication, the last material update and the newest correction."""
    return max(
        (t for t in (first_published_at, updated_at, last_corrected_at) if t is not None), default=None
    )


# Generators: Django's, with every author and the full text when it may be given -----------------


class RssFeed(feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _ in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        handler.addQuickElement("dc:language", item["language"])
        if item["content_html"]:
            handler.addQuickElement("content:encoded", item["content_html"])


class AtomFeed(feedgenerator.Atom1Feed):
    def item_attributes(self, item):
        return {**super().item_attributes(item), "xml:lang": item["language"]}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if url:
                handler.addQuickElement("uri", url)
            handler.endElement("author")
        if item["content_html"]:
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class JsonFeed(feedgenerator.SyndicationFeed):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1) from the same items as RSS and Atom."""

    content_type = "application/feed+json"

    def write(self, outfile, encoding):
        feed = self.feed
        document = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "language": feed["language"],
            "authors": [{"name": feed["author_name"], "url": feed["author_link"]}],
            "items": [self.item(item) for item in self.items],
        }
        outfile.write(json.dumps(document, ensure_ascii=False, indent=1))

    def item(self, item):
        text = (
            {"content_html": item["content_html"]}
            if item["content_html"]
            else {"content_text": item["summary"]}
        )
        entry = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "summary": item["summary"],
            **text,
            "date_published": item["pubdate"].isoformat(),
            "date_modified": item["updateddate"].isoformat(),
            "authors": [{"name": name, **({"url": url} if url else {})} for name, url in item["authors"]],
            "tags": list(item["categories"]),
            "language": item["language"],
        }
        if item["enclosures"]:
            entry["image"] = item["enclosures"][0].url
        return entry


FORMATS = {"rss": ("rss.xml", RssFeed), "atom": ("atom.xml", AtomFeed), "json": ("feed.json", JsonFeed)}


# Feeds ---------------------------------------------------------------------------------------------


class StoryFeed(Feed):
    """The newest live stories of the whole site. Subclasses narrow the stories and name the feed."""

    url_name = "site_feed"
    query_params = frozenset()  # no query changes a feed (see query_params.py)

    def __init__(self, format_name):
        self.format_name = format_name
        self.feed_type = FORMATS[format_name][1]

    def __call__(self, request, *args, **kwargs):
        add_keys(request, "feeds")
        return super().__call__(request, *args, **kwargs)

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        add_keys(request, *self.keys(obj), *(key for item in feed.items for key in item["keys"]))
        return feed

    # The feed ---------------------------------------------------------------------------------

    @property
    def language(self):
        return settings.LANGUAGE_CODE

    def keys(self, obj):
        return []

    def stories(self, obj):
        return Article.objects.live()

    def title(self, obj):
        return settings.COPYDESK_SITE_NAME

    def description(self, obj):
        return settings.COPYDESK_SITE_TAGLINE

    def link(self, obj):
        return absolute(reverse("public:home"))

    def url_args(self, obj):
        return []

    def feed_url(self, obj):
        return absolute(reverse(f"public:{self.url_name}_{self.format_name}", args=self.url_args(obj)))

    def feed_guid(self, obj):
        return self.feed_url(obj)

    def author_name(self, obj):
        return settings.COPYDESK_SITE_NAME

    def author_link(self, obj):
        return absolute(reverse("public:home"))

    def items(self, obj):
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=ENCLOSURE_FILTER)
        stories = (
            with_last_correction(self.stories(obj))
            .select_related("section", "agency", "lead_image")
            .prefetch_related(
                Prefetch("lead_image__renditions", queryset=renditions), "byline_authors__author", "tags"
            )
            .defer("body", *([] if settings.COPYDESK_FEED_FULL_CONTENT else ["body_html"]))
        )
        return stories[: settings.COPYDESK_FEED_ITEMS]

    # Each story ---------------------------------------------------------------------------------

    def item_title(self, story):
        # Plain text, escaped once by the XML or JSON writer (Django's default escapes it twice).
        return story.headline

    def item_description(self, story):
        return escape(story.summary)

    def item_link(self, story):
        return absolute(story.get_absolute_url())

    def item_guid(self, story):
        """A tag: URI from the story's id, so editing its headline, slug or section never changes it."""
        host = urlsplit(settings.COPYDESK_BASE_URL).hostname
        return f"tag:{host},{story.first_published_at.astimezone(UTC):%Y-%m-%d}:article-{story.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return last_changed(story.first_published_at, story.updated_at, story.last_corrected_at)

    def item_categories(self, story):
        return [story.section.name, *sorted(tag.name for tag in story.tags.all())]

    def item_enclosures(self, story):
        if not story.lead_image:
            return []
        try:
            rendition = story.lead_image.get_rendition(ENCLOSURE_FILTER)
            size = rendition.file.size  # the storage's size, without reading the file
        except OSError:
            return []  # a lost image file costs the item its picture, not the feed
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream"
        return [feedgenerator.Enclosure(absolute(rendition.url), str(size), mime_type)]

    def item_authors(self, story):
        """[(name, page URL or None)] for every bylined author, then the free-text byline."""
        authors = [(a.name, absolute(a.get_absolute_url())) for a in story.bylined_authors()]
        if story.byline:
            authors.append((without_by(story.byline), None))
        elif not authors and story.agency_id:
            authors.append((story.agency.name, None))
        return authors

    def item_content_html(self, story):
        """The full text when the newsroom offers it and the story is its own to give away.

        Agency and partner copy is licensed for this site only: feeds carry its excerpt.
        """
        own = not story.agency_id and not story.original_url
        return story.body_html if settings.COPYDESK_FEED_FULL_CONTENT and own else None

    def item_extra_kwargs(self, story):
        keys = [f"article-{story.pk}", f"section-{story.section_id}"]
        keys += [f"author-{a.pk}" for a in story.bylined_authors()]
        return {
            "authors": self.item_authors(story),
            "summary": story.summary,
            "content_html": self.item_content_html(story),
            "language": story.language or site_language(),
            "keys": keys,  # for get_feed, which names them for purging
        }


class SectionFeed(StoryFeed):
    url_name = "section_feed"

    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def keys(self, section):
        return [f"section-{section.pk}"]

    def stories(self, section):
        return Article.objects.live().in_section(section)

    def title(self, section):
        return f"{settings.COPYDESK_SITE_NAME} — {section.name}"

    def description(self, section):
        return section.description or f"The newest stories in {section.name}."

    def link(self, section):
        return absolute(section.get_absolute_url())

    def url_args(self, section):
        return [section.slug]


class AuthorFeed(StoryFeed):
    url_name = "author_feed"

    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def keys(self, author):
        return [f"author-{author.pk}"]

    def stories(self, author):
        return Article.objects.live().by_author(author)

    def title(self, author):
        return f"{settings.COPYDESK_SITE_NAME} — {author.name}"

    def description(self, author):
        return f"The newest stories by {author.name}."

    def link(self, author):
        return absolute(author.get_absolute_url())

    def url_args(self, author):
        return [author.slug]


class TagFeed(StoryFeed):
    url_name = "tag_feed"

    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def keys(self, tag):
        return [f"tag-{tag.pk}"]

    def stories(self, tag):
        return Article.objects.live().tagged(tag)

    def title(self, tag):
        return f"{settings.COPYDESK_SITE_NAME} — {tag.name}"

    def description(self, tag):
        return f"The newest stories tagged “{tag.name}”."

    def link(self, tag):
        return absolute(reverse("public:tag", args=[tag.slug]))

    def url_args(self, tag):
        return [tag.slug]
