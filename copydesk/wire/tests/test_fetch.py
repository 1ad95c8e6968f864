"""Safe fetching, against a real HTTP server on 127.0.0.1; nothing leaves the machine.

Every test runs with a guard on socket.create_connection that fails on any address that is not
loopback, so a refused URL is shown to be refused before a connection is attempted.
"""

import json
import re
import shutil
import socket
import ssl
import subprocess
import time
from contextlib import suppress
from email.utils import formatdate

import pytest

from copydesk.wire.fetch import USER_AGENT, FetchError, fetch

from .localserver import send as _send
from .localserver import serve

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Gazette: Eastbrook</title>
<item><guid>vg-1</guid><title>Eastbrook market moves to the riverside</title></item>
</channel></rss>"""
FEED_ETAG = '"feed-v1"'
FEED_MODIFIED = formatdate(1_700_000_000, usegmt=True)


def _feed(h):
    if h.headers.get("If-None-Match") == FEED_ETAG or h.headers.get("If-Modified-Since") == FEED_MODIFIED:
        _send(h, 304, ETag=FEED_ETAG)
        return
    _send(h, 200, FEED, Content_Type="application/rss+xml", ETag=FEED_ETAG, Last_Modified=FEED_MODIFIED)


def _echo(h):
    _send(h, 200, json.dumps(dict(h.headers.items())).encode(), Content_Type="application/json")


def _redirect(location):
    return lambda h: _send(h, 302, Location=location)


def _endless(h):
    h.send_response(200)
    h.end_headers()
    with suppress(OSError):  # the client hangs up once it has seen enough
        for _ in range(2000):  # 128 MiB at most, so a broken client cannot keep the thread forever
            h.wfile.write(b"x" * 65536)


def _slow(h):
    time.sleep(3)
    with suppress(OSError):
        _send(h, 200, b"too late")


def _drip(h):
    h.send_response(200)
    h.end_headers()
    with suppress(OSError):
        for _ in range(100):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.05)


ROUTES = {
    "/feed.xml": _feed,
    "/echo": _echo,
    "/hop/1": _redirect("/feed.xml"),
    "/hop/2": _redirect("/hop/1"),
    "/hop/3": _redirect("/hop/2"),
    "/hop/4": _redirect("/hop/3"),
    "/to-metadata": _redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-intranet": _redirect("http://10.0.0.1/"),
    "/to-file": _redirect("file:///etc/passwd"),
    "/to-echo": _redirect("/echo"),
    "/to-other-origin": lambda h: _send(h, 302, Location=f"http://localhost:{h.server.server_port}/echo"),
    "/endless": _endless,
    "/declares-huge": lambda h: _send(h, 200, b"tiny", Content_Length=str(10**9)),
    "/slow": _slow,
    "/drip": _drip,
    "/broken": lambda h: _send(h, 500, b"oops"),
}


@pytest.fixture(scope="module")
def server():
    with serve(ROUTES) as base:
        yield base


@pytest.fixture(autouse=True)
def connections(monkeypatch):
    """Record every outgoing connection; fail the test on any that is not to loopback."""
    made = []
    real = socket.create_connection

    def guarded(address, *args, **kwargs):
        assert address[0] in ("127.0.0.1", "::1"), f"attempted a connection to {address}"
        made.append(address)
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
    return made


@pytest.fixture
def local(settings):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    return settings


@pytest.fixture
def fake_dns(monkeypatch):
    """Answer chosen names from a table (a list of answers is used one per lookup); count lookups."""
    table, lookups = {}, []
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in table:
            return real(host, port, *args, **kwargs)
        lookups.append(host)
        answers = table[host]
        address = answers.pop(0) if isinstance(answers, list) else answers
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 0))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table, lookups


def test_fetches_feed_with_its_validators(server, local):
    fetched = fetch(f"{server}/feed.xml")
    assert (fetched.status, fetched.content, fetched.not_modified) == (200, FEED, False)
    assert fetched.content_type == "application/rss+xml"
    assert (fetched.etag, fetched.last_modified) == (FEED_ETAG, FEED_MODIFIED)
    assert fetched.url == f"{server}/feed.xml"


def test_sends_user_agent_and_real_host_header(server, local):
    sent = json.loads(fetch(f"{server}/echo", headers={"X-Agency-Key": "k1"}).content)
    assert sent["User-Agent"] == USER_AGENT == "Copydesk/0.1 (+wire ingest)"
    assert sent["Host"] == server.removeprefix("http://")
    assert sent["X-Agency-Key"] == "k1"


@pytest.mark.parametrize(
    "validators", [{"etag": FEED_ETAG}, {"last_modified": FEED_MODIFIED}], ids=["etag", "last-modified"]
)
def test_unchanged_feed_answers_not_modified(server, local, validators):
    fetched = fetch(f"{server}/feed.xml", **validators)
    assert (fetched.status, fetched.not_modified, fetched.content) == (304, True, b"")
    assert fetched.etag == FEED_ETAG


def test_conditional_headers_are_sent(server, local):
    sent = json.loads(fetch(f"{server}/echo", etag='"e7"', last_modified=FEED_MODIFIED).content)
    assert (sent["If-None-Match"], sent["If-Modified-Since"]) == ('"e7"', FEED_MODIFIED)


def test_follows_three_redirects(server, local):
    fetched = fetch(f"{server}/hop/3")
    assert (fetched.content, fetched.url) == (FEED, f"{server}/feed.xml")


def test_refuses_a_fourth_redirect(server, local):
    with pytest.raises(FetchError, match="redirects more than 3 times"):
        fetch(f"{server}/hop/4")


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ("/to-metadata", "169.254.169.254 is a link-local address"),
        ("/to-intranet", "10.0.0.1 is a private address"),
    ],
)
def test_redirect_to_internal_address_is_refused_before_connecting(server, local, connections, path, refused):
    with pytest.raises(FetchError, match=rf"{re.escape(refused)}.*WIRE_FETCH_ALLOW_HOSTS"):
        fetch(f"{server}{path}")
    assert all(host == "127.0.0.1" for host, _port in connections)


def test_credentials_go_only_to_the_origin_they_were_given_for(server, settings):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1", "localhost"]
    headers = {"Authorization": "Bearer agency-token", "X-Agency-Key": "k1"}
    same = json.loads(fetch(f"{server}/to-echo", headers=headers).content)
    other = json.loads(fetch(f"{server}/to-other-origin", headers=headers).content)
    assert same["Authorization"] == "Bearer agency-token"
    assert "Authorization" not in other
    assert other["X-Agency-Key"] == "k1"


def test_redirect_to_file_url_is_refused(server, local):
    with pytest.raises(FetchError, match="Only http and https addresses can be fetched, not file"):
        fetch(f"{server}/to-file")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_is_refused_without_the_allow_list(server, settings, connections, host):
    settings.WIRE_FETCH_ALLOW_HOSTS = []
    with pytest.raises(FetchError, match="loopback address"):
        fetch(server.replace("127.0.0.1", host) + "/feed.xml")
    assert connections == []


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0177.0.0.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "http://[fe80::1]/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://[fd00::1]/",
        "http://192.168.1.1/",
    ],
)
def test_other_spellings_of_internal_addresses_are_refused(settings, connections, url):
    settings.WIRE_FETCH_ALLOW_HOSTS = []
    with pytest.raises(FetchError, match="Refused to fetch|is not a valid web address"):
        fetch(url)
    assert connections == []


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://ftp.example/feed.xml", "gopher://gopher.example/1"]
)
def test_only_http_and_https_are_fetched(connections, url):
    with pytest.raises(FetchError, match="Only http and https"):
        fetch(url)
    assert connections == []


def test_host_name_resolving_to_a_private_address_is_refused(settings, fake_dns, connections):
    settings.WIRE_FETCH_ALLOW_HOSTS = []
    fake_dns[0]["intranet.example"] = "10.0.0.5"
    with pytest.raises(FetchError, match=r"intranet.example resolves to a private address \(10.0.0.5\)"):
        fetch("https://intranet.example/feed.xml")
    assert connections == []


def test_host_is_resolved_once_and_the_vetted_address_used(server, local, fake_dns, connections):
    # A rebinding DNS server answers with an allowed address first, then an internal one.
    table, lookups = fake_dns
    table["news.example"] = ["127.0.0.1", "10.0.0.9", "10.0.0.9"]
    port = server.rsplit(":", 1)[1]
    sent = json.loads(fetch(f"http://news.example:{port}/echo").content)
    assert lookups == ["news.example"]
    assert connections == [("127.0.0.1", int(port))]
    assert sent["Host"] == f"news.example:{port}"


def test_allow_list_accepts_host_names(server, settings):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["localhost"]
    assert fetch(server.replace("127.0.0.1", "localhost") + "/feed.xml").content == FEED


def test_endless_body_is_cut_at_the_cap(server, local):
    with pytest.raises(FetchError, match="response larger than 100000 bytes"):
        fetch(f"{server}/endless", max_bytes=100_000)


def test_cap_comes_from_the_setting(server, local):
    local.WIRE_FETCH_MAX_BYTES = 200_000
    with pytest.raises(FetchError, match="response larger than 200000 bytes"):
        fetch(f"{server}/endless")


def test_declared_huge_body_is_refused_before_reading(server, local):
    with pytest.raises(FetchError, match="response larger than 1000 bytes"):
        fetch(f"{server}/declares-huge", max_bytes=1000)


def test_slow_server_times_out(server, local):
    local.WIRE_FETCH_TIMEOUT = 0.5
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer within 0.5 s"):
        fetch(f"{server}/slow")
    assert time.monotonic() - started < 2


def test_dribbling_body_is_cut_at_the_total_timeout(server, local):
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer within 0.5 s"):
        fetch(f"{server}/drip", timeout=0.5)
    assert time.monotonic() - started < 2


def test_server_error_is_reported_with_its_status(server, local):
    with pytest.raises(FetchError, match="answered HTTP 500 Internal Server Error"):
        fetch(f"{server}/broken")


def test_missing_page_is_reported_with_its_status(server, local):
    with pytest.raises(FetchError, match="answered HTTP 404"):
        fetch(f"{server}/no-such-feed")


@pytest.fixture(scope="module")
def news_example_cert(tmp_path_factory):
    """A self-signed certificate for news.example, made with the openssl command."""
    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        + ["-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=news.example"]
        + ["-addext", "subjectAltName=DNS:news.example"],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_server(news_example_cert, monkeypatch, fake_dns, settings):
    """An HTTPS server on 127.0.0.1 that news.example and other.example resolve to; yields (port, SNI names seen)."""
    cert, key = news_example_cert
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    names = []
    context.sni_callback = lambda _sock, name, _context: names.append(name)
    # The client trusts our test certificate instead of the public CAs.
    monkeypatch.setattr(
        "httpx._transports.default.create_ssl_context", lambda **_: ssl.create_default_context(cafile=cert)
    )
    fake_dns[0].update({"news.example": "127.0.0.1", "other.example": "127.0.0.1"})
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    with serve({"/echo": _echo}, tls=context) as base:
        yield int(base.rsplit(":", 1)[1]), names


def test_https_to_the_pinned_address_sends_sni_and_checks_the_certificate_name(tls_server, connections):
    port, names = tls_server
    sent = json.loads(fetch(f"https://news.example:{port}/echo").content)
    assert names == ["news.example"]
    assert sent["Host"] == f"news.example:{port}"
    assert connections == [("127.0.0.1", port)]


def test_https_certificate_for_another_name_is_refused(tls_server):
    port, _names = tls_server
    with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED|certificate"):
        fetch(f"https://other.example:{port}/echo")
