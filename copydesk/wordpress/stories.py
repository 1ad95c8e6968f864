"""One WordPress post as one story: created or brought up to date, with its images and old addresses."""

import logging
from urllib.parse import unquote

from django.db import transaction
from django.utils import timezone

from copydesk.newsroom.actions import create_article, publish_article, update_article
from copydesk.newsroom.models import Article, ArticleAuthor, ArticleStatus, Section

from .content import plain_text
from .media import ImageFailed, embed_images, import_image, is_upload
from .models import ImportedPost, SetAside
from .posts import DRAFT, PUBLISHED, SCHEDULED, STATUSES, Post, Unusable, gmt, prepare, primary_category
from .redirects import path_of
from .terms import TAKEN_SLUGS, author_for, default_section, section_for, tag_for
from .wxr import Entry

logger = logging.getLogger(__name__)


def import_entry(run, entry: Entry) -> None:
    """Import one item of the export if it is a post; record why when it is not, or cannot be."""
    if entry.post_type == "attachment":
        return
    if entry.post_type != "post":
        run.summary.skipped[f"{entry.post_type or 'untyped'} items (only posts are imported)"] += 1
        return
    if entry.status not in STATUSES:
        run.summary.skipped[f"{entry.status or 'unknown'} posts (not public in WordPress)"] += 1
        return
    ref = f"post {entry.wp_id or '(no id)'}"
    try:
        post = prepare(run, entry, ref)
    except Unusable as error:
        SetAside.objects.filter(site=run.site, ref=ref).delete()
        run.set_aside(ref, plain_text(entry.title), str(error), excerpt=entry.content[:1000])
        run.count("posts", "set aside")
        return
    mapping = ImportedPost.objects.select_related("article").filter(site=run.site, wp_id=post.wp_id).first()
    if reason := _leave_alone(mapping, post):
        if reason != "unchanged":
            run.note(f"{ref} “{post.headline}”: {reason}")
        run.count("posts", "unchanged" if reason == "unchanged" else "kept")
        return
    store(run, post, mapping)


def _leave_alone(mapping, post) -> str:
    if mapping is None:
        return ""
    if mapping.article is None:
        return "its story was deleted in the newsroom, so it is not imported again."
    if mapping.fingerprint == post.fingerprint:
        return "unchanged"
    if mapping.article.status == ArticleStatus.WITHDRAWN:
        return "changed in WordPress, but its story was withdrawn in the newsroom; left as it is."
    if mapping.article.status == ArticleStatus.SCHEDULED and post.status == DRAFT:
        return "scheduled here, but a draft in WordPress now; left scheduled (unschedule it in the admin)."
    if mapping.article.edited_in_newsroom:
        return "changed in WordPress, but its story has been edited in the newsroom since; kept the newsroom's text."
    return ""


def store(run, post: Post, mapping) -> None:
    """Create or update the post's story in one transaction; set the post aside if that fails."""
    lead = lead_image(run, post)
    body_images(run, post)
    before = (run.summary.counts.copy(), len(run.summary.notes), len(run.summary.set_aside))
    try:
        with transaction.atomic():
            article, outcome = (
                update(run, post, mapping.article, lead) if mapping else create(run, post, lead)
            )
            old_addresses(run, post, article)
            # Without its fingerprint, a post whose images failed is tried again by the next run.
            fingerprint = post.fingerprint if post.images_complete else ""
            ImportedPost.objects.update_or_create(
                site=run.site,
                wp_id=post.wp_id,
                defaults={"article": article, "fingerprint": fingerprint, "updated_at": timezone.now()},
            )
            SetAside.objects.filter(site=run.site, ref=post.ref).delete()
            for issue in [*post.issues, *([post.hold] if post.hold else [])]:
                run.set_aside(post.ref, post.headline, issue, article=article)
    except Exception as error:  # one post must never stop the others
        logger.exception("Could not store %s from %s", post.ref, run.site)
        # Nothing of it was stored: forget what it counted (a new section, say) as well.
        run.summary.counts = before[0]
        del run.summary.notes[before[1] :], run.summary.set_aside[before[2] :]
        run.set_aside(
            post.ref, post.headline, f"Could not be stored: {error}", excerpt=post.entry.content[:1000]
        )
        run.count("posts", "set aside")
        return
    run.summary.removed_shortcodes.update(post.removed_shortcodes)
    run.count("posts", outcome)


# Storing ---------------------------------------------------------------------------------------


def story_fields(run, post: Post, lead: dict) -> dict:
    primary = primary_category(post.entry, run.channel)
    section = section_for(run, primary) if primary else default_section(run)
    return {"headline": post.headline, "body": post.body, "excerpt": post.excerpt, "section": section, **lead}


def byline_and_tags(run, post: Post):
    author = author_for(run, post.entry.creator)
    primary = primary_category(post.entry, run.channel)
    terms = [
        t
        for t in post.entry.terms
        if t.nicename
        and t.nicename != primary
        and not (t.taxonomy == "category" and t.nicename == "uncategorized")
    ]
    tags = list(dict.fromkeys(tag_for(run, t) for t in terms))
    return ([author] if author else []), tags


def create(run, post: Post, lead: dict) -> tuple[Article, str]:
    fields = story_fields(run, post, lead)
    authors, tags = byline_and_tags(run, post)
    if post.status == SCHEDULED:
        fields["go_live_at"] = post.published_at
    article = create_article(slug=unique_slug(run, post, None), authors=authors, tags=tags, **fields)
    go_live(post, article)
    return article, "created"


def update(run, post: Post, article: Article, lead: dict) -> tuple[Article, str]:
    fields = story_fields(run, post, lead)
    authors, tags = byline_and_tags(run, post)
    article.byline_authors = [ArticleAuthor(author=a, sort_order=i) for i, a in enumerate(authors)]
    article.tags.set(tags)
    fields["slug"] = unique_slug(run, post, article)
    if article.live:
        modified = gmt(post.entry.modified_gmt)
        if modified and modified > article.first_published_at:
            fields["updated_at"] = modified  # WordPress's own word that it changed, and when
        return update_article(article, material=False, **fields), "updated"
    fields["go_live_at"] = post.published_at if post.status == SCHEDULED else None
    for name, value in fields.items():
        setattr(article, name, value)
    article.full_clean(exclude=["tags", "slug"])
    if not go_live(post, article):
        article.go_live_at = None
        article = update_article(article, material=False)  # the new text, as the draft's latest revision
    return article, "updated"


def go_live(post: Post, article: Article) -> bool:
    """Publish or schedule the story as WordPress had it, unless something must be fixed first."""
    if post.status == DRAFT or post.hold:
        return False
    if problems := article.publish_problems():
        post.hold = "Imported as a draft, not published: " + " ".join(problems)
        return False
    publish_article(article, published_at=post.published_at if post.status == PUBLISHED else None)
    return True


def unique_slug(run, post: Post, article: Article | None) -> str:
    if not post.slug:
        return article.slug if article else ""
    candidate, n = post.slug, 1
    while Article.objects.filter(slug=candidate).exclude(pk=article.pk if article else None).exists():
        n += 1
        candidate = f"{post.slug}-{n}"
    if candidate != post.slug:
        run.note(f"{post.ref}: another story has the slug “{post.slug}”; this one is “{candidate}”.")
    return candidate


def lead_image(run, post: Post) -> dict:
    """Return the lead image fields for the post's featured image; a failure is noted, never fatal."""
    attachment = post.attachment
    if attachment is None:
        return {}
    if run.media is None:
        run.count("images", "not loaded (dry run)")
        return {}
    alt = attachment.alt or attachment.caption or (attachment.title if " " in attachment.title else "")
    try:
        image, new = import_image(
            attachment.url, run.media, title=attachment.title or attachment.caption, alt=alt
        )
    except ImageFailed as error:
        run.count("images", "failed")
        post.images_complete = False
        post.issues.append(f"The featured image was not imported: {error}")
        return {}
    run.count("images", "imported" if new else "reused")
    if not alt:
        post.issues.append(
            f"The featured image ({attachment.url}) has no alt text in WordPress, so it is in the image "
            "library but not on the story: describe it and set it as the lead image."
        )
        return {}
    return {"lead_image": image, "lead_image_alt": alt[:300], "lead_image_caption": attachment.caption[:300]}


def body_images(run, post: Post) -> None:
    """Bring the site's own images in the post's text into the library, as embeds in its body."""
    if run.media is None:
        return

    def load(url, title, alt):
        if not is_upload(url, run.site):
            return None  # a picture hotlinked from another site stays a link to it
        image, new = import_image(url, run.media, title=title, alt=alt)
        run.count("images", "imported" if new else "reused")
        return image

    post.body, failures = embed_images(post.body, load)
    post.images_complete = post.images_complete and not failures
    for failure in failures:
        run.count("images", "failed")
        post.issues.append(
            f"An image in the text was not imported and still points to the old site: {failure}"
        )


def old_addresses(run, post: Post, article: Article) -> None:
    """Record the post's old addresses: its permalink, `?p=<id>` and its bare slug where that is free."""
    link = path_of(post.entry.link)
    if link and run.redirect(link, absolute=True, article=article) == "taken":
        run.note(f"{post.ref}: its old address {link} already leads elsewhere; left as it was.")
    run.redirect(f"/?p={post.wp_id}", article=article)
    name = unquote(post.entry.post_name).strip().lower()
    if name and name not in TAKEN_SLUGS and not Section.objects.filter(slug=name).exists():
        run.redirect(f"/{name}", article=article)
