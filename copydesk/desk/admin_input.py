"""Query strings in the admin, checked once before any of Wagtail's views reads them.

Every listing, chooser and bulk action reads `id`, `q` or `search` from the query string, and
Wagtail passes them on as they come: `?id=x` or an id past 64 bits was a 500 in every chooser and
bulk action, and a search of a few hundred words a RecursionError in the query compiler. Rather than
patch each view, ids that are not integers are refused here with a 400, and searches are cut to
what anyone types into a search box.
"""

import re

from django.http import HttpResponseBadRequest

ADMIN_PREFIX = "/admin/"
SEARCH_PARAMETERS = ("q", "search")  # listings and choosers; the admin API
MAX_SEARCH_WORDS = 20
MAX_SEARCH_CHARS = 200
# A database id (a signed 64-bit integer), or Wagtail's "all" for a bulk action on a whole listing.
ID = re.compile(r"-?\d{1,18}|all")


def capped_search(text):
    return " ".join(text[: MAX_SEARCH_CHARS * 2].split()[:MAX_SEARCH_WORDS])[:MAX_SEARCH_CHARS]


class AdminQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIX) and request.GET:
            if not all(ID.fullmatch(value) for value in request.GET.getlist("id")):
                return HttpResponseBadRequest("Each id must be a whole number.", content_type="text/plain")
            if any(name in request.GET for name in SEARCH_PARAMETERS):
                query = request.GET.copy()
                for name in SEARCH_PARAMETERS:
                    if name in query:
                        query.setlist(name, [capped_search(value) for value in query.getlist(name)])
                query._mutable = False
                request.GET = query
        return self.get_response(request)
