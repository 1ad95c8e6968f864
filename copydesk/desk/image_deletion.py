"""Deleting an image takes the delete_image permission on its collection (IMAGE_PERMISSIONS).

Wagtail's image policy treats delete as change, and lets whoever uploaded an image delete it: an
Editor (who may change images) or any uploader could delete pictures that stories still show.
"""

from functools import wraps

from django.shortcuts import get_object_or_404
from wagtail.admin.auth import permission_denied
from wagtail.images import get_image_model
from wagtail.images.views.bulk_actions.delete import DeleteBulkAction
from wagtail.models import GroupCollectionPermission


def may_delete_image(user, image):
    if not user.is_active:
        return False
    return (
        user.is_superuser
        or GroupCollectionPermission.objects.filter(
            group__user=user,
            permission__codename="delete_image",
            collection__in=image.collection.get_ancestors(inclusive=True),
        ).exists()
    )


def deleting_images(view):
    @wraps(view)
    def guarded(request, image_id, *args, **kwargs):
        if not may_delete_image(request.user, get_object_or_404(get_image_model(), pk=image_id)):
            return permission_denied(request)
        return view(request, image_id, *args, **kwargs)

    return guarded


class ImageDeleteBulkAction(DeleteBulkAction):
    def check_perm(self, image):
        return may_delete_image(self.request.user, image)
