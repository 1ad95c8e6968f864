"""ninjs items checked against the IPTC JSON schemas (1.8, 2.4 and 3.3, in formats/schemas/).

Which schema: the version the item declares (`standard` or 1.x's `$standard`, by version or schema
URI, or a `$schema` URI), else its shape: a 3.x-only camelCase property (`versionCreated`,
`pubStatus`, `embargoedUntil` ...) means 3.x, `headlines`/`bodies`/`renditions` as lists mean 2.x,
anything else is 1.x. Each minor version adds properties to the one before, so the newest schema of
a major version reads all of it.

What the schemas refuse becomes the reason an editor sees ("'pubstatus' must be one of usable,
withheld, canceled (found 'archived')"). Some refusals are harmless and let through, since the
story reads the same either way and rejecting it would only hold real copy back:

- properties the schema does not name (`guid`, `signals`, `evolvedfrom`, `creditline`, extensions):
  the schemas close every object, agencies add to them all the same;
- a number where text is wanted (`"version": 2`) and digits where a number is wanted (`"urgency": "3"`);
- a pubstatus spelt another way that Copydesk reads all the same (`cancelled`, `stat:withheld`);
- no `uri` at the top, which `read_item` reports itself (Superdesk sends `guid` instead).

`date-time` is checked for an ISO 8601 date and time (seconds and zone optional, a missing zone
read as UTC), not strictly RFC 3339; whether the date exists is `parse_when`'s to say. `uri`
formats are not checked (agencies use URNs and tag: URIs, and so does the standard's own
examples). GeoJSON in places (2.x, 3.x) is not checked: its schema lives on the web, and nothing
here fetches at run time.
"""

import functools
import json
import re
from pathlib import Path
from typing import Any

from jsonschema import FormatChecker, ValidationError, validators
from jsonschema.exceptions import best_match
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .base import ItemProblem, read_pubstatus

SCHEMAS = Path(__file__).parent / "schemas"
GEOJSON = "https://geojson.org/schema/GeoJSON.json"
# Properties only ninjs 3.x spells this way; 1.x and 2.x spell them all in lower case.
CAMEL_CASE_3X = {
    "versionCreated",
    "firstCreated",
    "contentCreated",
    "contentDigitised",
    "pubStatus",
    "embargoedUntil",
    "edNote",
    "copyrightHolder",
    "copyrightNotice",
    "usageTerms",
    "altIds",
    "infoSources",
    "trustIndicators",
    "rightsInfo",
    "representationType",
    "digitalSourceType",
    "eventDetails",
    "plannedCoverage",
}
LISTS_2X = ("headlines", "bodies", "descriptions", "renditions", "associations", "subjects", "places")
_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(:\d\d(\.\d+)?)?([Zz]|[+-]\d\d(:?\d\d)?)?")
_KINDS = {
    "object": "an object",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}
HARMLESS = {"additionalProperties", "unevaluatedProperties"}


def major(raw: dict) -> int:
    """Return 1, 2 or 3: the major ninjs version an item declares, else the one its shape shows."""
    for holder in (raw.get("standard"), raw.get("$standard")):
        if isinstance(holder, dict):
            declared = _major_of(holder.get("version"), r"^\s*v?([123])(?:\.|\s*$)") or _major_of(
                holder.get("schema"), r"ninjs-schema_v?([123])"
            )
            if declared:
                return declared
    declared = _major_of(raw.get("$schema"), r"ninjs-schema_v?([123])")
    if declared:
        return declared
    if CAMEL_CASE_3X & {str(key) for key in raw}:
        return 3
    return 2 if any(isinstance(raw.get(key), list) for key in LISTS_2X) else 1


def _major_of(value: Any, pattern: str) -> int | None:
    match = re.search(pattern, value) if isinstance(value, str) else None
    return int(match[1]) if match else None


def check(raw: dict, version: int) -> None:
    """Raise ItemProblem naming the first property the item's schema refuses, harmless ones aside."""
    errors = [error for error in validator(version).iter_errors(raw) if not harmless(error)]
    if errors:
        raise ItemProblem(reason(best_match(errors), version))


@functools.cache
def validator(version: int):
    """Compile each schema once: a delivery of hundreds of items must not compile it per item."""
    schema = open_to_extras(json.loads((SCHEMAS / f"ninjs-{version}.x.json").read_text(encoding="utf-8")))
    registry = Registry().with_resource(GEOJSON, DRAFT202012.create_resource({}))
    cls = validators.validator_for(schema)
    return cls(schema, registry=registry, format_checker=FORMAT_CHECKER)


def open_to_extras(schema: Any) -> Any:
    """Drop every `additionalProperties: false` and `unevaluatedProperties: false` from the schema.

    Their refusals are all harmless (see above), and `unevaluatedProperties` makes jsonschema
    validate each association again to learn what was evaluated: a 3.x story with pictures took
    three times as long. Every other refusal is the same with or without them.
    """
    if isinstance(schema, dict):
        return {
            key: open_to_extras(value)
            for key, value in schema.items()
            if not (key in HARMLESS and value is False)
        }
    if isinstance(schema, list):
        return [open_to_extras(value) for value in schema]
    return schema


FORMAT_CHECKER = FormatChecker(formats=())


@FORMAT_CHECKER.checks("date-time")
def is_date_time(value: Any) -> bool:
    return not isinstance(value, str) or bool(_DATE_TIME.fullmatch(value.strip()))


def harmless(error: ValidationError) -> bool:
    if error.validator in HARMLESS:
        return True
    path = list(error.absolute_path)
    if error.validator == "required" and not path and "'uri'" in error.message:
        return True
    if error.validator == "type":
        wanted = error.validator_value
        value = error.instance
        if wanted == "string" and isinstance(value, int | float) and not isinstance(value, bool):
            return True
        if wanted in ("integer", "number") and isinstance(value, str) and value.strip().isdigit():
            return True
    if error.validator == "enum" and path in (["pubstatus"], ["pubStatus"]):
        try:
            read_pubstatus(error.instance)
        except ItemProblem:
            return False
        return True
    return False


def reason(error: ValidationError, version: int) -> str:
    """Say what is wrong in an editor's words, naming the property as the document spells it."""
    where = f"'{dotted(error.absolute_path)}'" if error.absolute_path else "the item"
    value, wanted = error.instance, error.validator_value
    if error.validator == "format":
        return f"{where} is not a date-time: {shown(value)}"
    if error.validator == "enum":
        return f"{where} must be one of {', '.join(map(str, wanted))} (found {shown(value)})"
    if error.validator == "type":
        wanted = wanted if isinstance(wanted, str) else wanted[0]
        if wanted == "integer" and isinstance(value, float):
            return f"{where} should be a whole number (found {shown(value)})"
        return f"{where} should be {_KINDS.get(wanted, wanted)}, not {kind(value)}"
    if error.validator == "required":
        missing = next((name for name in wanted if name not in value), wanted[0])
        return f"{where} has no '{missing}', which ninjs {version}.x requires"
    if error.validator == "minimum":
        return f"{where} must be at least {wanted} (found {shown(value)})"
    if error.validator == "maximum":
        return f"{where} must be at most {wanted} (found {shown(value)})"
    return f"{where} does not follow ninjs {version}.x: {error.message}"


def dotted(path) -> str:
    """['associations', 0, 'renditions'] → associations[0].renditions"""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def shown(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return repr(text[:80] + "…" if len(text) > 80 else text) if isinstance(value, str) else text[:80]


def kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    return {dict: "an object", list: "a list", str: "text"}.get(type(value), "null")
