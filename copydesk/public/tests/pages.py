"""Read reader pages the way a reader (or a crawler) would: parsed HTML, nothing internal."""

import re

from bs4 import BeautifulSoup


def soup(response):
    assert response["Content-Type"].startswith("text/html")
    return BeautifulSoup(response.content, "html.parser")


def cards(page):
    """Return (article id, headline, excerpt) for every story card and rail item on a page."""
    found = []
    for node in page.select("[data-article-id]"):
        if node.name == "article" and "story" in node.get("class", []):
            continue  # the story being read, not a listing
        headline = node.select_one(".card__headline, .recent__headline")
        excerpt = node.select_one(".card__excerpt, .recent__excerpt")
        found.append(
            (
                int(node["data-article-id"]),
                headline.get_text(strip=True),
                excerpt.get_text(strip=True) if excerpt else "",
            )
        )
    return found


RELATIVE_TIME = re.compile(r"(<time [^>]*data-relative[^>]*>)[^<]*(</time>)")


# A feed with no items has no date of its own: Django's generators write the time of rendering.
EMPTY_FEED_DATE = re.compile(r"<(lastBuildDate|updated)>[^<]*</\1>")


def seen(response):
    """What a reader receives (status, redirect, body), less what each render writes for its moment.

    "5 minutes ago" is written for the moment of rendering and corrected by the browser, and an
    empty feed is dated when it is rendered: the only parts that legitimately differ between a
    cached copy and a fresh render.
    """
    body = RELATIVE_TIME.sub(r"\1\2", response.content.decode())
    if "<item>" not in body and "<entry>" not in body:
        body = EMPTY_FEED_DATE.sub("", body)
    return response.status_code, response.headers.get("Location"), body
