"""Answer the old WordPress site's addresses with a 301 to where their content lives now.

It acts only where the site itself has nothing: on a 404, and on `/?p=12`-style queries to the
home page (which would otherwise show the home page). Every other request costs no query.

It sits inside `PublicPageCacheMiddleware`, so a redirect is cached like a page; it names the
surrogate key of what it leads to (`article-12`, `section-3` …), so a story's later change of slug
or section purges the redirect with the story's own pages.
"""

from django.http import HttpResponsePermanentRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from copydesk.public.caching import add_keys

from .models import OldURL
from .redirects import OURS, QUERY_KEYS, destination, normalise, wordpress_query


class OldURLRedirectMiddleware:
    # The page cache keeps these on every address (and drops other parameters) before we see it.
    query_params = frozenset(QUERY_KEYS)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(OURS):
            return self.get_response(request)
        query = request.META.get("QUERY_STRING", "")
        if request.path == "/" and query and wordpress_query(query):
            redirect = self.redirect(request, [normalise("/", query)])
            if redirect:
                return redirect
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        paths = (
            [normalise(request.path, query), normalise(request.path)] if query else [normalise(request.path)]
        )
        return self.redirect(request, list(dict.fromkeys(paths))) or response

    @staticmethod
    def redirect(request, paths):
        olds = {
            old.path: old
            for old in OldURL.objects.filter(path__in=paths).select_related(
                "article__section", "section", "author", "tag"
            )
        }
        for path in paths:
            if path not in olds:
                continue
            target, keys = destination(olds[path])
            # Targets are our own absolute paths; never follow one that is not, nor loop onto itself.
            if (
                target
                and target.startswith("/")
                and target != request.path
                and url_has_allowed_host_and_scheme(target, allowed_hosts=None)
            ):
                add_keys(request, *keys)
                return HttpResponsePermanentRedirect(target)
        return None
