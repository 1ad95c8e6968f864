"""Text every database can store: what an agency sends is cleaned before it is written anywhere."""

import codecs
import dataclasses
import re

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]  # fmt: skip  (UTF-32's little-endian mark begins with UTF-16's: it is tried first)


_SURROGATE = re.compile("[\ud800-\udfff]")  # a lone half of a UTF-16 pair: no UTF-8 for it


def storable(value):
    """Return the value without NUL characters (PostgreSQL refuses them) and lone surrogates (no UTF-8 for them).

    Strings inside lists, sets, dicts and dataclasses are cleaned too; everything else is returned as is.
    """
    if isinstance(value, str):
        value = value.replace("\x00", "")
        if _SURROGATE.search(value):
            # A pair written as two code points becomes its character; a lone one becomes U+FFFD.
            value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return value
    if isinstance(value, list | tuple | set):
        return type(value)(storable(v) for v in value)
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value, **{f.name: storable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        )
    return value


def excerpt(data: bytes, size: int = 400) -> str:
    """The start of a raw delivery as text an editor can read, in its own encoding when it says which."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return storable(data[: size * 4].decode(codec, "replace"))[:size]
    return storable(data[:size].decode("utf-8", "replace"))
