"""Controlled vocabularies: the IPTC schemes by their QCode alias, and concept URIs split into
scheme and code, so every format codes a subject the same way (medtop:20000065 in
http://cv.iptc.org/newscodes/mediatopic/)."""

from ..items import AUDIO, CONCEPT, GRAPHIC, PACKAGE, PICTURE, TEXT, VIDEO

# IPTC's nature of a news item (ninjs `type`, NewsML-G2 `itemClass` ninat:…) → Item.kind.
NINATURE = {
    "text": TEXT,
    "picture": PICTURE,
    "graphic": GRAPHIC,
    "video": VIDEO,
    "audio": AUDIO,
    "composite": PACKAGE,
    "event": CONCEPT,
    "planning": CONCEPT,
}
# Files a browser shows as they are; TIFF, RAW and PSD masters are for print and archives.
WEB_IMAGES = ("image/jpeg", "image/jpg", "image/png", "image/gif", "image/webp", "image/avif")

# The IPTC schemes agencies code with, by the alias NewsML-G2 QCodes use (medtop:20000065).
IPTC_SCHEMES = {
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "genre": "http://cv.iptc.org/newscodes/genre/",
    "cpnat": "http://cv.iptc.org/newscodes/cpnature/",
    "ninat": "http://cv.iptc.org/newscodes/ninature/",
    "sig": "http://cv.iptc.org/newscodes/signal/",
    "scene": "http://cv.iptc.org/newscodes/scene/",
    "iso3166-1a2": "http://cv.iptc.org/newscodes/iso3166-1a2/",
}
_ALIASES = {uri: alias for alias, uri in IPTC_SCHEMES.items()}


def scheme_and_code(uri: str) -> tuple[str, str]:
    """Split a concept URI into its scheme and code: an IPTC one's code is a QCode (medtop:20000065)."""
    cut = max(uri.rfind("/"), uri.rfind("#")) + 1
    if cut <= 0 or cut == len(uri):
        return "", uri
    scheme, code = uri[:cut], uri[cut:]
    alias = _ALIASES.get(scheme.replace("https://", "http://"))
    return (IPTC_SCHEMES[alias], f"{alias}:{code}") if alias else (scheme, code)


def qcode_scheme(qcode: str, catalog: dict[str, str] | None = None) -> tuple[str, str]:
    """Return (scheme URI, code) of a QCode, resolving its alias by `catalog` or the IPTC schemes."""
    alias, _, rest = qcode.partition(":")
    if not rest:
        return "", qcode
    scheme = (catalog or {}).get(alias) or IPTC_SCHEMES.get(alias) or alias
    return scheme, qcode
