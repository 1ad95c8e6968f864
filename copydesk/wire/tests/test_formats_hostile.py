"""Hostile XML is refused by every XML format before anything is expanded or fetched."""

from pathlib import Path

import pytest

from copydesk.wire.formats import FORMATS
from copydesk.wire.items import DeliveryError

FIXTURES = Path(__file__).parent / "fixtures"
ATTACKS = {
    "billion_laughs.xml": "XML entity declarations are refused",
    "external_entity.xml": "XML entity declarations are refused",
    "remote_dtd.xml": "XML that names an external DTD is refused",
}


@pytest.mark.parametrize("fmt", ["rss", "atom", "newsml"])
@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_hostile_xml_is_refused_whole_and_reads_no_file(fmt, attack):
    path = FIXTURES / fmt / attack
    if not path.exists():
        pytest.fail(f"fixture missing: {path}")
    with pytest.raises(DeliveryError, match=ATTACKS[attack]) as refused:
        FORMATS[fmt]().parse(path.read_bytes())
    assert "root:" not in str(refused.value)
