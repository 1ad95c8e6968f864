"""What a reader asked the search page for, read from the query string without ever failing.

Anything unusable (an unknown section, a date that is not a date) is left out and explained on the
page, so a mistyped or hostile URL still gets the results it can.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django.utils import timezone

from copydesk.newsroom.languages import language_tag
from copydesk.newsroom.models import Author, Section

from .query import Query, clean_text, parse

SORTS = {"relevance": "Most relevant", "newest": "Newest first"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
SLUG = re.compile(r"[-\w]{1,120}")
YEARS = range(1900, 2101)
MAX_PAGE = 50  # 1,000 results at the default page size: past that, refine the query


@dataclass
class Criteria:
    query: Query
    section: Section | None = None
    author: Author | None = None
    start: date | None = None
    end: date | None = None
    language: str = ""  # a BCP 47 tag: only stories in that language
    sort: str = "relevance"
    page: int = 1
    notes: list[str] = field(default_factory=list)

    @property
    def filtered(self):
        return any((self.section, self.author, self.start, self.end, self.language))

    def params(self, **changes):
        values = {
            "q": self.query.text,
            "section": self.section.slug if self.section else "",
            "author": self.author.slug if self.author else "",
            "from": self.start.isoformat() if self.start else "",
            "to": self.end.isoformat() if self.end else "",
            "lang": self.language,
            "sort": "" if self.sort == "relevance" else self.sort,
            **changes,
        }
        return {name: value for name, value in values.items() if value}

    def url(self, page):
        """This search's address for another page of results."""
        return "?" + urlencode(self.params(page=page if page > 1 else ""))

    def time_range(self):
        """The dates as a half-open range of aware datetimes in the newsroom's time zone."""
        zone = timezone.get_current_timezone()
        since = datetime.combine(self.start, time.min, zone) if self.start else None
        until = datetime.combine(self.end + timedelta(days=1), time.min, zone) if self.end else None
        return since, until


def read_criteria(get) -> Criteria:
    criteria = Criteria(query=parse(get.get("q", "")))
    criteria.section = _lookup(Section, get.get("section", ""), "section", criteria.notes)
    criteria.author = _lookup(Author, get.get("author", ""), "author", criteria.notes)
    criteria.start = _date(get.get("from", ""), "Published from", criteria.notes)
    criteria.end = _date(get.get("to", ""), "Published until", criteria.notes)
    criteria.language = _language(get.get("lang", ""), criteria.notes)
    if criteria.start and criteria.end and criteria.start > criteria.end:
        criteria.start, criteria.end = criteria.end, criteria.start
    criteria.sort = get.get("sort") if get.get("sort") in SORTS else "relevance"
    criteria.page = _page(get.get("page", ""))
    return criteria


def _lookup(model, slug, label, notes):
    slug = slug.strip()[:200]
    if not slug:
        return None
    found = model.objects.filter(slug=slug).first() if SLUG.fullmatch(slug) else None
    if found is None:
        notes.append(
            f"There is no {label} “{clean_text(slug)[:60]}”, so results from every {label} are shown."
        )
    return found


def _date(value, label, notes):
    value = value.strip()[:20]
    if not value:
        return None
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError
        day = date.fromisoformat(value)
        if day.year not in YEARS:
            raise ValueError
    except ValueError:
        notes.append(
            f"“{clean_text(value)}” is not a date like 2024-05-31, so the “{label}” date was left out."
        )
        return None
    return day


def _language(value, notes):
    value = value.strip()[:40]
    if not value:
        return ""
    tag = language_tag(value)
    if not tag:
        notes.append(
            f"“{clean_text(value)}” is not a language like de or fr-CH, so stories in every language are shown."
        )
    return tag


def _page(value):
    try:
        return min(max(1, int(value[:6])), MAX_PAGE + 1)
    except ValueError:
        return 1
