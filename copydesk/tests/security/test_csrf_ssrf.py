"""CSRF on every URL, and SSRF address forms and redirects, from outside (issue 11, point 9)."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from .listeners import Listener, Redirector
from .stack import csrf_token


def test_every_url_refuses_a_post_without_a_csrf_token(stack):
    paths = stack.seeded["routes"]  # every routed URL, listed by the site itself (seed.py)
    admin = stack.signed_in("administrator")  # its own: the walk changes its headers
    # Without Origin and with our own Referer, only the missing token can stop the request.
    del admin.headers["Origin"]

    def forged(path):
        return path, admin.post(path, data={"title": "forged", "q": "x"}).status_code

    # Eight at a time: gunicorn's two workers of four threads, one shared connection pool.
    with ThreadPoolExecutor(8) as pool:
        answered = {path: status for path, status in pool.map(forged, paths) if status not in (403, 404, 405)}
    assert len(paths) > 100
    assert answered == {}, "these acted on a forged cross-site POST"


# 30 ways of writing a loopback address.
def address_forms(port):
    hosts = [
        "127.0.0.1", "127.1", "127.0.1", "2130706433", "0x7f000001", "0x7f.0x0.0x0.0x1", "0177.0.0.1",
        "017700000001", "0177.1", "127.000.000.001", "0x7f.1", "127.0.0.2", "0.0.0.0", "0",  # noqa: S104  (a target, not a bind)
        "[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:127.0.0.1]",
        "[::]", "[::127.0.0.1]", "localhost", "LOCALHOST", "localhost.", "ip6-localhost", "ip6-loopback",
        "localhost.localdomain", "%31%32%37.0.0.1", "127.0.0.1%2f", "0x7F.0.0.1",
    ]  # fmt: skip
    return [f"http://{host}:{port}/feed" for host in hosts]


@pytest.fixture
def listener():
    running = Listener()
    yield running
    running.close()


def add_sources(stack, site, urls, prefix):
    admin = stack.session("administrator")
    token = csrf_token(admin.get("/admin/source/new/").text)
    saved = 0
    for n, url in enumerate(urls):
        answer = admin.post("/admin/source/new/", data={
            "csrfmiddlewaretoken": token, "name": f"{prefix} {n}", "agency": site["agency"],
            "transport": "http", "url": url, "format": "ninjs", "poll_interval": "300",
            "section": site["section"], "rule": "hold", "active": "on", "show_usage_terms": "required",
        })  # fmt: skip
        saved += answer.status_code == 302  # a form the URL field refuses reaches nothing either
    return saved


def test_no_loopback_address_form_or_redirect_reaches_a_listener(stack, site, listener):
    forms = address_forms(listener.port)
    assert len(forms) == 30
    redirector = Redirector()
    try:
        add_sources(stack, site, forms, "Loopback form")
        redirects = add_sources(stack, site, [redirector.to(url) for url in forms], "Redirect")
        # The redirecting host is allowed, as an agency on the newsroom's own network would be.
        stack.worker_round(WIRE_FETCH_ALLOW_HOSTS="127.0.0.3")
        redirected = len(redirector.received)
    finally:
        redirector.close()
    assert listener.received == []
    assert redirects >= 25 and redirected == redirects, "each redirect was followed to the loopback refusal"


def test_republishing_a_loopback_address_reaches_nothing(stack, site, listener):
    editor = stack.session("editor")
    page = editor.get("/admin/wire/republish/")
    token = csrf_token(page.text) if page.status_code == 200 else ""
    for url in address_forms(listener.port)[:10]:
        editor.post("/admin/wire/republish/", data={"csrfmiddlewaretoken": token, "url": url,
                                                    "section": site["section"]})  # fmt: skip
    assert listener.received == []
