"""The Administrators' list of failed tasks, with Retry and Dismiss (POST only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from .actions import PERMISSION, access_failed_task, dismiss_failed_task, retry_failed_task
from .models import FailedTask


def failed_tasks(request):
    """List the tasks that gave up, newest failure first, with their reason."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied("Only Administrators may see failed tasks.")
    failed = FailedTask.objects.all()[:200]
    return TemplateResponse(
        request, "background/failed_tasks.html", {"failed": failed, "page_title": "Failed tasks"}
    )


@require_POST
def retry(request, pk):
    failed = access_failed_task(request.user, pk)
    retry_failed_task(failed, by=request.user)
    messages.success(request, f"Enqueued {failed.task_path} again.")
    return redirect("background_failed_tasks")


@require_POST
def dismiss(request, pk):
    failed = access_failed_task(request.user, pk)
    dismiss_failed_task(failed, by=request.user)
    messages.success(request, f"Dismissed the failure of {failed.task_path}.")
    return redirect("background_failed_tasks")
