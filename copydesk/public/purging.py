"""Tell HTTP caches (Varnish, a CDN) which surrogate keys to drop."""

import logging

import httpx
from django.conf import settings

logger = logging.getLogger(__name__)


def purge_http_caches(keys):
    """Send `PURGE /` with the keys to every configured cache; a failure is logged, never raised."""
    for url in settings.COPYDESK_PURGE_URLS:
        try:
            response = httpx.request("PURGE", url, headers={"X-Purge-Keys": " ".join(keys)}, timeout=5)
            if response.status_code >= 400:
                logger.warning("Purging %s at %s answered %s", keys, url, response.status_code)
        except httpx.HTTPError as error:
            logger.warning("Could not purge %s at %s: %s", keys, url, error)
