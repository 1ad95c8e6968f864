"""Documents are staff papers, not public files: only those who may choose a document get it.

Wagtail serves a document to anyone who knows its address and lists every document in the admin
API to every signed-in user. Copydesk keeps documents behind the same collection permissions that
govern the document library (today: Administrators only), in the serve view and in the API alike.
Uploaded files under /media/documents/ are never served directly (see copydesk/urls.py and
deploy/nginx), so the serve view below is the only way in.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.permissions import policy_registry

# What lets a user see a document: pick it for a story, or manage it in the library.
READ = ["choose", "change"]


def documents_policy():
    return policy_registry.get_by_type(get_document_model())


def may_read(user, document):
    return user.is_active and documents_policy().user_has_any_permission_for_instance(user, READ, document)


def refuse_unpermitted_document(document, request):
    """Wagtail's before_serve_document hook: refuse before a byte of the file is read."""
    if may_read(request.user, document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
    raise PermissionDenied("Documents are for those who may choose them in the document library.")


class PermittedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents: only those the user may read (a 404 for any other id)."""

    def get_queryset(self):
        readable = documents_policy().instances_user_has_any_permission_for(self.request.user, READ)
        return super().get_queryset().filter(pk__in=readable.values("pk"))
