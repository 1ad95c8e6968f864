"""Purge exactly the pages a change touches, after the transaction that made it has committed."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from copydesk.newsroom.models import Article, ArticleTag, Author, Section
from copydesk.newsroom.signals import (
    article_corrected,
    article_published,
    article_unpublished,
    article_withdrawn,
)
from copydesk.wire.signals import media_files_changed

from .caching import keys_for_article, purge


@receiver(article_published)
@receiver(article_unpublished)
@receiver(article_withdrawn)
@receiver(article_corrected)
def purge_story_pages(sender, article, **kwargs):
    # The newsroom sends these signals from on_commit callbacks: the change is already durable.
    purge(keys_for_article(article))


@receiver(post_delete, sender=Article)
def purge_deleted_story(sender, instance, **kwargs):
    keys = {f"article-{instance.pk}", f"section-{instance.section_id}", "home", "recent"}
    keys.update(("corrections", "feeds", "sitemaps", "search"))
    transaction.on_commit(lambda: purge(keys))


@receiver(post_delete, sender=ArticleTag)
def purge_tag_left(sender, instance, **kwargs):
    # A story that loses a tag (an editor's publish, an agency update) leaves that tag's pages; the
    # signals sent after commit name only the tags it has then, so this one is purged here.
    tag_id = instance.tag_id
    transaction.on_commit(lambda: purge([f"tag-{tag_id}"]))


@receiver(post_save, sender=Author)
def purge_author_pages(sender, instance, **kwargs):
    # The authors' sitemap lists every author's page.
    transaction.on_commit(lambda: purge([f"author-{instance.pk}", "sitemaps"]))


@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
def purge_everything_for_sections(sender, instance, **kwargs):
    # Every page shows the sections in its navigation.
    transaction.on_commit(lambda: purge(["site"]))


@receiver(media_files_changed)
def purge_media_files(sender, media_ids, **kwargs):
    # Sent after commit. The key names the file itself and every page that plays it.
    purge([f"media-{pk}" for pk in media_ids])
