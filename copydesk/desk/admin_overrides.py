"""Wagtail admin views that answered a role more than its role names, replaced at their own address.

copydesk/urls.py mounts these before Wagtail's admin, so each address keeps its name and template
and only the check in front of it changes:

- logout: Wagtail's view drops the session cookie even on the GET it refuses (a cross-site link
  signed editors out); here only a POST with the CSRF token signs out.
- site history: Wagtail shows it to anyone with a permission on any model, and so showed Reporters
  and Contributors the log of every story; it is the Editors' audit log (view_modellogentry).
- image deletion: Wagtail's image policy treats delete as change (and an uploader's own image as
  theirs to delete); here deleting needs the delete_image permission on the image's collection
  (IMAGE_PERMISSIONS in copydesk/accounts/roles.py: Administrators).
- the page chooser's chosen-multiple: Wagtail's view fails (500) on the root page's id.
- page and workflow views that check no permission on a GET (the move and cancellation
  confirmations, the page-type picker, the workflow task chooser): Copydesk keeps no pages and its
  one workflow is set up by Administrators, so they are the Administrators' (superusers') alone.
"""

from functools import wraps

from django.urls import path
from wagtail.admin.auth import permission_denied, require_admin_access
from wagtail.admin.urls import pages as page_urls
from wagtail.admin.urls import workflows as workflow_urls
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.images.views import images, multiple

from copydesk.accounts.views import PostOnlyLogoutView

from .image_deletion import deleting_images
from .page_chooser import ChosenPagesView


class AuditLogView(LogEntriesView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtailcore.view_modellogentry"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


def administrators_only(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not (request.user.is_active and request.user.is_superuser):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return guarded


UNCHECKED_ON_GET = {
    ("pages/", page_urls): (
        "<int:page_to_move_id>/move/<int:destination_id>/confirm/",
        "workflow/confirm_cancellation/<int:page_id>/",
        "create/<slug:app_label>/<slug:model_name>",
    ),
    ("workflows/", workflow_urls): (
        "task_chooser/", "task_chooser/results/", "task_chooser/create/", "task_chooser/<int:task_id>/",
    ),
}  # fmt: skip


def administrators_only_patterns():
    """Wagtail's own patterns for UNCHECKED_ON_GET, each view wrapped, at the same address."""
    return [
        path(prefix + str(pattern.pattern), administrators_only(pattern.callback))
        for (prefix, module), routes in UNCHECKED_ON_GET.items()
        for pattern in module.urlpatterns
        if str(pattern.pattern) in routes
    ]


_patterns = [
    *administrators_only_patterns(),
    path("logout/", PostOnlyLogoutView.as_view(), name="wagtailadmin_logout"),
    path("reports/site-history/", AuditLogView.as_view(), name="copydesk_site_history"),
    path("reports/site-history/results/", AuditLogView.as_view(results_only=True),
         name="copydesk_site_history_results"),
    path("images/<int:image_id>/delete/", deleting_images(images.DeleteView.as_view()),
         name="copydesk_image_delete"),
    path("images/multiple/<int:image_id>/delete/", deleting_images(multiple.DeleteView.as_view()),
         name="copydesk_image_delete_multiple"),
    path("choose-page/chosen-multiple/", ChosenPagesView.as_view(),
         name="wagtailadmin_choose_page_chosen_multiple"),
]  # fmt: skip

# As Wagtail does for its own admin views: signed-out visitors are sent to the login page.
urlpatterns = [path(str(p.pattern), require_admin_access(p.callback), name=p.name) for p in _patterns]
