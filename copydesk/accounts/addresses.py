"""The address a request came from, through the reverse proxies the operator names as trusted."""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(trusted: tuple) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted)


def _parse(address: str):
    try:
        return ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return None


def is_trusted_proxy(address) -> bool:
    networks = _networks(tuple(settings.COPYDESK_TRUSTED_PROXIES))
    return address is not None and any(address in network for network in networks)


def client_address(request) -> str | None:
    """Return the client's address: X-Forwarded-For read right to left, past trusted proxies only.

    Each proxy appends the address it was reached from, so the rightmost entry not written by one of
    our own proxies is the first one a client could not forge; anything to its left is the client's
    own claim and is ignored. A request that does not come from a trusted proxy is taken at its word.
    """
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    if not is_trusted_proxy(remote):
        return str(remote) if remote else None
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    nearest = remote
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            break  # a trusted proxy passed on something unreadable: go no further than that proxy
        nearest = address
        if not is_trusted_proxy(address):
            break
    return str(nearest)
