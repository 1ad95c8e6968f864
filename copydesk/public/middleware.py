"""Serve reader pages from the built-in page cache, and mark every public response for shared caches."""

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.template import loader

from . import caching
from .query_params import keep_named_params, named_everywhere

# Everything else under these prefixes is for editors, files or the API: never cached here.
PRIVATE_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/")
CACHEABLE_STATUSES = {200, 301, 410}


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.named_everywhere = named_everywhere(f"{__name__}.{type(self).__name__}")

    def __call__(self, request):
        if request.path.startswith(PRIVATE_PREFIXES):
            return self.get_response(request)
        reading = request.method in ("GET", "HEAD")
        cacheable = reading and keep_named_params(request, self.named_everywhere)
        use_cache = settings.COPYDESK_PAGE_CACHE and cacheable
        entry, state, rebuilding = None, None, False
        if use_cache:
            entry, state = caching.lookup(request)
            if state == "fresh":
                return caching.response_from(entry, "hit")
            if state == "stale":
                rebuilding = caching.claim_rebuild(request)
                if not rebuilding:
                    return caching.response_from(entry, "stale")  # another request is rebuilding it
        if reading:
            caching.begin_render(request)
        response = self.get_response(request)
        if response.status_code >= 500 and entry is not None:
            if rebuilding:
                # Hold the claim a moment: while the database is down or hung, the other requests for
                # this page get the stale copy at once instead of each waiting on it in turn.
                caching.hold_rebuild(request, seconds=2)
            return caching.response_from(entry, "stale-if-error")
        if rebuilding:
            caching.release_rebuild(request)
        caching.add_keys(request, "site")
        if response.status_code in CACHEABLE_STATUSES:
            caching.set_public_headers(request, response)
            stored = use_cache and not response.streaming and caching.store(request, response)
            if use_cache:
                response["X-Copydesk-Cache"] = "miss"
            if reading and not stored and not caching.unchanged_since_render_began(request):
                # Something it may show changed while it was built: no HTTP cache may keep this copy.
                response["Cache-Control"] = "no-cache"
        elif response.status_code == 404:
            response["Cache-Control"] = "public, max-age=10, s-maxage=10"
        return response

    def process_exception(self, request, exception):
        """Answer quickly with 503 when the database is away; a stale copy, if any, wins over it."""
        if request.path.startswith(PRIVATE_PREFIXES) or not isinstance(exception, DatabaseError):
            return None
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
