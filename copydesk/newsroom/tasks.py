"""The newsroom's background work, as tasks of Django's Tasks API: small, idempotent, given ids."""

from django.apps import apps
from django.db import transaction
from wagtail.models import ReferenceIndex

from copydesk import background


@background.task(attempts=3, backoff=30.0)
def update_references(model_label: str, pk: int) -> bool:
    """Record what the object refers to in Wagtail's reference index (references.py); False if it is gone."""
    instance = apps.get_model(model_label).objects.filter(pk=pk).first()
    if instance is None:
        return False  # deleted since: its references went with it
    with transaction.atomic():
        ReferenceIndex.create_or_update_for_object(instance)
    return True
