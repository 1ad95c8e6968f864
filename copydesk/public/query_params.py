"""Only the query parameters a page names reach it, so nobody can fill a cache with `?utm_x=N`.

Each reader view names the parameters that change it (`@varies_on("page")`, or a `query_params`
attribute on a view class such as a `Feed`); middleware inside the page cache that answers to a
query on any address (the old WordPress `/?p=12`) names its own the same way. Every other
parameter is dropped before the page cache looks the page up and before the view sees the
request, and the rest are put in one order: so each page has one cache entry per value of what it
names, and the cache key always says everything the page depended on. deploy/varnish/copydesk.vcl
does the same before Varnish hashes the URL.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils.module_loading import import_string


def varies_on(*names):
    """Name the query parameters that change what this view answers; every other is dropped."""

    def decorate(view):
        view.query_params = frozenset(names)
        return view

    return decorate


def named_everywhere(after) -> frozenset:
    """The parameters named by the middleware that runs inside `after` (it sees what the view sees)."""
    names = list(settings.MIDDLEWARE)
    inner = names[names.index(after) + 1 :] if after in names else []
    return frozenset(name for path in inner for name in getattr(import_string(path), "query_params", ()))


def view_params(path) -> frozenset | None:
    """The parameters the view at this path names; None when it names none (nothing known)."""
    try:
        match = resolve(path)
    except Resolver404:
        return frozenset()  # only middleware answers here (an old address), with what it names
    return getattr(match.func, "query_params", None)


def keep_named_params(request, everywhere=frozenset()) -> bool:
    """Drop every query parameter the page does not name; tell whether the page cache may keep it.

    A view that names nothing (not a reader view) keeps its query string, and is cached only
    when it has none.
    """
    own = view_params(request.path_info)
    if own is None:
        return not request.META.get("QUERY_STRING")
    names = own | everywhere
    # The last value of each, as `request.GET.get` reads it; empty means absent to every view.
    kept = sorted((name, value) for name in names if (value := request.GET.get(name)))
    query = urlencode(kept)
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query)
    return True
