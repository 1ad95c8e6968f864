"""Untrusted JSON: decoding that keeps one bad byte one item's problem, a depth limit, typed reads."""

import json
from typing import Any

from ..items import DeliveryError
from .base import BOMS, UNDECODABLE, ItemProblem, clean

_KINDS = {
    dict: "an object",
    list: "a list",
    bool: "true or false",
    str: "text",
    int: "a number",
    float: "a number",
}


def text_of(value: Any, field: str) -> str:
    """Return a JSON value as stripped text; a number is text too, an object or a list is refused."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ItemProblem(f"{field} should be text, not {_KINDS.get(type(value), type(value).__name__)}")


def list_of(value: Any, field: str) -> list:
    """Return a JSON list, or [] for nothing; a lone string would otherwise be read letter by letter."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ItemProblem(f"{field} should be a list, not {_KINDS.get(type(value), type(value).__name__)}")
    return value


# Real deliveries nest a dozen levels (item, associations, renditions); this leaves room to spare.
MAX_JSON_DEPTH = 64
TOO_DEEP = f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep, which no news delivery needs."


def load_json(data: bytes) -> Any:
    """Parse a JSON delivery; bytes that are not UTF-8 survive as lone surrogates, for `refuse_broken_text`.

    JSON must be UTF-8 (RFC 8259), so one stray Latin-1 byte in one story is that story's problem,
    not the whole delivery's: it is decoded with surrogateescape and the item holding it rejected.
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise DeliveryError(
                    f"The JSON starts with a {codec} byte-order mark but is not {codec}: {error}"
                ) from None
            break
    else:
        text = data.decode("utf-8", "surrogateescape")
    try:
        document = json.loads(text)
    except RecursionError:
        raise DeliveryError(TOO_DEEP) from None
    except ValueError as error:
        # A string still open at the end, or a value expected where the text ends: the end is missing.
        if isinstance(error, json.JSONDecodeError) and (
            error.msg.startswith("Unterminated string") or error.pos >= len(text.rstrip())
        ):
            raise DeliveryError(
                f"The JSON stops before it is complete; the delivery looks truncated ({error})."
            ) from None
        raise DeliveryError(f"This is not valid JSON: {error}.") from None
    if _depth(document) > MAX_JSON_DEPTH:
        raise DeliveryError(TOO_DEEP)
    return document


def _depth(value: Any) -> int:
    """Measure nesting without recursion, so the readers after this may recurse safely."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            stack.extend(
                (inner, depth + 1) for inner in (value.values() if isinstance(value, dict) else value)
            )
    return deepest


def refuse_broken_text(value: Any, path: str = "item") -> None:
    """Raise ItemProblem naming the first string that held bytes that are not UTF-8."""
    if isinstance(value, str):
        match = UNDECODABLE.search(value)
        if match:
            around = clean(value[max(match.start() - 30, 0) : match.end() + 30])
            raise ItemProblem(f"{path} holds bytes that are not valid UTF-8: '…{around}…'")
    elif isinstance(value, dict):
        for key, inner in value.items():
            refuse_broken_text(key, path)
            refuse_broken_text(inner, f"{path}.{clean(str(key))}" if path != "item" else clean(str(key)))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            refuse_broken_text(inner, f"{path}[{index}]")
