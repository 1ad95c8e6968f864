"""The reader's search page."""

from django.shortcuts import render

from copydesk.newsroom.models import Author
from copydesk.public.caching import add_keys, story_keys

from .criteria import SORTS, read_criteria
from .results import find_stories


def search(request):
    criteria = read_criteria(request.GET)
    page = find_stories(criteria) if criteria.query else None
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
    return render(request, "search/search.html", context)
