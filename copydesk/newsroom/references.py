"""Wagtail's reference index (where each image, author or document is used), updated after commit.

Wagtail updates an object's references on every save, inside the transaction: seven times for one
agency story made and published. Inside `references_after_commit()` (every newsroom action, and
the wire's lifecycle) a save only notes the object (a child row such as a byline notes its story),
and after the commit one `update_references` task per object brings its references up to date.
Deletions are still recorded at once, as Wagtail does, so no reference outlives its object.
"""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from modelcluster.fields import ParentalKey
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import reference_index_auto_update_disabled

from copydesk.transactions import AfterCommit

_deferring = threading.local()


def _enqueue(objects):
    from .tasks import update_references

    for label, pk in objects:
        update_references.enqueue(label, pk)


objects_to_update = AfterCommit(_enqueue)


@contextmanager
def references_after_commit():
    """Note the objects saved in this block; their references are updated by a task after commit."""
    depth = getattr(_deferring, "depth", 0)
    disabled = getattr(reference_index_auto_update_disabled, "value", None)
    _deferring.depth = depth + 1
    reference_index_auto_update_disabled.value = True  # Wagtail's own switch for its save handler
    try:
        yield
    finally:
        _deferring.depth = depth
        if disabled is None:
            del reference_index_auto_update_disabled.value
        else:
            reference_index_auto_update_disabled.value = disabled


def deferring() -> bool:
    return getattr(_deferring, "depth", 0) > 0


def indexed_object(instance):
    """Return (model label, pk) of the object whose references this row belongs to, or None."""
    model = type(instance)
    for field in model._meta.get_fields():
        if isinstance(field, ParentalKey):  # a child row: its references are recorded under its parent
            parent_pk = getattr(instance, field.attname)
            return None if parent_pk is None else (field.related_model._meta.label, parent_pk)
    return (model._meta.label, instance.pk) if ReferenceIndex.is_indexed(model) else None


@receiver(post_save)
def note_saved_object(sender, instance, raw=False, **kwargs):
    if raw or not deferring() or sender not in ReferenceIndex.tracked_models:
        return
    if (found := indexed_object(instance)) is not None:
        objects_to_update.add(found)


@receiver(post_delete)
def remove_deleted_object(sender, instance, **kwargs):
    # What Wagtail's own handler does, which the switch above turned off too.
    if deferring() and sender in ReferenceIndex.tracked_models:
        with transaction.atomic():
            ReferenceIndex.remove_for_object(instance)
            ReferenceIndex.remove_references_to(instance)
