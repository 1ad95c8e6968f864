"""Fetch agency feeds and partner pages without letting a URL reach into the newsroom's own network.

Every URL here comes from outside: an agency's feed settings, a partner's link, a redirect. So each
request is a possible server-side request forgery (SSRF): a link to http://169.254.169.254/ or to
an intranet host would make Copydesk fetch it on the attacker's behalf. `fetch` resolves the host
name once, refuses any address that is not on the public internet, and then connects to exactly
that address, so a DNS answer that changes between the check and the connection (DNS rebinding)
cannot send it elsewhere. Redirects are followed by hand and every hop is checked again.

Settings, read at call time:
    WIRE_FETCH_ALLOW_HOSTS  host names or IPs that may be fetched even though they are not public
                            (a test server, an agency mirror on the office network); default [].
    WIRE_FETCH_TIMEOUT      seconds for the whole fetch, redirects and body included; default 20.
    WIRE_FETCH_MAX_BYTES    largest body accepted, after decompression; default 20 MiB.

A caller that expects a large body (an agency's video, wire/av.py) passes `into`, a binary file:
the body is written there as it arrives, under the same cap and deadline, and never held in memory.
"""

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import BinaryIO

import httpx
from django.conf import settings

USER_AGENT = "Copydesk/0.1 (+wire ingest)"
MAX_REDIRECTS = 3
CONNECT_TIMEOUT = 5.0
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
# Sent to the host that set them only; a redirect to another origin must not carry them along.
CREDENTIAL_HEADERS = {"authorization", "cookie", "proxy-authorization"}


class FetchError(Exception):
    """The address could not be fetched; the message says why in words an editor can act on.

    `transient` says whether asking again later may succeed: a timeout, a dropped connection, a
    server error (5xx) and 404, 408 or 429 (an agency often sends the text before the picture is
    uploaded). A refused address, a body too large, another 4xx or a redirect loop will not change.
    """

    def __init__(self, message, *, transient=False):
        super().__init__(message)
        self.transient = transient


# Statuses that say "not now" rather than "never"; every 5xx is one too.
TRANSIENT_STATUSES = {404, 408, 429}


@dataclass
class Fetched:
    url: str  # the address the content finally came from, after redirects
    status: int
    content: bytes
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False  # the server answered 304: what we hold is still current


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    headers: dict[str, str] | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    into: BinaryIO | None = None,
) -> Fetched:
    """Fetch one public http(s) address, following at most three redirects.

    With `into`, a successful body is written to that file and `content` stays empty.
    """
    max_bytes = max_bytes or getattr(settings, "WIRE_FETCH_MAX_BYTES", DEFAULT_MAX_BYTES)
    timeout = timeout or getattr(settings, "WIRE_FETCH_TIMEOUT", DEFAULT_TIMEOUT)
    deadline = time.monotonic() + timeout
    request_headers = {"User-Agent": USER_AGENT, **(headers or {})}
    if etag:
        request_headers["If-None-Match"] = etag
    if last_modified:
        request_headers["If-Modified-Since"] = last_modified

    current = _parse(url)
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            response, body = _get_once(current, request_headers, deadline, max_bytes, into)
        except httpx.TimeoutException as exc:
            raise FetchError(f"{current} did not answer within {timeout:g} s.", transient=True) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"Could not fetch {current}: {exc}", transient=True) from exc
        status = response.status_code
        if status in REDIRECT_STATUSES and "Location" in response.headers:
            target = _parse(str(current.join(response.headers["Location"])))
            if _origin(target) != _origin(current):
                request_headers = {
                    k: v for k, v in request_headers.items() if k.lower() not in CREDENTIAL_HEADERS
                }
            current = target
            continue
        fetched = Fetched(
            url=str(current),
            status=status,
            content=body,
            content_type=response.headers.get("Content-Type", ""),
            etag=response.headers.get("ETag", ""),
            last_modified=response.headers.get("Last-Modified", ""),
        )
        if status == 304:
            fetched.not_modified = True
            fetched.etag = fetched.etag or etag
            fetched.last_modified = fetched.last_modified or last_modified
            return fetched
        if not 200 <= status < 300:
            raise FetchError(
                f"{current} answered HTTP {status} {response.reason_phrase}.".rstrip(),
                transient=status in TRANSIENT_STATUSES or status >= 500,
            )
        return fetched
    raise FetchError(f"{url} redirects more than {MAX_REDIRECTS} times; fetch the final address instead.")


def _parse(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url!r} is not a valid web address: {exc}") from exc
    if parsed.scheme not in ("http", "https"):
        raise FetchError(
            f"Only http and https addresses can be fetched, not {parsed.scheme or 'this'}: {url}"
        )
    if not parsed.raw_host:
        raise FetchError(f"{url!r} has no host name.")
    return parsed


def _origin(url: httpx.URL) -> tuple:
    return url.scheme, url.raw_host, url.port


def _get_once(
    url: httpx.URL, headers: dict[str, str], deadline: float, max_bytes: int, into: BinaryIO | None = None
):
    """Send one GET to a vetted address of `url`; return the response and its body (empty for a redirect)."""
    host = url.raw_host.decode("ascii")
    last_error = None
    for address in _vetted_addresses(url):
        remaining = max(deadline - time.monotonic(), 0.001)
        timeouts = httpx.Timeout(remaining, connect=min(CONNECT_TIMEOUT, remaining))
        # Pinning: the request goes to the vetted IP itself, so httpx never resolves the name
        # again. The Host header keeps the real name (virtual hosting), and the `sni_hostname`
        # extension makes httpcore send that name in TLS SNI and check the certificate against
        # it. This is simpler than a custom transport and uses only public httpx/httpcore API.
        # A fresh client per hop stops a pooled TLS connection made for one name serving another
        # on the same IP; trust_env=False stops HTTP(S)_PROXY from routing around the check.
        with httpx.Client(trust_env=False, follow_redirects=False, timeout=timeouts) as client:
            request = client.build_request(
                "GET",
                url.copy_with(host=str(address)),
                headers={**headers, "Host": url.netloc.decode("ascii")},
                extensions={"sni_hostname": host} if url.scheme == "https" else None,
            )
            try:
                response = client.send(request, stream=True)
            except httpx.ConnectError as exc:
                last_error = exc  # try the host's next address, as a browser would
                continue
            try:
                if response.status_code in REDIRECT_STATUSES or response.status_code == 304:
                    return response, b""
                if into is not None and not 200 <= response.status_code < 300:
                    return response, b""  # an error page is never written where the file belongs
                return response, _read_capped(url, response, deadline, max_bytes, into)
            finally:
                response.close()
    raise FetchError(f"Could not connect to {host}: {last_error}", transient=True)


def _read_capped(
    url: httpx.URL, response: httpx.Response, deadline: float, max_bytes: int, into: BinaryIO | None = None
) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: response larger than {max_bytes} bytes ({declared} declared).")
    body, received = bytearray(), 0
    # iter_bytes() decompresses, so the cap also holds against a small gzip that unpacks to gigabytes.
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > max_bytes:
            raise FetchError(f"{url}: response larger than {max_bytes} bytes.")
        if into is None:
            body += chunk
        else:
            into.write(chunk)
        if time.monotonic() > deadline:
            # httpx's read timeout is per read; a server dribbling a byte at a time needs this.
            raise httpx.ReadTimeout("body not complete before the deadline")
    return bytes(body)


def _vetted_addresses(url: httpx.URL) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Resolve the host once; return the addresses it may be fetched from, or say why none."""
    host = url.raw_host.decode("ascii").lower()
    allowed = {_normalise(entry) for entry in getattr(settings, "WIRE_FETCH_ALLOW_HOSTS", [])}
    try:
        infos = socket.getaddrinfo(host, url.port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(
            f"Could not find the server {host} (DNS lookup failed: {exc}).", transient=True
        ) from exc
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
    if host in allowed:
        return addresses
    # Keeping only the good addresses is safe because we connect to nothing else.
    vetted = [a for a in addresses if str(a) in allowed or not _refusal(a)]
    if not vetted:
        address, kind = addresses[0], _refusal(addresses[0])
        a_kind = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} address"
        what = f"is {a_kind}" if _normalise(host) == str(address) else f"resolves to {a_kind} ({address})"
        raise FetchError(
            f"Refused to fetch {url}: {host} {what}, not the public internet. "
            "If this source is trusted, add it to the WIRE_FETCH_ALLOW_HOSTS setting."
        )
    return vetted


def _refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Name the kind of non-public address this is, or return "" for a public one."""
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    checks = [
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("non-public", not address.is_global),  # e.g. carrier-grade NAT, 100.64.0.0/10
    ]
    return next((kind for kind, refused in checks if refused), "")


def _normalise(entry: str) -> str:
    try:
        return str(ipaddress.ip_address(entry))
    except ValueError:
        return entry.lower().rstrip(".")
