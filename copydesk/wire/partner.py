"""Read a story from a partner's web page: headline, byline, date, lead picture and body.

Partners that send no feed share links instead. trafilatura finds the article among the menus,
adverts and comments and reads the page's metadata (Open Graph, JSON-LD, <meta>); this module
turns its result into a `PartnerArticle` with plain paragraph HTML. Links and inline images are
left out on purpose: a partner's links point at its own site, and every picture we show must
come through the picture desk. The lead picture is kept as a URL for that desk to fetch.
The body is not sanitised here: like every stored HTML field, it goes through nh3 when written.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from urllib.parse import urljoin, urlsplit

import trafilatura

from .fetch import fetch

# Below this many characters of paragraph text, what trafilatura found is a menu, a cookie
# notice or an error page, not a story; its fallback extractors will return *something*.
MIN_ARTICLE_CHARS = 200

# htmldate's default keeps only the day; ask for the time and zone when the page gives them.
DATE_PARAMS = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True, "extensive_search": True}


@dataclass
class PartnerArticle:
    url: str
    headline: str
    byline: str = ""
    published: datetime | None = None  # aware; a page that gives only a day gets midnight UTC
    body_html: str = ""  # <p>, <h2>, <ul>/<li> and <blockquote> only, text escaped
    lead_image_url: str = ""  # absolute http(s) URL of the page's og:image, if any
    site_name: str = ""


def extract_partner_article(html: bytes | str, url: str) -> PartnerArticle:
    """Find the article on a partner's page and read it into a `PartnerArticle`."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the partner's copy
        include_tables=False,  # layout tables are common on older sites; their text still comes through as paragraphs
        include_images=False,
        include_links=False,
        date_extraction_params=DATE_PARAMS,
    )
    headline = ((document and document.title) or "").strip()
    body = document.body if document is not None else None
    if body is None or sum(len(_text(p)) for p in body.iter("p")) < MIN_ARTICLE_CHARS:
        raise ValueError(
            f"No article text found at {url}: the page looks like an index, an error page or a paywall. "
            "Check the link opens the story itself, or copy the text in by hand."
        )
    if not headline:
        # A story needs a headline to be saved at all; refusing here gives the editor the reason.
        raise ValueError(
            f"The page at {url} has no headline (no <title>, og:title or <h1>), so it cannot become a "
            "story. Copy the text in by hand and write the headline."
        )
    return PartnerArticle(
        url=url,
        headline=headline,
        byline=(document.author or "").replace("; ", ", "),
        published=_aware(document.date),
        body_html="\n".join(_blocks(body, headline)),
        lead_image_url=_absolute_http_url(document.image, url),
        site_name=document.sitename or document.hostname or "",
    )


def fetch_partner_article(url: str) -> PartnerArticle:
    """Fetch a partner's page safely and read the article on it."""
    fetched = fetch(url)
    return extract_partner_article(fetched.content, fetched.url)


def _blocks(element, headline: str):
    """Yield simple HTML blocks for trafilatura's XML body (p, head, list, quote, ...)."""
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        text = _text(child)
        if tag == "div":
            yield from _blocks(child, headline)
        elif not text or tag in ("graphic", "lb"):
            continue
        elif tag == "head":
            if text.casefold() != headline.casefold():  # the headline is a field, not body text
                yield f"<h2>{escape(text)}</h2>"
        elif tag == "list":
            items = [_text(item) for item in child.iter("item")]
            yield "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items if item) + "</ul>"
        elif tag == "quote":
            yield f"<blockquote><p>{escape(text)}</p></blockquote>"
        else:  # p, and anything else (code, table) flattened to a paragraph of its text
            yield f"<p>{escape(text)}</p>"


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _aware(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _absolute_http_url(value: str | None, base: str) -> str:
    if not value:
        return ""
    absolute = urljoin(base, value.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else ""
