"""The public site's background work, as tasks of Django's Tasks API: small, idempotent."""

from django_tasks import task

from . import purging


@task()
def send_http_purges() -> int:
    """Send the pending surrogate keys to the HTTP caches, coalesced (public/purging.py)."""
    return purging.send_pending_purges()
