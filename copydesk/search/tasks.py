"""The search index's background work, as tasks of Django's Tasks API: small, idempotent, given ids."""

from django.db import transaction
from wagtail.search.backends import get_search_backends

from copydesk import background
from copydesk.newsroom.models import Article

from .indexing import related_lookups


@background.task(attempts=5, backoff=30.0)
def index_stories(story_ids: list[int]) -> int:
    """Bring these stories' index entries up to date in every search backend; return how many were indexed.

    A story since deleted leaves the index. Safe to run twice: each entry is written whole.
    """
    ids = sorted(set(story_ids))
    fields = Article.get_search_fields()
    stories = list(
        Article.get_indexed_objects().filter(pk__in=ids).prefetch_related(*related_lookups(fields))
    )
    gone = sorted(set(ids) - {story.pk for story in stories})
    for backend in get_search_backends(with_auto_update=True):
        with transaction.atomic():
            if stories:
                backend.add_bulk(Article, stories)
            for pk in gone:
                backend.delete(Article(pk=pk))
    return len(stories)
