"""The old WordPress addresses: how they are written down, and where each one leads now."""

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from django.urls import reverse

from copydesk.newsroom.models import ArticleStatus

from .models import OldURL

# WordPress's own query addresses (`/?p=12`, `/?cat=3`), the only query strings that name a page.
QUERY_KEYS = ("p", "page_id", "cat", "tag", "author", "feed")
SITE_FEED = "/feeds/rss.xml"
SECTION_FEED = "/feeds/sections/{slug}/rss.xml"
# Never an old address: these answer for the new site whatever WordPress had there.
OURS = ("/admin", "/static/", "/media/", "/documents/")


def normalise(path: str, query: str = "") -> str:
    """Return the form an address is stored and looked up in: decoded, lower case, no trailing slash.

    On a directory or index.php, a WordPress query (`?p=12`) is part of the address; any other query
    (tracking parameters, say) is not.
    """
    path = re.sub(r"/{2,}", "/", "/" + unquote(path or "/").strip("/")).lower()
    if query and (path.endswith("/index.php") or not path.rsplit("/", 1)[-1].count(".")):
        params = dict(parse_qsl(query))
        for name in QUERY_KEYS:
            if params.get(name):
                base = path.removesuffix("/index.php").removesuffix("/")
                return f"{base}/?{name}={params[name].strip().lower()}"
    return path


def path_of(url: str) -> str:
    """Return the stored form of an old absolute or relative URL's address on its site."""
    parts = urlsplit((url or "").strip())
    return normalise(parts.path, parts.query)


def wordpress_query(query_string: str) -> bool:
    """Tell, without touching the database, whether a query string is one of WordPress's own."""
    return any(f"{name}=" in query_string for name in QUERY_KEYS)


def record(path: str, site: str, **target) -> str:
    """Store an old address leading to the target; return "created", "same" or "taken" (kept as it was)."""
    if (
        not path
        or path == "/"
        or path.startswith(OURS)
        or len(path) > OldURL._meta.get_field("path").max_length
    ):
        return "taken"
    old, created = OldURL.objects.get_or_create(path=path, defaults={"site": site, **target})
    if created:
        return "created"
    return "same" if _leads_to(old) == _leads_to(OldURL(**target)) else "taken"


def _leads_to(old: OldURL) -> tuple:
    return old.article_id, old.section_id, old.author_id, old.tag_id, old.feed


def destination(old: OldURL) -> tuple[str | None, list[str]]:
    """Return where the old address leads now, with the surrogate keys of that thing; None for nowhere.

    A story that is not public yet leads nowhere (the old address stays 404 until it is); a
    withdrawn one leads to its own address, which answers 410.
    """
    if old.article_id:
        article = old.article
        if article.status not in (ArticleStatus.PUBLISHED, ArticleStatus.WITHDRAWN):
            return None, []
        return article.get_absolute_url(), [f"article-{article.pk}"]
    if old.section_id:
        keys = [f"section-{old.section_id}"]
        if old.feed:
            return SECTION_FEED.format(slug=old.section.slug), keys
        return old.section.get_absolute_url(), keys
    if old.author_id:
        return old.author.get_absolute_url(), [f"author-{old.author_id}"]
    if old.tag_id:
        return reverse("public:tag", args=[old.tag.slug]), [f"tag-{old.tag_id}"]
    if old.feed:
        return SITE_FEED, ["feeds"]
    return None, []
