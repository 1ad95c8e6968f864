"""The writes on failed tasks: record one, retry one, dismiss one."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string
from django_tasks.base import Task

from .models import FailedTask

PERMISSION = "background.manage_failedtask"


def record_failed_task(task_path, args, kwargs, reason, attempts, first_failed_at, last_failed_at):
    """Keep a task that gave up, or count one more give-up of the same call."""
    signature = FailedTask.sign(task_path, args, kwargs)
    for _ in range(2):  # two workers giving up on the same call at once: the loser updates
        try:
            with transaction.atomic():
                failed, created = FailedTask.objects.select_for_update().get_or_create(
                    signature=signature,
                    defaults=dict(task_path=task_path, args=args, kwargs=kwargs, reason=reason,
                                  attempts=attempts, first_failed_at=first_failed_at,
                                  last_failed_at=last_failed_at),
                )  # fmt: skip
                if not created:
                    failed.reason, failed.last_failed_at = reason, last_failed_at
                    failed.attempts += attempts
                    failed.save(update_fields=["reason", "last_failed_at", "attempts"])
                return failed
        except IntegrityError:
            continue
    return None


def access_failed_task(user, pk) -> FailedTask:
    """The failed task, if the user may manage failed tasks (Administrators), else refuse."""
    from django.shortcuts import get_object_or_404

    if not (user.is_active and user.has_perm(PERMISSION)):
        raise PermissionDenied("Only Administrators may see, retry or dismiss failed tasks.")
    return get_object_or_404(FailedTask, pk=pk)


@transaction.atomic
def retry_failed_task(failed: FailedTask, *, by):
    """Enqueue the task again, with all its attempts, and forget the failure (it is recorded anew if it fails)."""
    if not by.has_perm(PERMISSION):
        raise PermissionDenied("Only Administrators may retry failed tasks.")
    task = import_string(failed.task_path)
    if not isinstance(task, Task):
        raise ValueError(f"{failed.task_path} is not a task.")
    args, kwargs = list(failed.args), dict(failed.kwargs)
    failed.delete()
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))


def dismiss_failed_task(failed: FailedTask, *, by):
    """Forget a failure without running the task again."""
    if not by.has_perm(PERMISSION):
        raise PermissionDenied("Only Administrators may dismiss failed tasks.")
    failed.delete()
