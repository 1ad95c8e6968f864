"""Read reader pages the way a reader (or a crawler) would: parsed HTML, nothing internal."""

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
