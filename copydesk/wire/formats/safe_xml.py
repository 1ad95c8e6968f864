"""Untrusted XML: a hardened lxml parser that refuses DTDs and entities, and HTML out of XHTML or NITF."""

import html
from copy import deepcopy

from lxml import etree

from ..items import DeliveryError

ENTITIES_REFUSED = (
    "XML entity declarations are refused: wire XML never needs them, and they are how "
    "billion-laughs and external-entity (XXE) attacks work. Ask the agency to send plain XML."
)
DTD_REFUSED = (
    "XML that names an external DTD is refused: reading it would mean fetching a file the "
    "agency chose. Ask the agency to send the XML without a DOCTYPE."
)
_ENTITY_MARKS = tuple("<!ENTITY".encode(codec) for codec in ("ascii", "utf-16-le", "utf-16-be"))


# Also given to lxml's iterparse by readers that stream large files (copydesk/wordpress/wxr.py).
PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_pis": True,
    "remove_comments": True,
}


def xml_parser() -> etree.XMLParser:
    # A new parser per document: lxml parsers keep state and are not to be shared across threads.
    return etree.XMLParser(**PARSER_OPTIONS)


def parse_xml(data: bytes, *, dtd_named: bool = False) -> etree._Element:
    """Parse untrusted XML and return its root; refuse DTDs and entities, and say where XML breaks.

    With `dtd_named`, a DOCTYPE that only names an external DTD is let through (NITF and NewsML 1
    files carry one by habit); the DTD is still never read, and any declaration is still refused.
    """
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as error:
        # libxml2 stops a billion-laughs document itself; name the real problem, not its symptom.
        if any(mark in data for mark in _ENTITY_MARKS):
            raise DeliveryError(ENTITIES_REFUSED) from None
        raise DeliveryError(_describe_xml_error(error, data)) from None
    refuse_doctype(root.getroottree().docinfo, dtd_named=dtd_named)
    return root


def refuse_doctype(docinfo, *, dtd_named: bool = False) -> None:
    """Raise DeliveryError if the DOCTYPE declares entities or elements, or (unless `dtd_named`) names an external DTD."""
    dtd = docinfo.internalDTD
    if dtd is not None and (any(True for _ in dtd.iterentities()) or any(True for _ in dtd.iterelements())):
        raise DeliveryError(ENTITIES_REFUSED)
    if (docinfo.system_url or docinfo.public_id) and not dtd_named:
        raise DeliveryError(DTD_REFUSED)


def _describe_xml_error(error: etree.XMLSyntaxError, data: bytes) -> str:
    line, column = error.position
    lines = data.rstrip().split(b"\n")
    message = (error.msg or str(error)).split(", line ")[0]
    at_end = line >= len(lines) and column >= len(lines[-1])
    if "encoding" in message or "UTF-8" in message:
        return (
            f"The XML holds bytes that are not valid in its declared encoding (line {line}, column "
            f"{column}): {message}. Ask the agency to fix the encoding; a broken XML document cannot be "
            f"split into items safely, so none of it was read."
        )
    if error.code == 77 or at_end:  # 77: XML_ERR_TAG_NOT_FINISHED, "Premature end of data"
        return f"The XML stops before it is complete (line {line}); the delivery looks truncated: {message}."
    return f"This is not well-formed XML (line {line}, column {column}): {message}."


def localname(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def without_namespaces(element: etree._Element) -> etree._Element:
    """Return a copy of `element` whose element names have no namespace (attributes keep theirs)."""
    copy = deepcopy(element)
    for node in copy.iter():
        if isinstance(node.tag, str):
            node.tag = etree.QName(node).localname
    etree.cleanup_namespaces(copy)
    return copy


def inner_html(element: etree._Element) -> str:
    """Serialise an element's content as HTML: nested markup and tails kept, namespaces dropped."""
    copy = deepcopy(element)  # renaming tags must not change the caller's tree
    for node in copy.iter():
        if not isinstance(node.tag, str):
            continue
        node.tag = etree.QName(node).localname
        for name in [name for name in node.attrib if name.startswith("{")]:
            node.attrib[etree.QName(name).localname] = node.attrib.pop(name)
    etree.cleanup_namespaces(copy)
    parts = [html.escape(copy.text or "", quote=False)]
    parts += [etree.tostring(child, method="html", encoding="unicode", with_tail=True) for child in copy]
    return "".join(parts).strip()
