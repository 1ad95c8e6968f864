"""The reader's search page."""

from django.shortcuts import render

from copydesk.newsroom.models import Author
from copydesk.public.caching import add_keys, story_keys
from copydesk.public.query_params import varies_on

from .criteria import SORTS, read_criteria
from .results import SearchUnavailable, find_stories

UNAVAILABLE = (
    "Search is unavailable for a moment. Please try again shortly; every story is still on its section page."
)


@varies_on("q", "section", "author", "from", "to", "lang", "sort", "page")
def search(request):
    criteria = read_criteria(request.GET)
    status, page = 200, None
    try:
        page = find_stories(criteria) if criteria.query else None
    except SearchUnavailable:
        criteria.notes.append(UNAVAILABLE)
        status = 503
    # Every story change purges "search"; the shown stories' own keys are named as well.
    add_keys(request, "search", *story_keys(page.object_list if page else ()))
    context = {
        "criteria": criteria,
        "page": page,
        "previous_url": criteria.url(criteria.page - 1),
        "next_url": criteria.url(criteria.page + 1),
        "sorts": SORTS,
        "authors": Author.objects.only("name", "slug"),
    }
    response = render(request, "search/search.html", context, status=status)
    if status == 503:
        # A quick, honest answer that no cache keeps; the rest of the site does not depend on search.
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
    return response
