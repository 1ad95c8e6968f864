from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .actions import PERMISSION


@hooks.register("register_admin_urls")
def register_failed_task_urls():
    return [
        path("tasks/failed/", views.failed_tasks, name="background_failed_tasks"),
        path("tasks/failed/<int:pk>/retry/", views.retry, name="background_retry"),
        path("tasks/failed/<int:pk>/dismiss/", views.dismiss, name="background_dismiss"),
    ]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def failed_tasks_menu_item():
    return AdministratorsMenuItem(
        "Failed tasks", reverse("background_failed_tasks"), icon_name="warning", order=900
    )
