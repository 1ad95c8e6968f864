"""bench/ingest.py, run on a few items in the test database, so the benchmark cannot rot."""

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
SCRIPT = Path(__file__).resolve().parents[3] / "bench" / "ingest.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_ingest", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ingest_benchmark_stores_publishes_and_finds_its_planted_rewrites():
    bench = load_bench()
    result = bench.measure_here(50, 5, 20, prefill_to=(10, 120))

    held, published = result["hold"], result["publish"]
    assert held["stored"] == 50 and published["stored"] == 5
    assert held["wire_before"] == 10 and result["hold_large"]["wire_before"] == 120
    assert result["hold_large"]["stored"] == 50 and result["hold_large"]["false_clusters"] == 0
    assert held["sign_per_s"] > 0 and dict(result["phases"])["insert band keys"] > 0
    assert (
        held["per_s"] > 0 and held["parse_per_s"] > 0 and held["first_per_s"] > 0 and held["last_per_s"] > 0
    )
    assert held["rewrites"] >= 1 and held["found"] == held["rewrites_over_threshold"]
    assert held["false_clusters"] == 0
    assert published["stories"] == 5 - published["found"] - published["found_under_threshold"]
    assert published["stories_per_s"] > 0
    row = bench.table([("smoke", {"engines": {"sqlite": result}})]).splitlines()[-1]
    assert row.startswith("| smoke | sqlite | 50 |")
    scale, verdicts = bench.scale_table([("smoke", {"engines": {"sqlite": result}})])
    assert scale.splitlines()[-1].startswith("| smoke | sqlite | 50 | 120 |") and "x slower" in scale
    assert verdicts[0].startswith("- *smoke* on sqlite:")


def test_generated_rewrites_look_like_rewrites_and_other_stories_do_not():
    from copydesk.wire import dedupe

    bench = load_bench()
    stories = bench.stories(7, 200)
    texts = [bench.matching_text(s) for s in stories]
    rewrites = [
        (bench.matching_text(s), bench.matching_text(s["original"])) for s in stories if s.get("rewrite_of")
    ]
    assert 6 <= len(rewrites) <= 30  # about 8%
    over = sum(dedupe.text_similarity(a, b) >= dedupe.duplicate_threshold() for a, b in rewrites)
    assert over >= len(rewrites) * 0.7
    unrelated = [dedupe.text_similarity(texts[i], texts[i + 1]) for i in range(0, 120, 2)]
    assert sorted(unrelated)[len(unrelated) // 2] < 0.06
