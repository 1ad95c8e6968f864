"""Sitemaps for search engines: an index, live stories by month, sections, authors, tags, Google News.

The classes are Django's `Sitemap`s. The index counts live stories month by month, each count a
range read of the (status, first_published_at) index, so it never scans the table; each sitemap
reads only the columns it prints, in two queries whatever its length, and is written directly
rather than through a template, which would cost about 70 µs an entry (3.5 s for 50,000).
"""

import math
import re
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from urllib.parse import quote

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Exists, Max, OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.http import RFC3986_SUBDELIMS, http_date
from taggit.models import Tag

from copydesk.newsroom.models import Article, ArticleTag, Author, Section

from .absolute import absolute
from .caching import add_keys
from .feeds import last_changed, with_last_correction
from .query_params import varies_on

NEWS_DAYS = 2  # Google News takes stories published in the last two days ...
NEWS_LIMIT = 1000  # ... and at most this many in one news sitemap.
# Authors' and tags' lastmod comes from this many newest stories (see recent_activity).
RECENT_STORIES = 10_000
NO_INDEX = "noindex, noodp, noarchive"  # as Django's own sitemap views say: list the pages, not this file


class CanonicalSitemap(Sitemap):
    """Locations on COPYDESK_BASE_URL, whatever host name the crawler asked for."""

    def get_urls(self, page=1, site=None, protocol=None):
        scheme, _, rest = settings.COPYDESK_BASE_URL.rstrip("/").partition("://")
        return super().get_urls(page=page, site=SimpleNamespace(domain=rest), protocol=scheme)

    @property
    def paginator(self):
        # An empty sitemap is a 404 (a month with no live story), not an empty document.
        return Paginator(self.items(), self.limit, allow_empty_first_page=False)


class MonthSitemap(CanonicalSitemap):
    """Live stories first published in one month of the newsroom's time zone, newest first."""

    def __init__(self, year, month):
        self.start = datetime(year, month, 1, tzinfo=timezone.get_default_timezone())
        self.end = next_month(self.start)
        self.article_path = article_paths()

    def items(self):
        stories = Article.objects.live().filter(
            first_published_at__gte=self.start, first_published_at__lt=self.end
        )
        return with_last_correction(stories).values(
            "slug", "section__slug", "first_published_at", "updated_at", "last_corrected_at"
        )

    def location(self, story):
        return self.article_path(story["section__slug"], story["slug"])

    def lastmod(self, story):
        return last_changed(story["first_published_at"], story["updated_at"], story["last_corrected_at"])


def article_paths():
    """Return path(section_slug, slug): an article's path exactly as reverse() builds it, 20 times faster.

    reverse() costs about 30 µs, which 50,000 entries turn into 1.5 s; an article's route is its
    section's followed by its slug, so the section's path is reversed once and the slug quoted as
    reverse() quotes it.
    """
    sections = {}

    def path(section_slug, slug):
        if section_slug not in sections:
            sections[section_slug] = reverse("public:section", args=[section_slug])
        return sections[section_slug] + quote(slug, safe=RFC3986_SUBDELIMS + "/~:@") + "/"

    return path


class SectionSitemap(CanonicalSitemap):
    def items(self):
        # One probe of the (section, status, first_published_at) index per section.
        newest = Article.objects.live().filter(section=OuterRef("pk")).values("first_published_at")[:1]
        return Section.objects.annotate(newest=Subquery(newest)).only("slug")

    def lastmod(self, section):
        return section.newest


def recent_activity(link):
    """{author or tag id: its newest story's first publication}, among the newest live stories.

    The newest story of every author or tag, found one by one, costs a pass over all their stories
    (1.3 s for the tags of 100,000 stories on SQLite); among the newest RECENT_STORIES the cost is
    fixed. An author or tag with none of them has changed for no reader lately and gets no lastmod.
    """
    live = Article.objects.live()
    threshold = live.values_list("first_published_at", flat=True)[RECENT_STORIES - 1 : RECENT_STORIES]
    if threshold:
        live = live.filter(first_published_at__gte=threshold[0])
    rows = live.order_by().values(link).annotate(newest=Max("first_published_at"))
    return {row[link]: row["newest"] for row in rows if row[link]}


class AuthorSitemap(CanonicalSitemap):
    """Every author: each has a public page, with a bio even before a first story."""

    def items(self):
        return Author.objects.only("slug")

    def lastmod(self, author):
        return self.recent.get(author.pk)

    @cached_property
    def recent(self):
        return recent_activity("byline_authors__author")


class TagSitemap(CanonicalSitemap):
    """Tags with at least one live story: a tag given only to unpublished stories may name news early."""

    def items(self):
        live = ArticleTag.objects.filter(tag=OuterRef("pk"), content_object__status="published")
        return Tag.objects.filter(Exists(live)).only("slug").order_by("name")

    def location(self, tag):
        return reverse("public:tag", args=[tag.slug])

    def lastmod(self, tag):
        return self.recent.get(tag.pk)

    @cached_property
    def recent(self):
        return recent_activity("tagged_items__tag")


LISTINGS = {"sections": SectionSitemap, "authors": AuthorSitemap, "tags": TagSitemap}
MONTH_NAME = re.compile(r"articles-(?P<year>\d{4})-(?P<month>\d{2})")


def month_of(when):
    """Midnight on the first of `when`'s month, in the newsroom's time zone."""
    local = when.astimezone(timezone.get_default_timezone())
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def next_month(start):
    return (start + timedelta(days=32)).replace(day=1)


def month_name(start):
    return f"articles-{start:%Y-%m}"


def sitemap_named(name):
    if name in LISTINGS:
        return LISTINGS[name]()
    match = MONTH_NAME.fullmatch(name)
    if not match or not 1 <= int(match["month"]) <= 12:
        raise Http404(f"There is no sitemap named {name!r}.")
    try:
        sitemap = MonthSitemap(int(match["year"]), int(match["month"]))
        # The database compares in UTC: a month at either end of the calendar may not convert.
        sitemap.start.astimezone(UTC), sitemap.end.astimezone(UTC)
    except (ValueError, OverflowError):  # year 0, or a month whose bounds lie outside years 1 to 9999
        raise Http404(f"There is no sitemap named {name!r}.") from None
    return sitemap


def story_months():
    """Return [(month name, live stories)] for every month that has any, newest first.

    The newest and oldest live stories bound the search; then one count per month, each a range
    read of the live-stories index.
    """
    times = Article.objects.live().values_list("first_published_at", flat=True)
    newest, oldest = times.first(), times.last()
    if newest is None:
        return []
    month, first = month_of(newest), month_of(oldest)
    months = []
    while month >= first:
        count = times.filter(first_published_at__gte=month, first_published_at__lt=next_month(month)).count()
        if count:
            months.append((month_name(month), count))
        month = (month - timedelta(days=1)).replace(day=1)
    return months


# Views ---------------------------------------------------------------------------------------------


@varies_on()
def index(request):
    """The sitemap index: one entry per sitemap page, months newest first."""
    add_keys(request, "sitemaps")
    pages = [(name, math.ceil(count / MonthSitemap.limit)) for name, count in story_months()]
    pages += [(name, sitemap().paginator.num_pages) for name, sitemap in LISTINGS.items()]
    locations = []
    for name, page_count in pages:
        url = absolute(reverse("public:sitemap", args=[name]))
        locations += [url if page == 1 else f"{url}?p={page}" for page in range(1, page_count + 1)]
    response = TemplateResponse(
        request, "public/sitemap_index.xml", {"locations": locations}, content_type="application/xml"
    )
    response["X-Robots-Tag"] = NO_INDEX
    return response


@varies_on("p")
def sitemap(request, section):
    """One page of one sitemap (?p=2 for the next 50,000), as Django's sitemap view, written directly."""
    add_keys(request, "sitemaps")
    try:
        urls = sitemap_named(section).get_urls(page=request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(f"The {section} sitemap has no such page.") from error
    response = HttpResponse(urlset(urls), content_type="application/xml")
    response["X-Robots-Tag"] = NO_INDEX
    if times := [url["lastmod"] for url in urls if url["lastmod"]]:
        response["Last-Modified"] = http_date(max(times).timestamp())
    return response


def urlset(urls):
    """The sitemap document for Django's url dicts, as its sitemap.xml template would write it."""
    entries = (
        f"<url><loc>{escape(url['location'])}</loc>"
        + (f"<lastmod>{url['lastmod'].isoformat()}</lastmod>" if url["lastmod"] else "")
        + "</url>\n"
        for url in urls
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "".join(entries) + "</urlset>\n"
    )


def news_language(tag=None):
    """The language as Google News wants it: ISO 639 ("en"), except zh-cn and zh-tw."""
    code = (tag or settings.LANGUAGE_CODE).lower()
    return code if code in ("zh-cn", "zh-tw") else code.split("-")[0]


@varies_on()
def news(request):
    """Google News sitemap: live stories first published in the last two days, newest first."""
    add_keys(request, "sitemaps")
    since = timezone.now() - timedelta(days=NEWS_DAYS)
    stories = with_last_correction(Article.objects.live().filter(first_published_at__gte=since)).values(
        "headline",
        "slug",
        "section__slug",
        "language",
        "first_published_at",
        "updated_at",
        "last_corrected_at",
    )[:NEWS_LIMIT]
    article_path = article_paths()
    entries = [
        {
            "location": absolute(article_path(s["section__slug"], s["slug"])),
            "lastmod": last_changed(s["first_published_at"], s["updated_at"], s["last_corrected_at"]),
            "published": s["first_published_at"],
            "title": s["headline"],
            "language": news_language(s["language"]),
        }
        for s in stories
    ]
    if not entries:
        # An empty urlset is not a valid sitemap; crawlers simply try again later.
        raise Http404("No story was published in the last two days.")
    context = {"entries": entries, "publication": settings.COPYDESK_SITE_NAME}
    response = render(request, "public/news_sitemap.xml", context, content_type="application/xml")
    response["X-Robots-Tag"] = NO_INDEX
    return response


@varies_on()
def robots(request):
    """Let crawlers in everywhere but the admin and search results, and point them at the sitemaps."""
    context = {
        "sitemaps": [absolute(reverse("public:sitemap_index")), absolute(reverse("public:news_sitemap"))]
    }
    return render(request, "public/robots.txt", context, content_type="text/plain; charset=utf-8")
