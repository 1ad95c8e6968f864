"""Background work on Django's Tasks API: retried tasks, failures for the Administrators, the worker."""

from .retry import task

__all__ = ["task"]
