"""Measure near-duplicate detection on the labelled pairs, and the cost of rebuilding the index.

Run from the project root: .venv/bin/python bench/dedupe_quality.py
Writes what it prints to bench/results/dedupe_quality.txt as well.
"""

import json
import random
import statistics
import string
import sys
import time
from collections import Counter
from pathlib import Path

from datasketch import MinHash

from copydesk.wire import dedupe

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "copydesk" / "wire" / "tests" / "fixtures" / "dedupe" / "pairs.json"
RESULTS = ROOT / "bench" / "results" / "dedupe_quality.txt"
KINDS = ("rewrite", "update", "redelivery")
TABLE = [round(0.10 + 0.05 * i, 2) for i in range(15)]  # 0.10 .. 0.80
FINE = [round(0.05 + 0.01 * i, 2) for i in range(76)]  # 0.05 .. 0.80, to choose the threshold
INDEX_SIZE = 5000
out: list[str] = []


def say(line: str = "") -> None:
    print(line)
    out.append(line)


def word3_signature(text: str, num_perm: int) -> bytes:
    words = text.split()
    grams = {" ".join(words[i : i + 3]) for i in range(len(words) - 2)} or {text}
    m = MinHash(num_perm=num_perm, seed=1)
    m.update_batch(g.encode() for g in grams)
    lean = dedupe.LeanMinHash(m)
    buf = bytearray(lean.bytesize("<"))
    lean.serialize(buf, "<")
    return bytes(buf)


def _text(story) -> str:
    return dedupe.text_for_matching(story["headline"], story["body"])


def scores(pairs, sign) -> list[tuple[str, bool, float]]:
    result = []
    for p in pairs:
        a, b = (sign(_text(s)) for s in (p["a"], p["b"]))
        result.append((p["kind"], p["duplicate"], dedupe.similarity(a, b)))
    return result


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(scored, threshold: float, kind: str | None = None) -> tuple[float, float, float]:
    """P/R/F1 over all pairs, or over one duplicate kind's pairs plus every negative pair."""
    fp = sum(1 for _, dup, s in scored if not dup and s >= threshold)
    mine = [s for k, dup, s in scored if dup and kind in (None, k)]
    tp = sum(1 for s in mine if s >= threshold)
    return prf(tp, fp, len(mine) - tp)


def choose(scored) -> float:
    """Best F1 with precision >= 0.95; among equal F1, the middle threshold (widest margin)."""
    rated = [(round(evaluate(scored, t)[2], 6), t) for t in FINE if evaluate(scored, t)[0] >= 0.95]
    best = max(f1 for f1, _ in rated)
    tied = [t for f1, t in rated if f1 == best]
    return round((min(tied) + max(tied)) / 2, 2)


def sweep(name: str, scored) -> None:
    say(f"## {name}: P / R / F1 by threshold")
    say("   (per kind: that kind's duplicates against every negative pair; same-topic: false positives)")
    head = f"{'thr':>5} | {'all':^14} | " + " | ".join(f"{k:^14}" for k in KINDS) + " | same-topic FP"
    say(head)
    negatives = sum(1 for _, dup, _ in scored if not dup)
    for t in TABLE:
        cells = [evaluate(scored, t, k) for k in (None, *KINDS)]
        fp = sum(1 for _, dup, s in scored if not dup and s >= t)
        say(
            f"{t:5.2f} | "
            + " | ".join("{:.2f} {:.2f} {:.2f}".format(*c) for c in cells)
            + f" | {fp}/{negatives}"
        )
    say()


def separation(name: str, scored) -> None:
    for kind in (*KINDS, "same-topic"):
        values = [s for k, _, s in scored if k == kind]
        say(
            f"   {name:8} {kind:11} estimated Jaccard min {min(values):.3f}  median "
            f"{statistics.median(values):.3f}  max {max(values):.3f}"
        )


def index_path(pairs, threshold: float) -> None:
    """Query an index of every labelled story with each pair's first story."""
    sigs = {}
    for p in pairs:
        for side in ("a", "b"):
            s = p[side]
            sigs[(p["id"], side)] = dedupe.signature(_text(s))
    index = dedupe.DuplicateIndex(sigs.items(), threshold=threshold)
    found, raw_neg, confirmed_neg, per_kind, n_cand = Counter(), 0, 0, Counter(), []
    for p in pairs:
        cands = index.candidates(sigs[(p["id"], "a")])
        confirmed = {k for k, _ in index.duplicates(sigs[(p["id"], "a")])}
        n_cand.append(len(cands) - 1)
        per_kind[p["kind"]] += 1
        if p["duplicate"]:
            found[p["kind"]] += (p["id"], "b") in confirmed
        else:
            raw_neg += (p["id"], "b") in cands
            confirmed_neg += (p["id"], "b") in confirmed
    tp = sum(found.values())
    pos = sum(per_kind[k] for k in KINDS)
    precision, recall, f1 = prf(tp, confirmed_neg, pos - tp)
    say(
        f"## Index path at {threshold}: LSH candidates, confirmed by similarity "
        f"(b={index._lsh.b} bands of r={index._lsh.r})"
    )
    say("   found: " + ", ".join(f"{k} {found[k]}/{per_kind[k]}" for k in KINDS))
    say(
        f"   same-topic partner among raw candidates {raw_neg}/{per_kind['same-topic']}, "
        f"after confirmation {confirmed_neg}/{per_kind['same-topic']}"
    )
    say(
        f"   P {precision:.2f}  R {recall:.2f}  F1 {f1:.2f};  other stories per query: median "
        f"{statistics.median(n_cand)} of {len(sigs) - 1}"
    )
    say()


def band_path(pairs) -> None:
    """The database path (clustering.candidates): stories that share an LSH band key are candidates."""
    keys = {}
    for p in pairs:
        for side in ("a", "b"):
            keys[(p["id"], side)] = set(dedupe.bands(_text(p[side])))
    found, per_kind, raw_neg, others = Counter(), Counter(), 0, []
    for p in pairs:
        shared = bool(keys[(p["id"], "a")] & keys[(p["id"], "b")])
        per_kind[p["kind"]] += 1
        if p["duplicate"]:
            found[p["kind"]] += shared
        else:
            raw_neg += shared
        others.append(sum(1 for k, v in keys.items() if k != (p["id"], "a") and v & keys[(p["id"], "a")]))
    tp = sum(found.values())
    pos = sum(per_kind[k] for k in KINDS)
    say(
        f"## Band index (database path): {dedupe.BANDS} bands of {dedupe.BAND_ROWS} min-hashes over words of "
        f"{dedupe.BAND_WORD_CHARS}+ letters; candidates are then confirmed as before"
    )
    say(
        "   duplicate sharing a band with its partner: "
        + ", ".join(f"{k} {found[k]}/{per_kind[k]}" for k in KINDS)
    )
    say(
        f"   candidate recall {tp / pos:.2f}; same-topic partner among candidates {raw_neg}/{per_kind['same-topic']} "
        f"(confirmation removes them, as on the scan path); other stories sharing a band per query: median "
        f"{statistics.median(others)} of {len(keys) - 1}"
    )
    texts = synthetic_texts(pairs, 2000)
    bands = [set(dedupe.bands(t)) for t in texts]
    sharing = [
        sum(1 for other in bands[:n] + bands[n + 1 :] if other & mine) for n, mine in enumerate(bands[:200])
    ]
    say(
        f"   among 2000 synthetic unrelated stories: a query shares a band with {statistics.mean(sharing) / 1999:.1%} "
        f"of them (mean {statistics.mean(sharing):.0f}), each of which the scan path compared"
    )
    say()


def synthetic_texts(pairs, n: int) -> list[str]:
    """Unrelated stories (seeded): the labelled set's 40 commonest words, and invented content words.

    Content words are random letters, drawn from a Zipf distribution over 30,000 of them, so two
    stories share function words and some common terms but rarely their subject, as unrelated copy
    does. Shuffled function words make them a little more alike than real stories (see below).
    """
    counts = Counter(w for p in pairs for s in (p["a"], p["b"]) for w in _text(s).split())
    common, common_weights = zip(*counts.most_common(40), strict=True)
    rng = random.Random(20)  # noqa: S311  (reproducible test data, not security)
    content = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 10))) for _ in range(30000)]
    zipf = [1 / (rank + 1) for rank in range(len(content))]
    texts = []
    for _ in range(n):
        size = rng.randint(110, 220)
        words = rng.choices(common, common_weights, k=size * 35 // 100)
        words += rng.choices(content, zipf, k=size - len(words))
        rng.shuffle(words)
        texts.append(" ".join(words))
    return texts


def background(pairs) -> None:
    """How alike real labelled stories about different events, in different topic families, look."""
    stories = [(p["id"].split("-")[-1], _text(p[side])) for p in pairs if p["duplicate"] for side in "ab"]
    pairs_ = [(ta, tb) for i, (ka, ta) in enumerate(stories) for kb, tb in stories[i + 1 :] if ka[0] != kb[0]]
    say(f"## Unrelated labelled stories (different topics, {len(pairs_)} pairs): the tail is MinHash noise")
    for name, sim in (
        ("exact", dedupe.text_similarity),
        ("128 perm", lambda a, b: dedupe.similarity(dedupe.signature(a), dedupe.signature(b))),
        ("256 perm", lambda a, b: dedupe.similarity(dedupe.signature(a, 256), dedupe.signature(b, 256))),
    ):
        values = [sim(a, b) for a, b in pairs_]
        say(
            f"   {name:8} median {statistics.median(values):.3f}, 99th percentile "
            f"{statistics.quantiles(values, n=100)[98]:.3f}, max {max(values):.3f}, "
            f">= 0.13: {sum(v >= 0.13 for v in values)}, >= {dedupe.DEFAULT_THRESHOLD}: "
            f"{sum(v >= dedupe.DEFAULT_THRESHOLD for v in values)}"
        )
    say()


def build_time(pairs, threshold: float) -> None:
    texts = synthetic_texts(pairs, INDEX_SIZE)
    rng = random.Random(21)  # noqa: S311
    for num_perm in (dedupe.NUM_PERM, 256):
        start = time.perf_counter()
        sigs = [dedupe.signature(t, num_perm=num_perm) for t in texts]
        signing = time.perf_counter() - start
        builds = []
        for _ in range(5):
            start = time.perf_counter()
            index = dedupe.DuplicateIndex(enumerate(sigs), threshold=threshold, num_perm=num_perm)
            builds.append(time.perf_counter() - start)
        start = time.perf_counter()
        found = [[k for k, _ in index.duplicates(sig) if k != n] for n, sig in enumerate(sigs[:500])]
        query = (time.perf_counter() - start) / 500
        false_matches = [len(keys) for keys in found]
        exact = [
            sum(dedupe.text_similarity(texts[n], texts[k]) >= threshold for k in keys)
            for n, keys in enumerate(found)
        ]
        cand = [len(index.candidates(sig)) - 1 for sig in sigs[:500]]
        unrelated = [dedupe.similarity(*rng.sample(sigs, 2)) for _ in range(2000)]
        say(
            f"## Index of {INDEX_SIZE} synthetic unrelated stories, {num_perm} permutations "
            f"({len(sigs[0])} bytes a signature)"
        )
        say(
            f"   build from stored bytes: median {statistics.median(builds) * 1000:.0f} ms of 5 "
            f"(min {min(builds) * 1000:.0f}, max {max(builds) * 1000:.0f})"
        )
        say(
            f"   signing {INDEX_SIZE} texts (once, at ingest): {signing:.2f} s ({signing / INDEX_SIZE * 1000:.2f} ms each)"
        )
        say(
            f"   query (candidates + confirmation): {query * 1000:.2f} ms; median {statistics.median(cand)} raw "
            f"candidates; similarity of random pairs median {statistics.median(unrelated):.3f}, "
            f"99th percentile {statistics.quantiles(unrelated, n=100)[98]:.3f}"
        )
        say(
            f"   false matches at {threshold} per query among these unrelated stories: mean "
            f"{statistics.mean(false_matches):.3f}, queries with any {sum(1 for f in false_matches if f)}/500; "
            f"after text_similarity() on the texts: mean {statistics.mean(exact):.3f}, "
            f"queries with any {sum(1 for f in exact if f)}/500"
        )
    say()


def held_out(pairs, rounds: int = 200) -> None:
    """Choose the threshold on half the pairs (each kind split in two) and score the other half."""
    scored = scores(pairs, dedupe.signature)
    rng = random.Random(22)  # noqa: S311
    results, chosen = [], []
    for _ in range(rounds):
        train, test = [], []
        for kind in (*KINDS, "same-topic"):
            mine = [s for s in scored if s[0] == kind]
            rng.shuffle(mine)
            train += mine[: len(mine) // 2]
            test += mine[len(mine) // 2 :]
        threshold = choose(train)
        chosen.append(threshold)
        results.append(evaluate(test, threshold))
    precision, recall = [r[0] for r in results], [r[1] for r in results]
    say(f"## Held out: threshold chosen on a random half, scored on the other ({rounds} splits)")
    say(f"   threshold chosen: median {statistics.median(chosen)}, range {min(chosen)}-{max(chosen)}")
    say(
        f"   held-out precision mean {statistics.mean(precision):.3f} (min {min(precision):.2f}); "
        f"recall mean {statistics.mean(recall):.3f} (min {min(recall):.2f})"
    )
    say()


def main() -> None:
    pairs = json.loads(PAIRS.read_text())
    kinds = Counter(p["kind"] for p in pairs)
    say(f"# Wire dedupe on {len(pairs)} labelled pairs ({', '.join(f'{k} {n}' for k, n in kinds.items())})")
    say(f"# python {sys.version.split()[0]}, text: headline + first {dedupe.BODY_CHARS} body chars")
    say()
    char5 = scores(pairs, dedupe.signature)
    word3 = scores(pairs, lambda t: word3_signature(t, dedupe.NUM_PERM))
    char5_256 = scores(pairs, lambda t: dedupe.signature(t, num_perm=256))
    say("## Separation (MinHash estimates, 128 permutations unless marked)")
    separation("char5", char5)
    separation("word3", word3)
    separation("char5/256", char5_256)
    say()
    sweep("character 5-shingles (chosen)", char5)
    sweep("word 3-shingles", word3)
    chosen = choose(char5)
    say(
        f"## Best threshold (F1, precision >= 0.95, middle of ties): char5 {chosen}, word3 {choose(word3)}, "
        f"char5 with 256 permutations {choose(char5_256)}"
    )
    for name, scored in (("char5", char5), ("word3", word3), ("char5/256", char5_256)):
        for t in sorted({chosen, choose(scored)}):
            p, r, f = evaluate(scored, t)
            say(f"   {name:9} at {t:.2f}: P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
    exact = [(p["kind"], p["duplicate"], dedupe.text_similarity(_text(p["a"]), _text(p["b"]))) for p in pairs]
    p, r, f = evaluate(exact, chosen)
    say(
        f"   exact text_similarity() at {chosen:.2f}: P {p:.2f}  R {r:.2f}  F1 {f:.2f}  (best {choose(exact)})"
    )
    say(
        f"   dedupe.DEFAULT_THRESHOLD = {dedupe.DEFAULT_THRESHOLD}"
        + ("" if chosen == dedupe.DEFAULT_THRESHOLD else "  <-- differs from the measured best; revisit")
    )
    say()
    held_out(pairs)
    index_path(pairs, dedupe.DEFAULT_THRESHOLD)
    band_path(pairs)
    background(pairs)
    build_time(pairs, dedupe.DEFAULT_THRESHOLD)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
