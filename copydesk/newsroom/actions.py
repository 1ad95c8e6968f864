"""Every write to newsroom content goes through one of these verbs."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .models import Article, ArticleAuthor, Correction
from .references import references_after_commit
from .signals import article_corrected, article_withdrawn


@references_after_commit()
@transaction.atomic
def create_article(*, headline, slug, body, section, authors=(), tags=(), by=None, **fields) -> Article:
    """Create an unpublished article with its byline and tags, and record its first revision."""
    article = Article(headline=headline, slug=slug, body=body, section=section, live=False, **fields)
    article.byline_authors = [ArticleAuthor(author=author, sort_order=i) for i, author in enumerate(authors)]
    article.tags.set(list(tags))
    article.full_clean(exclude=["tags"])
    article.save()
    article.save_revision(user=by, log_action=True)
    return article


@references_after_commit()
@transaction.atomic
def publish_article(article: Article, *, by=None, published_at=None) -> Article:
    """Make the article's latest content live, optionally backdating its first publication."""
    if published_at is not None and article.first_published_at is None:
        Article.objects.filter(pk=article.pk).update(first_published_at=published_at)
        article.first_published_at = published_at
    revision = article.save_revision(user=by, log_action=True)
    # Callers (the admin's views, the wire desk, the worker) have already checked who may publish.
    revision.publish(user=by, log_action=True, skip_permission_checks=True)
    article.refresh_from_db()
    return article


@references_after_commit()
@transaction.atomic
def withdraw_article(article: Article, *, by=None, reason: str) -> Article:
    """Take a story off the site and leave a withdrawal notice at its URL."""
    if not reason.strip():
        raise ValueError("A withdrawal needs a reason readers can be shown.")
    article.withdrawn_at = timezone.now()
    article.withdrawal_reason = reason.strip()
    # A scheduled (embargoed) story must never go live later: drop its approved schedule too.
    article.revisions.update(approved_go_live_at=None)
    if article.live:
        article.unpublish(user=by, log_action=True)
    else:
        article.go_live_at = None
        article.save()
    log(instance=article, action="copydesk.withdraw", user=by, data={"reason": article.withdrawal_reason})
    transaction.on_commit(lambda: article_withdrawn.send(Article, article=article))
    return article


@references_after_commit()
@transaction.atomic
def update_article(article: Article, *, by=None, material=True, **fields) -> Article:
    """Replace the live article's content with new text, keeping the old text as a revision."""
    for name, value in fields.items():
        setattr(article, name, value)
    if material:
        article.updated_at = timezone.now()
    article.full_clean(exclude=["tags", "slug"])
    revision = article.save_revision(user=by, log_action=True)
    if article.live or article.go_live_at:
        revision.publish(user=by, log_action=True, skip_permission_checks=True)
    article.refresh_from_db()
    return article


@references_after_commit()
@transaction.atomic
def add_correction(article: Article, *, text: str, by=None, source: str = "", at=None) -> Correction:
    """Add a dated correction note to an article and mark the story as updated."""
    if not text.strip():
        raise ValueError("A correction needs text readers can be shown.")
    at = at or timezone.now()
    correction = Correction.objects.create(article=article, text=text.strip(), corrected_at=at, source=source)
    log(instance=article, action="copydesk.correct", user=by, data={"text": correction.text})
    Article.objects.filter(pk=article.pk).update(updated_at=at, modified_at=at)
    article.updated_at = at
    transaction.on_commit(lambda: article_corrected.send(Article, article=article, correction=correction))
    return correction


LEAD_IMAGE_LIMITS = {"lead_image_caption": 300, "lead_image_credit": 120, "lead_image_alt": 300}


def set_lead_image(article: Article, *, image, caption="", credit="", alt="", usage="", by=None) -> Article:
    """Give the story a lead image (or none), on the site at once if it is live, and in its draft."""
    values = {
        "lead_image": image,
        "lead_image_caption": caption,
        "lead_image_credit": credit,
        "lead_image_alt": alt,
        "lead_image_usage": usage,
    }
    values = {k: v[: LEAD_IMAGE_LIMITS[k]] if k in LEAD_IMAGE_LIMITS else v for k, v in values.items()}
    return _set_lead(article, values, by=by)


def set_lead_media(article: Article, *, media, by=None) -> Article:
    """Give the story a lead video or audio clip from the agency library (or none), like a lead image.

    Callers check that `media` is playable and that the user may attach it (wire.attach_agencymedia).
    """
    return _set_lead(article, {"lead_media": media}, by=by)


@references_after_commit()
@transaction.atomic
def _set_lead(article, values, *, by):
    """Store `values` on the site at once if the story is live, and in its draft.

    A live story gets a published revision, so it purges like any other change. A story not yet
    live (a draft, or scheduled for an embargo) gets them in its latest revision, keeping its
    schedule; a live story with a draft waiting gets them in that draft too.
    """
    article.refresh_from_db()
    draft_waiting = article.has_unpublished_changes and article.latest_revision is not None
    if article.live:
        draft = article.latest_revision.as_object() if draft_waiting else None
        update_article(article, by=by, material=False, **values)
        if draft is None:
            return article
    else:
        draft = article.latest_revision.as_object() if article.latest_revision else article
    schedule = article.revisions.filter(approved_go_live_at__isnull=False).order_by("-pk").first()
    for name, value in values.items():
        setattr(draft, name, value)
    if schedule is not None and not article.live:
        # The schedule's own time: a revision's JSON keeps only milliseconds, and an embargo
        # guard must not see the new schedule as a moment early.
        draft.go_live_at = schedule.approved_go_live_at
    revision = draft.save_revision(user=by, log_action=True)
    if schedule is not None and not article.live:
        # Wagtail schedules this revision for the same moment and drops the earlier schedule.
        revision.publish(user=by, log_action=True, skip_permission_checks=True)
    article.refresh_from_db()
    return article
