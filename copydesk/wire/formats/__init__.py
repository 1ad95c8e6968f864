"""One module per delivery format; `FORMATS` maps each format's name to its class."""

from .base import Format
from .jsonfeed import JSONFeedFormat
from .newsml1 import NewsML1Format
from .newsml_g2 import NewsMLFormat
from .ninjs import NinjsFormat
from .nitf import NITFFormat
from .rss_atom import AtomFormat, RSSFormat

# Sniffing goes in this order: JSON Feed before ninjs, since both are JSON objects.
FORMATS: dict[str, type[Format]] = {
    cls.name: cls
    for cls in (RSSFormat, AtomFormat, JSONFeedFormat, NinjsFormat, NewsMLFormat, NITFFormat, NewsML1Format)
}


def sniff(data: bytes) -> str | None:
    """Guess the name of a delivery's format from its first bytes, or None."""
    return next((name for name, cls in FORMATS.items() if cls().sniff(data)), None)
