"""Give every tag a slug its page can be reached at, whatever its name is made of.

taggit slugifies a tag's name; a name made only of symbols ("★★★", "!!!") slugifies to nothing,
and an empty slug cannot be put in a URL, so every page linking the tag (the story, the tags
sitemap, the feeds, the editors' list of old WordPress addresses) failed. Such a name is
transliterated first ("🔥" becomes "fire"); when even that leaves nothing, the slug is "tag-" and
a short hash of the name, which stays the same however often the tag is made again.
"""

import hashlib
import re

from anyascii import anyascii
from django.utils.text import slugify

MAX_LENGTH = 100  # taggit's Tag.slug
# taggit adds "_1", "_2" ... to a slug that is taken; on an empty slug that leaves only the suffix.
_ONLY_SUFFIX = re.compile(r"_\d+")


def needs_slug(slug: str) -> bool:
    """Tell whether a slug is empty, or only the counter taggit adds to an empty one."""
    return not slug or bool(_ONLY_SUFFIX.fullmatch(slug))


def name_hash(name: str) -> str:
    return hashlib.sha256(name.casefold().encode()).hexdigest()[:8]


def slug_for(name: str, taken=lambda slug: False) -> str:
    """Return a non-empty slug for a tag's name: its slug, its transliteration, or tag-<hash>."""
    base = slugify(name, allow_unicode=True) or slugify(anyascii(name))
    if not base:
        return f"tag-{name_hash(name)}"
    base = base[:MAX_LENGTH]
    if not taken(base):
        return base
    return f"{base[: MAX_LENGTH - 9]}-{name_hash(name)}"
