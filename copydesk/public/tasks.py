"""The public site's background work, as tasks of Django's Tasks API: small, idempotent."""

from copydesk import background

from . import purging


# The keys stay pending until a purge is accepted; a retry sends them with whatever came since.
@background.task(attempts=6, backoff=5.0, max_backoff=300.0)
def send_http_purges() -> int:
    """Send the pending surrogate keys to the HTTP caches, coalesced (public/purging.py)."""
    return purging.send_pending_purges()
