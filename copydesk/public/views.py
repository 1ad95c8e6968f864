"""Reader pages. Each view is a few lines; the reads live in newsroom.querysets."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import http_date
from taggit.models import Tag

from copydesk.newsroom.models import Article, ArticleStatus, Author, Correction, Section
from copydesk.wire.models import AgencyMedia

from .caching import add_keys, set_public_headers, story_keys
from .query_params import varies_on
from .ranges import ranged_file_response

HOME_LATEST = 12


def note_stories(request, *stories):
    """Record the stories a page shows: their keys for purging, their latest change for Last-Modified."""
    add_keys(request, *story_keys(stories))
    times = [story.modified_at for story in stories if story.modified_at]
    if times:
        request.last_modified = max([*times, getattr(request, "last_modified", None) or times[0]])


RAIL_LENGTH = 4
MAX_PAGE = 100_000


class Page:
    """One page of a listing, without counting the whole listing: the cost stays flat as it grows."""

    def __init__(self, rows, number, size):
        self.object_list, self.number = rows[:size], number
        self.has_next_page = len(rows) > size

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.has_next_page

    def has_other_pages(self):
        return self.has_previous() or self.has_next()

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


def paginate(request, queryset):
    """Return the requested page, reading one row more than it shows to know if another follows."""
    try:
        number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        number = 1
    if number > MAX_PAGE:
        # Far beyond any archive; an offset that large would overflow the database's integers.
        raise Http404("There are not that many pages.")
    size = settings.COPYDESK_PAGE_SIZE
    rows = list(queryset[(number - 1) * size : number * size + 1])
    if number > 1 and not rows:
        raise Http404("There are not that many pages.")
    return Page(rows, number, size)


@varies_on()
def home(request):
    stories = list(Article.objects.live().for_listing()[: HOME_LATEST + 1])
    shown = [story.pk for story in stories]
    rails = Article.objects.section_rails(Section.objects.all(), RAIL_LENGTH, exclude=shown)
    note_stories(request, *stories, *[story for _, rail in rails for story in rail])
    add_keys(request, "home", *[f"section-{section.pk}" for section, _ in rails])
    context = {"lead": stories[0] if stories else None, "latest": stories[1:], "rails": rails}
    return render(request, "public/home.html", context)


@varies_on("page")
def section(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = paginate(request, Article.objects.live().in_section(section).for_listing())
    note_stories(request, *page.object_list)
    add_keys(request, f"section-{section.pk}")
    return render(
        request, "public/section.html", {"section": section, "current_section": section, "page": page}
    )


@varies_on("page")
def author(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo").prefetch_related("links"), slug=slug)
    page = paginate(request, Article.objects.live().by_author(author).for_listing())
    note_stories(request, *page.object_list)
    add_keys(request, f"author-{author.pk}")
    return render(request, "public/author.html", {"author": author, "page": page})


@varies_on("page")
def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, Article.objects.live().tagged(tag).for_listing())
    note_stories(request, *page.object_list)
    add_keys(request, f"tag-{tag.pk}")
    return render(request, "public/tag.html", {"tag": tag, "page": page})


@varies_on()
def article(request, section_slug, slug):
    article = get_object_or_404(Article.objects.for_article_page(), slug=slug)
    note_stories(request, article)
    add_keys(request, f"section-{article.section_id}", *[f"author-{a.pk}" for a in article.bylined_authors()])
    if article.lead_media_id:
        add_keys(request, f"media-{article.lead_media_id}")
    if article.status == ArticleStatus.WITHDRAWN:
        return render(request, "public/withdrawn.html", {"article": article}, status=410)
    if article.status != ArticleStatus.PUBLISHED:
        return render(request, "404.html", status=404)
    if article.section.slug != section_slug:
        return redirect(article, permanent=True)
    # Never the stories the Recent posts rail shows beside it.
    skip = settings.COPYDESK_RECENT_POSTS
    related = list(Article.objects.related_to(article, settings.COPYDESK_RELATED_STORIES, skip_newest=skip))
    # A new story under one of its tags may belong in the related list.
    note_stories(request, *related)
    add_keys(request, *[f"tag-{tag.pk}" for tag in article.tags.all()])
    context = {"article": article, "current_section": article.section, "related": related}
    return render(request, "public/article.html", {**context, "page_language": article.language})


@varies_on("page")
def corrections(request):
    """Every correction to a live story, newest first."""
    notes = Correction.objects.filter(article__status=ArticleStatus.PUBLISHED).select_related(
        "article__section"
    )
    page = paginate(request, notes)
    # Every correction purges "corrections"; the headlines shown are their stories' own.
    add_keys(request, "corrections", *story_keys({note.article for note in page.object_list}))
    return render(request, "public/corrections.html", {"page": page})


# Readers may see everything a clip is; never who is asking. A clip is a file, not a page.
MEDIA_FILE_POLICY = "default-src 'none'; sandbox"


@varies_on()
def media_file(request, pk, name):
    """Play an agency video or audio clip: only while it is usable and leads a live story."""
    media = get_object_or_404(
        AgencyMedia.objects.filter(state=AgencyMedia.State.FETCHED).exclude(file=""), pk=pk
    )
    stories = list(Article.objects.live().filter(lead_media=media).only("pk")[:50])
    if not stories or not media.playable or name != media.file_name:
        raise Http404("No such clip on a live story.")
    add_keys(request, f"media-{media.pk}", *story_keys(stories))
    request.last_modified = media.changed_at
    try:
        response = ranged_file_response(
            request, media.file, media.mime, last_modified=http_date(media.changed_at.timestamp())
        )
    except OSError as error:  # the file lost from storage: a missing clip, not a server error
        raise Http404("This clip's file is missing.") from error
    set_public_headers(request, response)
    response["Content-Security-Policy"] = MEDIA_FILE_POLICY
    return response
