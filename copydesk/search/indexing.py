"""Which stories the index must catch up with, gathered while a transaction runs and indexed after it.

Wagtail would index a story on every save, inside the transaction and in the editor's request (or
the wire worker's), five times for one agency story made and published. `Article` opts out
(`search_auto_update = False`); instead each story saved, deleted or corrected in a transaction is
indexed once, by the `index_stories` task enqueued after the commit (copydesk/search/tasks.py), so
a failing index never fails the change, and the index reads the story with its bylines and tags.
"""

from wagtail.search.index import RelatedFields

from copydesk.transactions import AfterCommit


def related_lookups(fields, prefix=""):
    """Prefetch paths for every RelatedFields, nested ones included ("byline_authors__author")."""
    for field in fields:
        if isinstance(field, RelatedFields):
            yield prefix + field.field_name
            yield from related_lookups(field.fields, f"{prefix}{field.field_name}__")


def _enqueue(story_ids):
    from .tasks import index_stories

    index_stories.enqueue(story_ids)


stories_to_index = AfterCommit(_enqueue)
