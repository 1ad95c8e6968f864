"""One page of live stories for a reader's search, through Wagtail's search backend."""

from django.conf import settings
from django.db import OperationalError
from django.http import Http404
from wagtail.search.backends import get_search_backend

from copydesk.newsroom.models import Article
from copydesk.public.views import Page

from .budget import ran_out_of_time, time_limit
from .criteria import MAX_PAGE
from .languages import InLanguage
from .snippets import highlight, snippet, stems

try:  # only with the `opensearch` extra installed
    from opensearchpy.exceptions import TransportError as EngineError
except ImportError:  # pragma: no cover - the database backends raise database errors instead

    class EngineError(Exception):
        pass


class SearchUnavailable(Exception):
    """The search engine (an OpenSearch cluster) cannot be reached or refused the query."""


TOO_MANY = "So many stories match that they are shown newest first. Add a word or a filter to rank them."


def candidates(criteria):
    """Live stories within the filters: drafts, scheduled and withdrawn stories never reach a search."""
    stories = Article.objects.live()
    if criteria.section:
        stories = stories.in_section(criteria.section)
    if criteria.author:
        stories = stories.by_author(criteria.author)
    if criteria.language:
        stories = stories.filter(language=criteria.language)
    since, until = criteria.time_range()
    if since:
        stories = stories.filter(first_published_at__gte=since)
    if until:
        stories = stories.filter(first_published_at__lt=until)
    # The engine reads every match but returns only ids; the page's stories are loaded after.
    return stories.only("pk")


def matching_ids(criteria, start, stop):
    """Ids of the matches from start to stop, or SearchUnavailable when the engine is away."""
    try:
        return ranked_ids(criteria, start, stop)
    except EngineError as error:
        raise SearchUnavailable(str(error)) from error


def ranked_ids(criteria, start, stop):
    """Ids of the matches from start to stop: by relevance within the time limit, else newest first."""
    backend = get_search_backend()
    search, query, stories = backend.search, criteria.query.for_wagtail(), candidates(criteria)
    if criteria.language and getattr(backend, "reads_languages", False):
        query = InLanguage(query, criteria.language)
    if criteria.sort == "relevance":
        try:
            with time_limit(settings.COPYDESK_SEARCH_RANK_TIMEOUT_MS):
                return [story.pk for story in search(query, stories)[start:stop]]
        except OperationalError as error:
            if not ran_out_of_time(error):
                raise
            criteria.notes.append(TOO_MANY)
    return [story.pk for story in search(query, stories, order_by_relevance=False)[start:stop]]


def find_stories(criteria) -> Page:
    """Return the requested page of matches, reading one more than it shows to know if another follows."""
    if criteria.page > MAX_PAGE:
        raise Http404("Search results stop here; narrow the search instead.")
    size = settings.COPYDESK_PAGE_SIZE
    start = (criteria.page - 1) * size
    ids = matching_ids(criteria, start, start + size + 1)
    if criteria.page > 1 and not ids:
        raise Http404("There are not that many pages.")
    loaded = Article.objects.live().for_listing().in_bulk(ids)
    page = Page([loaded[pk] for pk in ids if pk in loaded], criteria.page, size)
    mark(page.object_list, criteria.query.terms)
    return page


def mark(stories, terms):
    """Give each story a highlighted headline and a snippet around the first match in its text."""
    found = stems(terms)
    bodies = dict(Article.objects.filter(pk__in=[s.pk for s in stories]).values_list("pk", "body_html"))
    for story in stories:
        story.marked_headline = highlight(story.headline, found)
        story.snippet = snippet(story.summary, bodies.get(story.pk, ""), found)
