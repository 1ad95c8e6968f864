"""Keep the search index in step with every publish, update, correction and withdrawal, after commit.

Wagtail indexes a story when its row is saved, inside the transaction and before its bylines and
tags are written; these receivers index it again once the whole change has committed. A withdrawn
story keeps its entry (the admin's listing searches every story) and reader search filters it out.
"""

import logging

from django.db import transaction
from django.dispatch import receiver
from wagtail.search import index

from copydesk.newsroom.models import Article
from copydesk.newsroom.signals import (
    article_corrected,
    article_published,
    article_unpublished,
    article_withdrawn,
)

logger = logging.getLogger(__name__)


@receiver(article_published)
@receiver(article_unpublished)
@receiver(article_withdrawn)
@receiver(article_corrected)
def reindex_story(sender, article, **kwargs):
    story = Article.objects.filter(pk=article.pk).first()
    if story is None:
        return
    try:
        with transaction.atomic():
            index.insert_or_update_object(story)
    except Exception:
        # The change itself has committed; `copydesk reindex` repairs an entry left behind.
        logger.exception("Could not re-index story %s after its change", article.pk)
