"""Replay every input the fuzzing harness has found to crash a parser; each must now read or refuse.

regressions/<target>/NNN.bin, where target is a wire format (rss, atom, newsml, nitf, newsml1, ninjs,
jsonfeed, apjson, iptc7901, anpa1312),
dates, wxr, partner or sanitiser. These run on both databases: they are few and fast.
"""

from pathlib import Path

import pytest

from copydesk.wire.formats import FORMATS

from . import outcomes

REGRESSIONS = Path(__file__).parent / "regressions"
CASES = sorted(REGRESSIONS.glob("*/*.bin"))


def replay(target: str, data: bytes):
    if target in FORMATS:
        return outcomes.read_delivery(target, data)
    if target == "dates":
        return outcomes.read_date(data.decode("utf-8"))
    if target == "wxr":
        return outcomes.read_export(data)
    if target == "partner":
        return outcomes.read_partner_page(data)
    if target == "sanitiser":
        return outcomes.sanitised(data.decode("utf-8", "replace"))
    raise AssertionError(f"no replay for {target}: name the folder after a fuzzed target")


def test_every_regression_folder_names_a_fuzzed_target():
    assert CASES, "the regression inputs are missing"
    assert {path.parent.name for path in CASES} <= {*FORMATS, "dates", "wxr", "partner", "sanitiser"}


@pytest.mark.parametrize("path", CASES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_input_that_once_crashed_is_now_read_or_refused(path):
    replay(path.parent.name, path.read_bytes())
