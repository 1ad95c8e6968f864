"""Keep each wire item's state in step with its story, and its dedupe bands with its signature."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from copydesk.newsroom.signals import article_published

from . import clustering
from .models import WireItem


@receiver(article_published)
def mark_wire_item_published(sender, article, **kwargs):
    WireItem.objects.filter(article=article).exclude(state=WireItem.State.KILLED).update(
        state=WireItem.State.PUBLISHED
    )


@receiver(post_save, sender=WireItem)
def store_wire_item_bands(sender, instance, created, update_fields=None, raw=False, **kwargs):
    # Here rather than in ingest: every path that saves an item (ingest, admin, fixtures in tests)
    # keeps the band index that find_cluster() reads in step with the item's text.
    if raw:
        return
    if created or clustering.bands_are_stale(instance, update_fields):
        clustering.store_bands(instance, replace=not created)
