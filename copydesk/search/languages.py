"""Which PostgreSQL text search configuration reads a story, by the story's language.

A story is indexed with the configuration of its language (Italian stems "elezioni" and
"elezione" alike, Finnish strips its case endings), and a query is parsed the same way for each
story: PostgreSQL's configuration for the story's primary language subtag when the server has
one (`pg_ts_config`), else "simple" (lower case, no stemming, no stop words), so an unknown
language still matches word for word. The index and the query use this one table, so they
always agree. Models without a language (the admin's images and documents) keep the backend's
configuration, COPYDESK_SEARCH_CONFIG.
"""

from django.db import connections
from wagtail.search.query import SearchQuery

# ISO 639-1 codes of the configurations PostgreSQL ships (snowball stemmers; 15 and later).
CONFIGS = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
UNKNOWN = "simple"

_installed = {}


def installed_configs(alias="default") -> frozenset[str]:
    """The configurations this PostgreSQL server has, read once per process."""
    if alias not in _installed:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT cfgname FROM pg_ts_config")
            _installed[alias] = frozenset(name for (name,) in cursor.fetchall())
    return _installed[alias]


def primary_subtag(language: str) -> str:
    """ "fr" of "fr-CH": what picks a configuration (SQL does the same: see backends/postgres.py)."""
    return (language or "").split("-")[0].lower()


def available(alias="default") -> dict[str, str]:
    """Each language subtag that has a configuration on this server, with that configuration."""
    installed = installed_configs(alias)
    return {code: config for code, config in CONFIGS.items() if config in installed}


def config_for(language: str, alias="default") -> str:
    """The configuration that reads text in `language` (a BCP 47 tag)."""
    return available(alias).get(primary_subtag(language), UNKNOWN)


class InLanguage(SearchQuery):
    """A query for stories in one language only: parsed in that language alone (PostgreSQL)."""

    def __init__(self, subquery, language: str):
        self.subquery, self.language = subquery, language

    def __repr__(self):
        return f"<InLanguage {self.subquery!r} language={self.language!r}>"
