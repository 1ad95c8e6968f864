"""The language a story is written in, as a BCP 47 tag ("de", "fr-CH", "sr-Latn"), and its direction.

Agencies write languages many ways ("DE", "de_DE", "ger", "deu"); `language_tag` turns what they
send into the tag readers' browsers, feeds and search engines understand, or "" when it cannot.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError

# language[-script][-region][-variant...]: the parts of BCP 47 a news story ever needs.
TAG = re.compile(
    r"(?P<language>[a-z]{2,3})(?:-(?P<script>[a-z]{4}))?(?:-(?P<region>[a-z]{2}|\d{3}))?"
    r"(?P<variants>(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)",
    re.IGNORECASE,
)
# ISO 639-2 codes agencies still send, for the languages whose BCP 47 tag is the two-letter one.
THREE_LETTER = {
    "ara": "ar", "chi": "zh", "zho": "zh", "cze": "cs", "ces": "cs", "dan": "da", "dut": "nl", "nld": "nl",
    "eng": "en", "fin": "fi", "fre": "fr", "fra": "fr", "ger": "de", "deu": "de", "gre": "el", "ell": "el",
    "heb": "he", "hun": "hu", "ita": "it", "jpn": "ja", "kor": "ko", "nor": "no", "per": "fa", "fas": "fa",
    "pol": "pl", "por": "pt", "rus": "ru", "spa": "es", "swe": "sv", "tur": "tr", "ukr": "uk", "urd": "ur",
}  # fmt: skip
# Languages written right to left unless a tag names another script, and the scripts that are.
RTL_LANGUAGES = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ku", "prs", "ps", "sd", "syr", "ug", "ur", "yi"}  # fmt: skip
RTL_SCRIPTS = {"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr"}
MAX_LENGTH = 35


def language_tag(value: str) -> str:
    """Return `value` as a canonical BCP 47 tag ("de_de" gives "de-DE", "ger" gives "de"), or "" if it is none."""
    value = (value or "").strip().replace("_", "-")
    match = TAG.fullmatch(value) if len(value) <= MAX_LENGTH else None
    if match is None:
        return ""
    language = match["language"].lower()
    parts = [THREE_LETTER.get(language, language)]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    parts += [v.lower() for v in match["variants"].split("-") if v]
    return "-".join(parts)


def site_language() -> str:
    """The site's own language (settings.LANGUAGE_CODE) as a BCP 47 tag: the default for every story."""
    return language_tag(settings.LANGUAGE_CODE) or "en"


def validate_language(value: str):
    if not language_tag(value):
        raise ValidationError(
            "“%(value)s” is not a language tag. Use a BCP 47 tag such as en, de, fr-CH or ar.",
            params={"value": value},
        )


def direction(tag: str) -> str:
    """ "rtl" for a language written right to left (ar, he, fa, ur, or any tag in such a script), else "ltr"."""
    match = TAG.fullmatch((tag or "").replace("_", "-"))
    if match is None:
        return "ltr"
    if match["script"]:
        return "rtl" if match["script"].lower() in RTL_SCRIPTS else "ltr"
    return "rtl" if match["language"].lower() in RTL_LANGUAGES else "ltr"
