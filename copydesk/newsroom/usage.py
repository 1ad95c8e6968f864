"""When readers see an agency's usage terms: per story, as its source decides and an editor may change.

Agencies write their terms for editors ("Editorial use only", "No archive"), but some terms ask for
something readers must see: "Mandatory credit: Northwind Wire / Ida Brenner", "Must credit NWA".
A source says whether its stories show their terms never, only when they ask for a credit or
notice (the default), or always; ingest copies that onto each story, where an editor may change it.
The same rule governs the terms of the picture, video or audio a story leads with.
"""

import re

from django.db import models


class ShowUsageTerms(models.TextChoices):
    NEVER = "never", "Never"
    REQUIRED = "required", "When they require a credit or notice"
    ALWAYS = "always", "Always"


# "Mandatory credit", "must credit", "must be credited", "credit required", "obligatory byline",
# "on-screen credit must read …": a demand, near a credit, byline or notice, in one clause.
_DEMAND = r"(mandatory|obligatory|compulsory|required|must|shall)"
_CREDIT = r"(credit|courtesy|byline|attribution|copyright notice|notice)"
REQUIRES_CREDIT = re.compile(
    rf"\b{_DEMAND}\b[^.;\n]{{0,40}}\b{_CREDIT}|\b{_CREDIT}\w*\b[^.;\n]{{0,25}}\b{_DEMAND}\b",
    re.IGNORECASE,
)
NO_CREDIT = re.compile(r"\bno (mandatory |required )?credit\b|\bcredit (is )?not required\b", re.IGNORECASE)


def requires_credit(terms: str) -> bool:
    """True when the terms ask for a visible credit or notice."""
    return bool(REQUIRES_CREDIT.search(terms)) and not NO_CREDIT.search(terms)


def terms_for_readers(terms: str, rule: str) -> str:
    """The terms readers must see under `rule` (a ShowUsageTerms value), or ""."""
    terms = (terms or "").strip()
    if not terms or rule == ShowUsageTerms.NEVER:
        return ""
    if rule == ShowUsageTerms.ALWAYS or requires_credit(terms):
        return terms
    return ""
