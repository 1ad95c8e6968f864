"""What reader pages send besides their HTML: a strict Content-Security-Policy, and no cookies."""

import json

import pytest
from django.urls import reverse

from copydesk.conftest import make_article, make_author, make_section

from .pages import soup

pytestmark = pytest.mark.django_db

# The reader site's whole policy: scripts, styles and images from the site itself, nothing inline.
READER_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}


def policy(response):
    """Return the Content-Security-Policy header as {directive: [sources]}."""
    directives = [d.split() for d in response["Content-Security-Policy"].split(";") if d.strip()]
    return {name: sources for name, *sources in directives}


@pytest.fixture
def reader_pages():
    section = make_section("Harbour", slug="harbour")
    author = make_author("Maya Okafor", slug="maya-okafor")
    story = make_article(section=section, authors=[author], tags=["ferries"], image=True)
    return {
        "home": "/",
        "section": section.get_absolute_url(),
        "article": story.get_absolute_url(),
        "author": author.get_absolute_url(),
        "tag": reverse("public:tag", args=["ferries"]),
        "404": "/no-such-section/",
    }


@pytest.mark.parametrize("name", ["home", "article"])
def test_reader_pages_send_the_strict_policy_without_a_nonce(client, reader_pages, name):
    response = client.get(reader_pages[name])

    assert response.status_code == 200
    assert policy(response) == READER_POLICY
    assert "'unsafe-inline'" not in policy(response)["script-src"]
    assert "nonce-" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("name", ["home", "section", "article", "author", "tag"])
def test_reader_pages_carry_no_inline_script_or_style(client, reader_pages, name):
    page = soup(client.get(reader_pages[name]))

    inline = [s for s in page.find_all("script") if not s.get("src")]
    # JSON-LD is data: browsers never run it, so script-src does not apply. Anything else inline is code.
    assert [str(s)[:80] for s in inline if s.get("type") != "application/ld+json"] == []
    assert inline and all(isinstance(json.loads(s.string), dict) for s in inline)
    handlers = [f"<{t.name} {a}>" for t in page.find_all(True) for a in t.attrs if a.lower().startswith("on")]
    assert handlers == []
    # style-src 'self' would block these too.
    assert page.find_all("style") == [] and page.find_all(style=True) == []


@pytest.mark.parametrize("name", ["home", "section", "article", "author", "tag", "404"])
def test_reader_pages_set_no_cookies(client, reader_pages, name):
    response = client.get(reader_pages[name])

    assert response.status_code == (404 if name == "404" else 200)
    assert "Set-Cookie" not in str(response.serialize_headers(), "latin-1")
    assert dict(response.cookies) == {}
    assert policy(response) == READER_POLICY


def test_only_the_admin_allows_inline_script_and_style(client):
    admin = policy(client.get(reverse("wagtailadmin_login")))

    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["style-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["img-src"] == ["'self'", "data:", "blob:"]
    assert {k: v for k, v in admin.items() if k not in {"script-src", "style-src", "img-src"}} == {
        k: v for k, v in READER_POLICY.items() if k not in {"script-src", "style-src", "img-src"}
    }


def test_server_error_page_links_its_stylesheet_instead_of_inlining_it(rf):
    from copydesk.public.errors import server_error

    page = soup(server_error(rf.get("/")))

    assert page.find_all("style") == [] and page.find_all(style=True) == []
    assert [link["href"] for link in page.find_all("link", rel="stylesheet")] == ["/static/public/error.css"]
