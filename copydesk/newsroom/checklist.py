"""The publish checklist: what must be true before a story goes out, and what an editor should see."""

import re
from dataclasses import dataclass

from .placeholders import find_placeholder

BLOCK, WARN = "block", "warn"
HEADLINE_LIMIT = 110
TABLE = re.compile(r"<table[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class Check:
    level: str  # BLOCK stops publishing; WARN is shown and allowed
    message: str


def run_checklist(article, authors=None) -> list[Check]:
    """Return every problem with the article as it stands, blockers first."""
    authors = article.bylined_authors() if authors is None and article.pk else (authors or [])
    checks = []
    if not article.headline.strip():
        checks.append(Check(BLOCK, "The story has no headline. Write one before publishing."))
    if phrase := find_placeholder(
        article.headline, article.dek, article.excerpt, article.body, article.byline
    ):
        checks.append(
            Check(BLOCK, f"The story contains placeholder text (“{phrase}”). Replace it before publishing.")
        )
    for author in authors:
        if phrase := find_placeholder(author.bio):
            checks.append(
                Check(
                    BLOCK,
                    f"{author.name}'s bio contains placeholder text (“{phrase}”). Fix the bio before publishing.",
                )
            )
    if article.agency_id and not (article.agency_credit or article.agency.credit):
        checks.append(
            Check(BLOCK, "This story comes from an agency but carries no credit. Add the agency's credit.")
        )
    if article.lead_image_id and not (article.lead_image_alt or article.lead_image.description):
        checks.append(
            Check(
                BLOCK, "The lead image has no alt text. Describe what it shows for readers who cannot see it."
            )
        )
    if len(article.headline) > HEADLINE_LIMIT:
        checks.append(
            Check(
                WARN,
                f"The headline is {len(article.headline)} characters; over {HEADLINE_LIMIT} it is cut in search results.",
            )
        )
    for author in authors:
        if not author.bio.strip():
            checks.append(Check(WARN, f"{author.name} has no bio; their author box will be empty."))
    if article.pk:
        from .signals import publish_checks

        for _receiver, found in publish_checks.send(type(article), article=article):
            checks += found
    return sorted(checks, key=lambda check: check.level != BLOCK)


def blockers(article, authors=None) -> list[str]:
    return [check.message for check in run_checklist(article, authors) if check.level == BLOCK]


def count_tables(html: str) -> int:
    return len(TABLE.findall(html or ""))


def tables_lost(before: str, after: str) -> Check | None:
    """A save that would drop tables: the story editor (Draftail) cannot show a table, so it saves
    an agency story's tables as plain paragraphs; refused unless the person says they mean it."""
    lost = count_tables(before) - count_tables(after)
    if lost <= 0:
        return None
    tables = "a table" if lost == 1 else f"{lost} tables"
    return Check(
        BLOCK,
        f"This story has {tables} (from the agency's copy) that the story editor cannot show, so saving "
        "here would delete "
        + ("it" if lost == 1 else "them")
        + ". Leave the story as the agency sent it, or tick “Remove the tables” to save without them.",
    )
