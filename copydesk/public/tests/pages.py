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


def seen(response):
    """What a reader receives (status, redirect, body), less the relative times each render writes.

    "5 minutes ago" is written for the moment of rendering and corrected by the browser; it is
    the one part of a page that legitimately differs between a cached copy and a fresh render.
    """
    body = RELATIVE_TIME.sub(r"\1\2", response.content.decode())
    return response.status_code, response.headers.get("Location"), body
