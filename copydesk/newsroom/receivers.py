"""Turn Wagtail's publish events on articles into the newsroom's after-commit signals; slug every tag."""

from django.db import transaction
from django.db.models.signals import pre_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.signals import published, unpublished

from .models import Article
from .signals import article_published, article_unpublished
from .tag_slugs import needs_slug, slug_for


@receiver(published, sender=Article)
def announce_published(sender, instance, **kwargs):
    transaction.on_commit(lambda: article_published.send(Article, article=instance))


@receiver(unpublished, sender=Article)
def announce_unpublished(sender, instance, **kwargs):
    transaction.on_commit(lambda: article_unpublished.send(Article, article=instance))


@receiver(pre_save, sender=Tag)
def give_tag_a_slug(sender, instance, **kwargs):
    """Replace the empty slug taggit gives a name made only of symbols (see tag_slugs)."""
    if needs_slug(instance.slug):
        others = Tag.objects.exclude(pk=instance.pk) if instance.pk else Tag.objects.all()
        instance.slug = slug_for(instance.name, taken=lambda slug: others.filter(slug=slug).exists())
