"""CSRF on every URL, and SSRF address forms and redirects, from outside (issue 11, point 9)."""

import json

import pytest
from bs4 import BeautifulSoup

from .listeners import Listener, Redirector
from .stack import csrf_token

# Every routed URL of the site, its parameters filled with 1 or "x": printed by the site itself.
ROUTES = r"""
import json, re
from django.urls import URLPattern, URLResolver, get_resolver
FILL = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000001"}
def walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        pattern = str(entry.pattern).lstrip("^").rstrip("$").replace("\\Z", "")
        if isinstance(entry, URLResolver):
            yield from walk(entry, prefix + pattern)
        else:
            yield prefix + pattern
paths = set()
for route in walk(get_resolver()):
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: FILL.get(m[1] or "str", "x"), route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "x", route)
    if not re.search(r"[()\[\]*+?\\]", route):
        paths.add("/" + route)
print(json.dumps(sorted(paths)))
"""


def test_every_url_refuses_a_post_without_a_csrf_token(stack):
    paths = json.loads(stack.shell(ROUTES).strip().splitlines()[-1])
    admin = stack.signed_in("administrator")
    # Without Origin and with our own Referer, only the missing token can stop the request.
    del admin.headers["Origin"]
    answered = {}
    for path in paths:
        status = admin.post(path, data={"title": "forged", "q": "x"}).status_code
        if status not in (403, 404, 405):
            answered[path] = status
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


def add_sources(stack, urls, prefix):
    admin = stack.signed_in("administrator")
    page = admin.get("/admin/source/new/")
    soup = BeautifulSoup(page.text, "html.parser")

    def first(name):
        return next(o["value"] for o in soup.select(f"select[name={name}] option") if o.get("value"))

    for n, url in enumerate(urls):
        admin.post("/admin/source/new/", data={
            "csrfmiddlewaretoken": csrf_token(page.text), "name": f"{prefix} {n}", "agency": first("agency"),
            "transport": "http", "url": url, "format": "ninjs", "poll_interval": "300",
            "section": first("section"), "rule": "hold", "active": "on",
        })  # fmt: skip


def test_no_loopback_address_form_reaches_a_listener(stack, listener):
    forms = address_forms(listener.port)
    assert len(forms) == 30
    add_sources(stack, forms, "Loopback form")
    stack.worker_round()
    assert listener.received == []


def test_no_redirect_leads_the_fetcher_to_loopback(stack, listener):
    redirector = Redirector()
    try:
        add_sources(stack, [redirector.to(url) for url in address_forms(listener.port)], "Redirect")
        # The redirecting host is allowed, as an agency on the newsroom's own network would be.
        stack.worker_round(WIRE_FETCH_ALLOW_HOSTS="127.0.0.3")
    finally:
        redirector.close()
    assert listener.received == []


def test_republishing_a_loopback_address_reaches_nothing(stack, listener):
    editor = stack.signed_in("editor")
    page = editor.get("/admin/wire/republish/")
    token = csrf_token(page.text) if page.status_code == 200 else ""
    for url in address_forms(listener.port)[:10]:
        editor.post("/admin/wire/republish/", data={"csrfmiddlewaretoken": token, "url": url, "section": "1"})
    assert listener.received == []
