"""One module per delivery format; `FORMATS` maps each format's name to its class."""

from .anpa1312 import ANPA1312Format
from .apjson import APJSONFormat
from .base import Format
from .iptc7901 import IPTC7901Format
from .jsonfeed import JSONFeedFormat
from .newsml1 import NewsML1Format
from .newsml_g2 import NewsMLFormat
from .ninjs import NinjsFormat
from .nitf import NITFFormat
from .rss_atom import AtomFormat, RSSFormat

# Sniffing goes in this order: JSON Feed and AP JSON before ninjs, since all are JSON objects and
# ninjs knows only a few of its keys. The text formats start with control characters, so no
# other format claims them: ANPA-1312 (SYN SYN SOH) before IPTC 7901 (SOH).
FORMATS: dict[str, type[Format]] = {
    cls.name: cls
    for cls in (
        RSSFormat, AtomFormat, JSONFeedFormat, APJSONFormat, NinjsFormat, NewsMLFormat, NITFFormat,
        NewsML1Format, ANPA1312Format, IPTC7901Format,
    )
}  # fmt: skip


def sniff(data: bytes) -> str | None:
    """Guess the name of a delivery's format from its first bytes, or None."""
    return next((name for name, cls in FORMATS.items() if cls().sniff(data)), None)
