"""Reading a partner's article page; the Valley Gazette and Eastbrook are invented."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from bs4 import BeautifulSoup

from copydesk.wire.fetch import FetchError
from copydesk.wire.partner import extract_partner_article, fetch_partner_article

from .localserver import send as _send
from .localserver import serve

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Eastbrook opens its rebuilt footbridge after two winters | Valley Gazette</title>
<meta property="og:site_name" content="Valley Gazette">
<meta property="og:title" content="Eastbrook opens its rebuilt footbridge after two winters">
<meta property="og:image" content="/photos/eastbrook-footbridge.jpg">
<meta property="article:published_time" content="2025-03-14T09:30:00+01:00">
<meta name="author" content="Marta Lindqvist">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Eastbrook opens its rebuilt footbridge after two winters</h1>
<p class="byline">By Marta Lindqvist</p>
<p>The timber footbridge over the Eastbrook mill race reopened on Friday morning, two winters
after floodwater carried away its central span.</p>
<p>About two hundred residents crossed in the first hour, many of them pupils from the primary
school on Weir Lane, who had been walking a forty-minute detour to reach the town centre.</p>
<p>The town council said the new span sits a metre higher than the old one and rests on steel
piles, so that it can ride out a flood the size of the one two years ago.</p>
<p>"People told us the old deck was slippery and too narrow for prams," said the council's head
of works, Idris Bannerman. "The new one is wider and has a ribbed surface."</p>
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Eastbrook bakery wins county prize</a></li></ul></aside>
<footer><p>&copy; Valley Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""

NOT_AN_ARTICLE = """<!DOCTYPE html>
<html><head><title>Page not found | Valley Gazette</title></head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<main><h1>Page not found</h1></main><footer>Valley Gazette</footer></body></html>
"""


def _page(html):
    return lambda h: _send(h, 200, html.encode(), Content_Type="text/html; charset=utf-8")


@pytest.fixture(scope="module")
def gazette():
    routes = {
        "/local/eastbrook-footbridge": _page(ARTICLE_PAGE),
        "/local/old-link": lambda h: _send(h, 301, Location="/local/eastbrook-footbridge"),
        "/missing": _page(NOT_AN_ARTICLE),
    }
    with serve(routes) as base:
        yield base


@pytest.fixture(autouse=True)
def local(settings):
    settings.WIRE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]


def test_partner_article_is_read_from_the_page(gazette):
    article = fetch_partner_article(f"{gazette}/local/eastbrook-footbridge")
    assert article.url == f"{gazette}/local/eastbrook-footbridge"
    assert article.headline == "Eastbrook opens its rebuilt footbridge after two winters"
    assert article.byline == "Marta Lindqvist"
    assert article.published == datetime(2025, 3, 14, 8, 30, tzinfo=UTC)
    assert article.published.utcoffset() == timedelta(hours=1)
    assert article.lead_image_url == f"{gazette}/photos/eastbrook-footbridge.jpg"
    assert article.site_name == "Valley Gazette"


def test_partner_body_is_plain_paragraphs_without_page_furniture(gazette):
    body = fetch_partner_article(f"{gazette}/local/eastbrook-footbridge").body_html
    paragraphs = [p.get_text() for p in BeautifulSoup(body, "html.parser").find_all("p")]
    assert paragraphs[0].startswith("The timber footbridge over the Eastbrook mill race reopened on Friday")
    assert paragraphs[-1].endswith('"The new one is wider and has a ribbed surface."')
    assert "two winters after floodwater" in paragraphs[0]  # line breaks in the source are joined
    for furniture in ("Most read", "bakery", "All rights reserved", "Privacy", "Eastbrook opens its rebuilt"):
        assert furniture not in body
    assert {tag.name for tag in BeautifulSoup(body, "html.parser").find_all()} <= {
        "p",
        "h2",
        "ul",
        "li",
        "blockquote",
    }


def test_partner_link_is_followed_through_a_redirect(gazette):
    article = fetch_partner_article(f"{gazette}/local/old-link")
    assert article.url == f"{gazette}/local/eastbrook-footbridge"
    assert article.lead_image_url == f"{gazette}/photos/eastbrook-footbridge.jpg"


def test_page_without_an_article_is_refused_with_a_reason(gazette):
    with pytest.raises(ValueError, match="No article text found at .*/missing"):
        fetch_partner_article(f"{gazette}/missing")


def test_partner_fetch_is_as_safe_as_any_fetch(settings):
    settings.WIRE_FETCH_ALLOW_HOSTS = []
    with pytest.raises(FetchError, match="link-local"):
        fetch_partner_article("http://169.254.169.254/latest/meta-data/")


def test_page_giving_only_a_day_is_read_as_midnight_utc():
    page = ARTICLE_PAGE.replace("2025-03-14T09:30:00+01:00", "2025-03-14")
    article = extract_partner_article(page.encode(), "https://www.valleygazette.example/local/footbridge")
    assert article.published == datetime(2025, 3, 14, tzinfo=UTC)


def test_page_without_a_date_or_picture_leaves_them_empty():
    page = ARTICLE_PAGE.replace(
        '<meta property="article:published_time" content="2025-03-14T09:30:00+01:00">', ""
    )
    page = page.replace('<meta property="og:image" content="/photos/eastbrook-footbridge.jpg">', "")
    article = extract_partner_article(page, "https://www.valleygazette.example/local/footbridge")
    assert (article.published, article.lead_image_url) == (None, "")
    assert article.headline == "Eastbrook opens its rebuilt footbridge after two winters"


def test_published_keeps_the_partners_offset():
    page = ARTICLE_PAGE.replace("+01:00", "-05:00")
    article = extract_partner_article(page, "https://www.valleygazette.example/local/footbridge")
    assert article.published.tzinfo == timezone(timedelta(hours=-5))
