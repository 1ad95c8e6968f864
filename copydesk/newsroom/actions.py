"""Every write to newsroom content goes through one of these verbs."""

from django.db import transaction
from django.utils import timezone

from .models import Article, ArticleAuthor
from .signals import article_withdrawn


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


@transaction.atomic
def publish_article(article: Article, *, by=None, published_at=None) -> Article:
    """Make the article's latest content live, optionally backdating its first publication."""
    if published_at is not None and article.first_published_at is None:
        Article.objects.filter(pk=article.pk).update(first_published_at=published_at)
        article.first_published_at = published_at
    revision = article.save_revision(user=by, log_action=True)
    revision.publish(user=by, log_action=True)
    article.refresh_from_db()
    return article


@transaction.atomic
def withdraw_article(article: Article, *, by=None, reason: str) -> Article:
    """Take a story off the site and leave a withdrawal notice at its URL."""
    if not reason.strip():
        raise ValueError("A withdrawal needs a reason readers can be shown.")
    article.withdrawn_at = timezone.now()
    article.withdrawal_reason = reason.strip()
    article.unpublish(user=by, log_action=True)
    transaction.on_commit(lambda: article_withdrawn.send(Article, article=article))
    return article
