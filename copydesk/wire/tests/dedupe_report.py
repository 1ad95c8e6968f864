"""Precision and recall of duplicate detection per kind of pair, on the labelled set (dedupe_cases.py).

`python -m copydesk.wire.tests.dedupe_report` prints the table that docs/performance.md shows
under "Duplicate detection"; test_dedupe_cases.py checks that the page shows what the code gives.
"""

import json
from collections import Counter, defaultdict

from copydesk.wire import dedupe, matching

from .dedupe_cases import CASES, DISTINCT_KINDS, DUPLICATE_KINDS

THRESHOLD = dedupe.DEFAULT_THRESHOLD


def load_cases() -> list[dict]:
    return [json.loads(line) for line in CASES.read_text().splitlines() if line.strip()]


def copy_of(side: dict) -> matching.Copy:
    return matching.Copy(side["agency"], side["guid"], side["headline"], side["body"], side["evolved_from"])


def learnt_boilerplate(cases) -> dict:
    """Each agency's boilerplate, learnt from all its stories in the set as from one day's feed.

    In the database a cluster counts once; here a story counts once however many ids the set
    gives it (the pairs labelled duplicate, and identical texts, are one story).
    """
    parent: dict = {}

    def root(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    bodies = {}
    for c in cases:
        for s in (c["a"], c["b"]):
            bodies[(s["agency"], s["guid"])] = s["body"]
            parent[root((s["agency"], s["guid"]))] = root(("text", s["agency"], s["body"]))
        if c["duplicate"]:
            parent[root((c["a"]["agency"], c["a"]["guid"]))] = root((c["b"]["agency"], c["b"]["guid"]))
    stories = defaultdict(list)
    for key, body in bodies.items():
        stories[key[0]].append((root(key), body))
    return {agency: matching.find_boilerplate(found) for agency, found in stories.items()}


def before_issue_12(a: dict, b: dict) -> bool:
    """The rule before issue 12: shingle overlap of the whole texts at the threshold, any agencies."""
    text = [dedupe.text_for_matching(s["headline"], s["body"]) for s in (a, b)]
    return dedupe.text_similarity(*text) >= THRESHOLD


def rules(cases) -> dict:
    """The decisions compared in the table, by name."""
    learnt = learnt_boilerplate(cases)
    return {
        "before issue 12": before_issue_12,
        "learnt boilerplate": lambda a, b: matching.same_story(
            copy_of(a), copy_of(b), boilerplate=learnt, threshold=THRESHOLD
        ),
        "new source": lambda a, b: matching.same_story(copy_of(a), copy_of(b), threshold=THRESHOLD),
    }


def evaluate(cases, decide) -> dict:
    """Return per kind: pairs, joined; and recall (duplicate kinds) or precision (the others).

    A kind of different stories has no true joins of its own, so its precision is measured with
    every duplicate pair of the set: the share of joins that are right when that kind is the wrong
    company. 1.0 means no pair of that kind was joined.
    """
    pairs, joined = Counter(), Counter()
    for c in cases:
        pairs[c["kind"]] += 1
        joined[c["kind"]] += bool(decide(c["a"], c["b"]))
    true_joins = sum(joined[k] for k in DUPLICATE_KINDS)
    duplicates = sum(pairs[k] for k in DUPLICATE_KINDS)
    false_joins = sum(joined[k] for k in DISTINCT_KINDS)
    out = {}
    for kind in (*DUPLICATE_KINDS, *DISTINCT_KINDS):
        row = {"pairs": pairs[kind], "joined": joined[kind]}
        if kind in DUPLICATE_KINDS:
            row["recall"] = joined[kind] / pairs[kind]
        else:
            row["precision"] = true_joins / (true_joins + joined[kind]) if true_joins + joined[kind] else 1.0
        out[kind] = row
    out["all"] = {
        "pairs": sum(pairs.values()),
        "joined": sum(joined.values()),
        "recall": true_joins / duplicates,
        "precision": true_joins / (true_joins + false_joins) if true_joins + false_joins else 1.0,
    }
    return out


def table(cases=None) -> str:
    """Return the Markdown table of every rule's precision and recall per kind."""
    cases = cases or load_cases()
    results = {name: evaluate(cases, decide) for name, decide in rules(cases).items()}
    names = list(results)
    head = "| kind | duplicate | pairs | " + " | ".join(names) + " |"
    lines = [head, "|" + "---|" * (3 + len(names))]
    for kind in (*DUPLICATE_KINDS, *DISTINCT_KINDS, "all"):
        first = results[names[0]][kind]
        label = "yes" if kind in DUPLICATE_KINDS else "no" if kind != "all" else "—"
        cells = []
        for name in names:
            row = results[name][kind]
            parts = [f"recall {row['recall']:.2f}"] if "recall" in row else []
            parts += [f"precision {row['precision']:.2f}"] if "precision" in row else []
            cells.append(f"{', '.join(parts)} ({row['joined']} joined)")
        lines.append(f"| {kind} | {label} | {first['pairs']} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def margins(cases=None) -> str:
    """Return how close the set comes to each limit same_story() uses, with learnt boilerplate.

    The limits were chosen on this set, so its score is not a held-out estimate: these margins say
    how much room the rule has.
    """
    cases = cases or load_cases()
    learnt = learnt_boilerplate(cases)
    worst = {}
    for c in cases:
        a, b = copy_of(c["a"]), copy_of(c["b"])
        if c["duplicate"] and {a.evolved_from, b.evolved_from} & {a.guid, b.guid}:
            continue  # joined on the agency's word, whatever the texts say
        relation = "one agency" if a.agency == b.agency else "two agencies"
        for measure, value in matching.scores(a, b, learnt).items():
            key = (relation, measure, c["duplicate"])
            pick = min if c["duplicate"] else max
            worst[key] = pick(worst.get(key, value), value)
    lines = [
        "| pairs from | measure | lowest of the duplicates | highest of the others |",
        "|---|---|---|---|",
    ]
    for relation in ("one agency", "two agencies"):
        for measure in ("similarity", "containment", "names"):
            low, high = worst.get((relation, measure, True)), worst.get((relation, measure, False))
            lines.append(f"| {relation} | {measure} | {low:.2f} | {high:.2f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(table(), end="")
    print()
    print(margins(), end="")
