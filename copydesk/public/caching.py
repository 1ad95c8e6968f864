"""Public pages for shared caches: Cache-Control, surrogate keys, a built-in page cache, exact purges.

Every reader page names what it shows as surrogate keys (`article-12`, `section-3`, `home`,
`recent` …). A change to a story purges exactly the keys it touches, after the transaction
commits: in the built-in cache by bumping each key's version (an entry is valid only while all
its keys keep the versions it was stored with), at once, so the next request is already a miss;
and in any HTTP cache by a task that sends it the keys, coalesced (purging.py).
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

logger = logging.getLogger(__name__)

HEADER = "Surrogate-Key"


def add_keys(request, *keys):
    """Record that the page being built shows these things."""
    if not hasattr(request, "surrogate_keys"):
        request.surrogate_keys = set()
    request.surrogate_keys.update(k for k in keys if k)


def story_keys(stories):
    return [f"article-{story.pk}" for story in stories]


def keys_for_article(article) -> set[str]:
    """Every key whose pages may show this story, before or after the change."""
    keys = {f"article-{article.pk}", f"section-{article.section_id}", "home", "recent", "corrections"}
    # Every feed, sitemap and search answer may list it, and each names these keys too.
    keys.update(("feeds", "sitemaps", "search"))
    keys.update(f"author-{link.author_id}" for link in article.byline_authors.all())
    keys.update(f"tag-{tag_id}" for tag_id in article.tagged_items.values_list("tag_id", flat=True))
    return keys


# Versions of keys -----------------------------------------------------------------------------


def _version_keys(keys):
    return {f"skv:{key}": key for key in keys}


def current_versions(keys, create=False) -> dict:
    """Return each key's current version; None where the cache holds none (never purged, or evicted).

    When storing a page (`create`), missing versions are created first, so an entry never depends
    on a version being absent: if the cache later evicts a version, the entry stops matching and
    is rebuilt, instead of matching again after a purge.
    """
    names = _version_keys(keys)
    found = cache.get_many(list(names))
    missing = [name for name in names if name not in found]
    if create and missing:
        for name in missing:
            cache.add(name, uuid.uuid4().hex, timeout=None)
        found.update(cache.get_many(missing))
    return {key: found.get(name) for name, key in names.items()}


# Any purge at all gives the epoch a new value. A page records it before rendering begins and is
# kept only if it is unchanged once the page is built: then no purge ran while it rendered, so
# nothing it shows changed after its rendering began. (Which keys a page shows is only known once
# it is built, so their own versions cannot be read before.)
EPOCH = "skv:*epoch"


def begin_render(request):
    """Note the purge epoch before a page is built; the page is storable only if it still holds after."""
    epoch = cache.get(EPOCH)
    if epoch is None:  # never purged, or evicted: create it, so that a later eviction shows as a change
        cache.add(EPOCH, uuid.uuid4().hex, timeout=None)
        epoch = cache.get(EPOCH)
    request.cache_epoch = epoch


def unchanged_since_render_began(request) -> bool:
    epoch = getattr(request, "cache_epoch", None)
    return epoch is not None and cache.get(EPOCH) == epoch


def purge(keys):
    """Invalidate every cached page that shows any of these keys, here and in HTTP caches."""
    keys = sorted(set(keys))
    if not keys:
        return
    token = uuid.uuid4().hex
    # The epoch first: a page that reads a key's new version (in `store`) then reads the new epoch.
    cache.set(EPOCH, token, timeout=None)
    cache.set_many({name: token for name in _version_keys(keys)}, timeout=None)
    from .purging import request_http_purge

    request_http_purge(keys)  # sent by a task, coalesced with other changes' keys


# The page cache -------------------------------------------------------------------------------


def cache_seconds():
    return settings.COPYDESK_CACHE_SECONDS


def entry_key(request):
    return f"page:{request.get_host()}:{request.get_full_path()}"


def store(request, response) -> bool:
    """Keep the page, unless something changed while it was built (then the next request rebuilds it)."""
    keys = sorted(getattr(request, "surrogate_keys", ()))
    versions = current_versions(keys, create=True)
    # Versions first, then the epoch: see `purge`. A version the cache could not keep (None) would
    # match again after a purge and a second eviction, so such a page is not kept either.
    if None in versions.values() or not unchanged_since_render_began(request):
        return False
    entry = {
        "status": response.status_code,
        "content": response.content,
        "headers": {k: v for k, v in response.items() if k.lower() != "set-cookie"},
        "keys": keys,
        "versions": versions,
        "stored": time.time(),
    }
    # Kept well past freshness, so it can be served stale while rebuilt or when the database fails.
    cache.set(entry_key(request), entry, timeout=settings.COPYDESK_STALE_IF_ERROR_SECONDS)
    return True


def lookup(request):
    """Return (entry, state): state is "fresh", "stale" (expired, not purged) or None."""
    entry = cache.get(entry_key(request))
    if entry is None or current_versions(entry["keys"]) != entry["versions"]:
        return None, None  # never cached, or purged: what it shows has changed
    age = time.time() - entry["stored"]
    return entry, "fresh" if age < cache_seconds() else "stale"


def response_from(entry, state):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"].items():
        response[name] = value
    response["Age"] = str(int(time.time() - entry["stored"]))
    response["X-Copydesk-Cache"] = state
    return response


def claim_rebuild(request) -> bool:
    """Let exactly one request rebuild an expired page; the others keep serving the stale copy."""
    return cache.add(f"rebuild:{entry_key(request)}", 1, timeout=30)


def hold_rebuild(request, seconds):
    cache.set(f"rebuild:{entry_key(request)}", 1, timeout=seconds)


def release_rebuild(request):
    cache.delete(f"rebuild:{entry_key(request)}")


def set_public_headers(request, response):
    patch_cache_control(
        response,
        public=True,
        max_age=settings.COPYDESK_BROWSER_CACHE_SECONDS,
        s_maxage=cache_seconds(),
        stale_while_revalidate=settings.COPYDESK_STALE_WHILE_REVALIDATE_SECONDS,
        stale_if_error=settings.COPYDESK_STALE_IF_ERROR_SECONDS,
    )
    keys = getattr(request, "surrogate_keys", None)
    if keys:
        response[HEADER] = " ".join(sorted(keys))
    if not response.has_header("Last-Modified") and (modified := getattr(request, "last_modified", None)):
        response["Last-Modified"] = http_date(modified.timestamp())
