"""A task that failed its last attempt, kept for the Administrators to retry or dismiss."""

import hashlib
import json

from django.db import models


class FailedTask(models.Model):
    """One task, with its arguments, that gave up; a later failure of the same call updates it."""

    # The task path and its arguments, hashed: the same call failing again is one row, not many.
    signature = models.CharField(max_length=64, unique=True, editable=False)
    task_path = models.CharField(max_length=300)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    reason = models.CharField(max_length=500)
    attempts = models.PositiveIntegerField(default=1)
    first_failed_at = models.DateTimeField()
    last_failed_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-last_failed_at"]
        default_permissions = ()
        permissions = [("manage_failedtask", "Can see, retry and dismiss failed background tasks")]

    def __str__(self):
        return f"{self.task_path}({self.arguments})"

    @property
    def arguments(self) -> str:
        """The call's arguments as the list shows them: a message only by its subject and recipients.

        A mail's body may hold a secret (a password reset link), which the list must never show back.
        """
        parts = [shown(a) for a in self.args] + [f"{k}={shown(v)}" for k, v in self.kwargs.items()]
        return ", ".join(parts)

    @staticmethod
    def sign(task_path: str, args, kwargs) -> str:
        call = json.dumps([task_path, args, kwargs], sort_keys=True, default=str)
        return hashlib.sha256(call.encode()).hexdigest()


def shown(value) -> str:
    if isinstance(value, dict):
        if "subject" in value and "to" in value:
            return f"message {json.dumps(value['subject'])} to {', '.join(map(str, value['to']))}"
        return "{" + ", ".join(sorted(map(str, value))) + "}"
    return json.dumps(value)
