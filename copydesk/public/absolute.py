"""Absolute URLs for crawlers, feeds and social cards: always on the newsroom's one canonical origin.

Pages may be reached through several host names (a CDN, an internal address); what they tell search
engines and feed readers names COPYDESK_BASE_URL, so every copy points at the same canonical place.
"""

from django.conf import settings


def absolute(path: str) -> str:
    """Return `path` (or an already absolute URL, unchanged) on the canonical origin."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.COPYDESK_BASE_URL.rstrip("/") + "/" + path.lstrip("/")
