"""The allow-list that every piece of article HTML passes through."""

import nh3

TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "cite",
    "q",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "figure",
    "figcaption",
    "img",
    "code",
    "span",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "class", "loading"},
    "blockquote": {"cite"},
    "figure": {"class"},
    "span": {"class"},
}


def sanitise_html(html: str) -> str:
    """Return html reduced to the tags and attributes a story body may use."""
    return nh3.clean(
        html or "",
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
