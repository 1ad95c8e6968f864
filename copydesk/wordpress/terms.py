"""WordPress categories, tags and users as the newsroom's sections, tags and authors, with their old archives.

Each is made the first time a post that is imported needs it, and remembered (`ImportedTerm`,
`ImportedAuthor`), so a later run finds it again even after an editor renamed it.
"""

import re
from urllib.parse import unquote

from django.db.models import Max
from django.utils.text import slugify
from taggit.models import Tag

from copydesk.newsroom.bylines import without_by
from copydesk.newsroom.models import Author, Section
from copydesk.newsroom.placeholders import find_placeholder

from .content import plain_text
from .models import ImportedAuthor, ImportedTerm
from .wxr import Term

# A section there would hide one of our pages or one of the old site's archives we redirect.
TAKEN_SLUGS = Section.RESERVED_SLUGS | {
    "corrections", "category", "tag", "author", "feed", "page", "comments",
    "wp-admin", "wp-content", "wp-includes", "wp-json",
}  # fmt: skip


def _unique(model, field, value, limit):
    candidate, n = value[:limit], 1
    while model.objects.filter(**{field: candidate}).exists():
        n += 1
        candidate = f"{value[: limit - len(str(n)) - 1]}-{n}"
    return candidate


def category_path(run, nicename: str) -> str:
    """Return parent/child nicenames as WordPress writes a category's archive address."""
    chain, seen = [nicename], {nicename}
    parent = run.channel.categories.get(nicename, Term("category", nicename)).parent
    while parent and parent not in seen and len(chain) < 10:
        chain.insert(0, parent)
        seen.add(parent)
        parent = run.channel.categories.get(parent, Term("category", parent)).parent
    return "/".join(chain)


def section_for(run, nicename: str) -> Section:
    """Return the section a category became, making it (and its old archive's redirects) the first time."""
    mapping = ImportedTerm.objects.filter(
        site=run.site, taxonomy=ImportedTerm.CATEGORY, nicename=nicename
    ).first()
    if mapping and mapping.section_id:
        return mapping.section
    term = run.channel.categories.get(nicename, Term("category", nicename))
    name = (plain_text(term.name) or nicename)[:80]
    slug = slugify(unquote(nicename))[:80] or slugify(name)[:80] or f"category-{term.wp_id or 'x'}"
    section = Section.objects.filter(slug=slug).first() or Section.objects.filter(name__iexact=name).first()
    if section is None:
        section = _new_section(run, name, slug, plain_text(term.description))
    ImportedTerm.objects.update_or_create(
        site=run.site, taxonomy=ImportedTerm.CATEGORY, nicename=nicename, defaults={"section": section}
    )
    _category_redirects(run, nicename, term, section=section)
    return section


def _new_section(run, name, slug, description) -> Section:
    wanted = slug
    if slug in TAKEN_SLUGS:
        slug = f"{slug}-section"
    slug = _unique(Section, "slug", slug, 80)
    if slug != wanted:
        run.note(
            f"Category “{name}”: the address /{wanted}/ is taken by the site, so its section is /{slug}/."
        )
    order = (Section.objects.aggregate(last=Max("order"))["last"] or 0) + 1
    run.count("sections", "created")
    return Section.objects.create(name=name, slug=slug, order=order, description=description)


def default_section(run) -> Section:
    """Return the section for posts without a category (made if missing)."""
    name = run.default_section_name
    section = Section.objects.filter(name__iexact=name).first()
    return section or _new_section(run, name[:80], slugify(name)[:80] or "news", "")


def tag_for(run, term: Term) -> Tag:
    """Return the tag a WordPress tag (or a post's second category) became, making it the first time."""
    mapping = ImportedTerm.objects.filter(
        site=run.site, taxonomy=term.taxonomy, nicename=term.nicename
    ).first()
    if mapping and mapping.tag_id:
        return mapping.tag
    known = (run.channel.tags if term.taxonomy == ImportedTerm.TAG else run.channel.categories).get(
        term.nicename
    )
    name = (plain_text(term.name or (known.name if known else "")) or unquote(term.nicename))[:100]
    tag = Tag.objects.filter(name__iexact=name).first()
    if tag is None:
        tag = Tag.objects.create(name=name)
        run.count("tags", "created")
    ImportedTerm.objects.update_or_create(
        site=run.site, taxonomy=term.taxonomy, nicename=term.nicename, defaults={"tag": tag}
    )
    if term.taxonomy == ImportedTerm.TAG:
        run.redirect(f"/tag/{term.nicename}", tag=tag)
        run.redirect(f"/?tag={term.nicename}", tag=tag)
    elif term.nicename not in run.primary_categories:
        _category_redirects(run, term.nicename, known or term, tag=tag)
    return tag


def _category_redirects(run, nicename, term, **target):
    paths = {category_path(run, nicename), nicename}
    for path in paths:
        run.redirect(f"/category/{path}", **target)
        if "section" in target:
            run.redirect(f"/category/{path}/feed", feed=True, **target)
    if term.wp_id:
        run.redirect(f"/?cat={term.wp_id}", **target)


def nicename_of(login: str) -> str:
    """WordPress's author address part for a login (sanitize_title of it): jane.doe → jane-doe."""
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9_-]+", "-", login.lower())).strip("-")


def author_for(run, login: str) -> Author | None:
    """Return the author a WordPress user became, making them the first time; None for no login."""
    if not login:
        return None
    mapping = ImportedAuthor.objects.filter(site=run.site, login=login).first()
    if mapping and mapping.author_id:
        return mapping.author
    wp = run.channel.authors.get(login)
    if wp is None:
        run.note(
            f"Author “{login}” is named by a post but not listed in the export; made from the login alone."
        )
    name = _author_name(wp, login)
    slug = slugify(login)[:120] or slugify(name)[:120] or "author"
    author = Author.objects.filter(slug=slug).first()
    if author is None or author.name.casefold() != name.casefold():
        author = _new_author(run, wp, login, name, _unique(Author, "slug", slug, 120))
    ImportedAuthor.objects.update_or_create(site=run.site, login=login, defaults={"author": author})
    for path in {f"/author/{login.lower()}", f"/author/{nicename_of(login)}"}:
        run.redirect(path, author=author)
    if wp and wp.wp_id:
        run.redirect(f"/?author={wp.wp_id}", author=author)
    return author


def _author_name(wp, login) -> str:
    candidates = [wp.display_name, f"{wp.first_name} {wp.last_name}"] if wp else []
    # A display name written as a byline ("By Mira Okafor"): the page adds "By" itself.
    names = [without_by(plain_text(c)) for c in candidates]
    return next((n for n in names if n and not find_placeholder(n)), login)[:120]


def _new_author(run, wp, login, name, slug) -> Author:
    paragraphs = re.split(r"\n\s*\n", (wp.description if wp else "").replace("\r\n", "\n"))
    bio = "\n\n".join(p for p in (plain_text(p) for p in paragraphs) if p)
    if phrase := find_placeholder(bio):
        run.set_aside(
            f"author {login}",
            name,
            f"The bio was not imported: it contains placeholder text (“{phrase}”). The author was made "
            "without a bio; write the real one under Newsroom → Authors.",
            excerpt=bio[:1000],
        )
        bio = ""
    run.count("authors", "created")
    return Author.objects.create(name=name, slug=slug, bio=bio)
