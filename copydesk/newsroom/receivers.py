"""Turn Wagtail's publish events on articles into the newsroom's after-commit signals."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from .models import Article
from .signals import article_published, article_unpublished


@receiver(published, sender=Article)
def announce_published(sender, instance, **kwargs):
    transaction.on_commit(lambda: article_published.send(Article, article=instance))


@receiver(unpublished, sender=Article)
def announce_unpublished(sender, instance, **kwargs):
    transaction.on_commit(lambda: article_unpublished.send(Article, article=instance))
