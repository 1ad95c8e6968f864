"""Keep the search index in step with every change to a story, by a task after commit (indexing.py).

A withdrawn story keeps its entry (the admin's listing searches every story) and reader search
filters it out.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from copydesk.newsroom.models import Article
from copydesk.newsroom.signals import article_corrected

from .indexing import stories_to_index


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
def index_story_after_commit(sender, instance, raw=False, **kwargs):
    if not raw:
        stories_to_index.add(instance.pk)


@receiver(article_corrected)
def index_corrected_story(sender, article, **kwargs):
    # A correction changes the story's row by an update, which sends no post_save.
    stories_to_index.add(article.pk)
