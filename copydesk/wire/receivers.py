"""Keep each wire item in step with its story, guard every publish, and keep its dedupe bands."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import published

from copydesk.newsroom.models import Article
from copydesk.newsroom.signals import publish_checks

from . import clustering, lifecycle
from .models import AgencyMedia, WireItem


@receiver(published, sender=Article)
def mark_wire_item_published(sender, instance, **kwargs):
    # In the publishing transaction, not after commit: the worker's publish_due, the admin and
    # the desk leave the item and its story agreeing at every commit. Wagtail also sends
    # `published` when it only schedules, so only a live story counts.
    if instance.live:
        WireItem.objects.filter(article=instance).exclude(state=WireItem.State.KILLED).update(
            state=WireItem.State.PUBLISHED
        )


@receiver(publish_checks)
def agency_publish_checks(sender, article, **kwargs):
    if not article.agency_id:
        return []
    wire = WireItem.objects.select_related("agency").filter(article_id=article.pk).first()
    return lifecycle.publish_checks(wire, article) if wire else []


@receiver(post_save, sender=WireItem)
def store_wire_item_bands(sender, instance, created, update_fields=None, raw=False, **kwargs):
    # Here rather than in ingest: every path that saves an item (ingest, admin, fixtures in tests)
    # keeps the band index that find_cluster() reads in step with the item's text.
    if raw:
        return
    if created or clustering.bands_are_stale(instance, update_fields):
        clustering.store_bands(instance, replace=not created)


@receiver(post_delete, sender=AgencyMedia)
def delete_media_file(sender, instance, **kwargs):
    # A clip deleted with its wire item must not stay in storage; after commit, as a kill does.
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
