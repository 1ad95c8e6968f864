"""Keep each wire item's state in step with its story when editors publish it in the admin."""

from django.dispatch import receiver

from copydesk.newsroom.signals import article_published

from .models import WireItem


@receiver(article_published)
def mark_wire_item_published(sender, article, **kwargs):
    WireItem.objects.filter(article=article).exclude(state=WireItem.State.KILLED).update(
        state=WireItem.State.PUBLISHED
    )
