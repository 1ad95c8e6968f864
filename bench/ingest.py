# ruff: noqa: S603, S607, S608  (a benchmark driving local tools with its own fixed inputs)
"""`make bench-ingest`: wire items per second, parsed, identified, clustered and stored.

For each engine, in a fresh database: generate ITEMS invented agency stories in IPTC ninjs
(400-800 words each, about 7% of them another agency's rewrite of an earlier story, seeded so
every run sees the same text), deliver them through `ingest_delivery` as the worker does, as
one delivery of ITEMS items (the rewrites in a second one, from the partner agency), and time:

  hold     a source whose rule is "hold for the desk": parse, identify, cluster and store, with
           PREFILL_SMALL items already in the wire;
  hold at scale  the same again, another ITEMS stories, once the wire holds PREFILL_LARGE items
           (generated stories bulk-inserted with their signatures and band keys, received over the
           last two days, so every one is in the duplicate window);
  publish  a second agency's source whose rule is "publish": the same, plus the story made and
           published (stories per second counts the stories that went live);
  parse    the format's parser alone, on the same files; *sign* the text, signature and band keys
           alone (CPU, no database).

Rates are given over the whole pass and for the first and last 1,000 items of each pass, whose
ratio shows whether the cost of an item grows with the wire already stored; the rate at
PREFILL_LARGE over the rate at PREFILL_SMALL is the test of a cost that does not grow with the wire.
Then one more delivery of PROFILE_ITEMS items is ingested under cProfile, to show where the time
of an item goes, by phase. Prints the figures, writes bench/results/ingest-<label>.json (keeping
the figures of engines not run this time) and the "## Ingest" section of docs/performance.md from
every ingest-*.json present (so a run of the code before a change stays next to the run after it).

Environment: ITEMS (default 10000), PREFILL_SMALL (1000), PREFILL_LARGE (100000; 0 to skip the
pass at scale), PUBLISH_ITEMS (default 0), BENCH_ENGINES (default "postgresql"), BENCH_LABEL
(default "batch"), PROFILE_ITEMS (1000; 0 to skip), FILE_ITEMS (items per delivery, default
ITEMS), BENCH_NO_DOC=1 (print and write JSON only; `python bench/ingest.py doc` writes the section
later). PostgreSQL runs at 127.0.0.1:5432 in the database bench_ingest (dropped and created again),
SQLite in var/bench/ingest.sqlite3 (deleted first).
"""

import datetime
import functools
import itertools
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from pages import psql, replace_doc_section  # noqa: E402  (bench/pages.py: same PostgreSQL and document)
from search import machine  # noqa: E402

RESULTS = ROOT / "bench" / "results"
VAR = ROOT / "var" / "bench"
ITEMS = int(os.environ.get("ITEMS", "10000"))
PREFILL_SMALL = int(os.environ.get("PREFILL_SMALL", "1000"))
PREFILL_LARGE = int(os.environ.get("PREFILL_LARGE", "100000"))
PUBLISH_ITEMS = int(os.environ.get("PUBLISH_ITEMS", "0"))
PROFILE_ITEMS = int(os.environ.get("PROFILE_ITEMS", "1000"))
ENGINES = [e.strip() for e in os.environ.get("BENCH_ENGINES", "postgresql").split(",") if e.strip()]
LABEL = os.environ.get("BENCH_LABEL", "batch")
PG = "postgres://postgres@127.0.0.1:5432"
DB = os.environ.get("BENCH_DB", "bench_ingest")
SECRET = "copydesk-bench-only-" + "s" * 40
SECTION_TITLE = "## Ingest"
FILE_ITEMS = int(os.environ.get("FILE_ITEMS", str(ITEMS)))
BENCH_FORMAT = "ninjs-bench"  # ninjs, taking files of FILE_ITEMS stories (about 4 kB each)
WINDOW = 1000  # first and last items compared
DUPLICATE_SHARE = 0.08


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# Invented stories ---------------------------------------------------------------------------------

FUNCTION = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "for",
    "on",
    "was",
    "with",
    "as",
    "by",
    "at",
    "from",
    "it",
    "be",
    "has",
    "have",
    "are",
    "an",
    "were",
    "said",
]
FUNCTION += [
    "which",
    "this",
    "will",
    "after",
    "their",
    "but",
    "not",
    "its",
    "also",
    "had",
    "been",
    "more",
    "who",
    "than",
    "over",
    "they",
    "would",
]
FUNCTION += [
    "about",
    "into",
    "when",
    "up",
    "there",
    "two",
    "new",
    "last",
    "year",
    "week",
    "could",
    "one",
    "first",
    "some",
    "other",
    "most",
    "only",
]
LETTERS = "abcdefghijklmnopqrstuvwxyz"
# English letter frequencies (per mille, rounded), so invented words share shingles as real ones do.
LETTER_WEIGHTS = [82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24]
LETTER_WEIGHTS += [2, 20, 1]


@functools.cache
def language():
    return vocabulary(random.Random(0))  # noqa: S311


def vocabulary(rng, n=20000):
    """Invented content words, 3 to 11 letters: subjects that two unrelated stories rarely share."""
    words = set()
    while len(words) < n:
        words.add("".join(rng.choices(LETTERS, LETTER_WEIGHTS, k=rng.randint(3, 11))))
    return sorted(words)


class Newsroom:
    """Seeded story generator: unrelated stories, and rewrites that share about half their source.

    Tuned so that two unrelated stories share about 0.04 of their character 5-shingles (median),
    as the unrelated labelled stories of bench/dedupe_quality.py do, and a rewrite about 0.25.
    """

    def __init__(self, seed):
        self.rng = random.Random(seed)  # noqa: S311  (reproducible invented text, not security)
        # One language for every seed: the wire stored before a pass and the pass share their words,
        # as a day's stories do, so the band keys they share are as many as in a real wire.
        self.words = language()
        # Cumulative once: random.choices() would otherwise add up 20,000 weights for every sentence.
        self.cum_weights = list(
            itertools.accumulate(1 / (rank + 1) ** 0.7 for rank in range(len(self.words)))
        )

    def sentence(self, topic):
        rng = self.rng
        size = rng.randint(12, 26)
        words = rng.choices(FUNCTION, k=size * 35 // 100)
        words += rng.choices(topic, k=size * 20 // 100)  # a story keeps returning to its subject
        words += rng.choices(self.words, cum_weights=self.cum_weights, k=size - len(words))
        rng.shuffle(words)
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 90000)))
        return " ".join(words).capitalize() + "."

    def story(self):
        rng = self.rng
        topic = rng.sample(self.words[200:], 6)
        target = rng.randint(400, 800)
        paragraphs, length = [], 0
        while length < target:
            paragraph = " ".join(self.sentence(topic) for _ in range(rng.randint(2, 4)))
            paragraphs.append(paragraph)
            length += paragraph.count(" ") + 1
        headline = " ".join([topic[0].capitalize(), *rng.sample(topic[1:], 2), *rng.choices(self.words, k=3)])
        return {"headline": headline, "paragraphs": paragraphs, "topic": topic}

    def rewrite(self, original):
        """Another agency's version: its own headline and lead, then about half the source's paragraphs."""
        rng = self.rng
        kept = [p for p in original["paragraphs"] if rng.random() < 0.5] or original["paragraphs"][:1]
        own = [" ".join(self.sentence(original["topic"]) for _ in range(2)) for _ in range(len(kept))]
        mixed = (
            [own[0]] + [p for pair in zip(kept, own[1:], strict=False) for p in pair] + kept[len(own) - 1 :]
        )
        words = original["headline"].split()
        headline = " ".join(words[:3] + rng.sample(self.words, 2))
        return {"headline": headline, "paragraphs": mixed, "topic": original["topic"], "rewrite_of": True}


def stories(seed, n):
    """Return n invented stories, about DUPLICATE_SHARE of them rewrites of an earlier one."""
    newsroom = Newsroom(seed)
    out = []
    for i in range(n):
        if i > 20 and newsroom.rng.random() < DUPLICATE_SHARE:
            original = newsroom.rng.choice(out[max(0, i - 500) : i])  # a rewrite follows within hours
            while original.get("rewrite_of"):
                original = original["original"]
            story = newsroom.rewrite(original) | {"original": original}
        else:
            story = newsroom.story()
        out.append(story | {"n": i})
    return out


def ninjs_file(prefix, stories_, sent):
    items = []
    for story in stories_:
        n = story["n"]
        when = (sent + datetime.timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
        items.append(
            {
                "uri": guid(prefix, n),
                "type": "text",
                "version": "1",
                "firstcreated": when,
                "versioncreated": when,
                "pubstatus": "usable",
                "language": "en",
                "by": "Bench Desk",
                "headlines": [{"role": "main", "value": story["headline"]}],
                "descriptions": [{"role": "summary", "value": story["paragraphs"][0][:200]}],
                "bodies": [
                    {
                        "role": "main",
                        "contenttype": "text/html",
                        "value": "".join(f"<p>{p}</p>" for p in story["paragraphs"]),
                    }
                ],
                "keywords": story["topic"][:3],
            }
        )
    return json.dumps({"items": items}).encode()


def guid(prefix, n):
    return f"urn:newsml:{prefix}.example:bench:{n:06d}"


def matching_text(story):
    from copydesk.wire import dedupe

    return dedupe.text_for_matching(story["headline"], "".join(f"<p>{p}</p>" for p in story["paragraphs"]))


def deliveries(prefix, seed, n):
    """Return [(file bytes, {rewrite's guid: (over the threshold?, original's guid)}, by the partner?)].

    FILE_ITEMS stories a file; the rewrites in each are another agency's, so they come in a file of
    their own from the partner agency's source (one agency never sends one story twice rewritten).
    """
    from copydesk.wire import dedupe

    all_stories = stories(seed, n)
    sent = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=2)
    files = []
    for start in range(0, n, FILE_ITEMS):
        chunk = all_stories[start : start + FILE_ITEMS]
        rewrites = {
            guid(prefix, s["n"]): (
                dedupe.text_similarity(matching_text(s), matching_text(s["original"]))
                >= dedupe.duplicate_threshold(),
                guid(prefix, s["original"]["n"]),
            )
            for s in chunk
            if s.get("rewrite_of")
        }
        own = [s for s in chunk if not s.get("rewrite_of")]
        files.append((ninjs_file(prefix, own, sent), {}, False))
        partner = [s for s in chunk if s.get("rewrite_of")]
        if partner:
            files.append((ninjs_file(prefix, partner, sent), rewrites, True))
    return files


# In the child process: one engine, its database already migrated ---------------------------------


def bench_format():
    """Register ninjs with room for a delivery of FILE_ITEMS stories (the format refuses 20 MiB files)."""
    from copydesk.wire.formats import FORMATS

    if BENCH_FORMAT not in FORMATS:

        class BenchNinjs(FORMATS["ninjs"]):
            max_bytes = 256 * 1024 * 1024

        FORMATS[BENCH_FORMAT] = BenchNinjs
    return FORMATS[BENCH_FORMAT]


def run_pass(source, partner, prefix, seed, n):
    from copydesk.wire import clustering
    from copydesk.wire.deliveries import ingest_delivery
    from copydesk.wire.ingest import new_wire_item

    files = deliveries(prefix, seed, n)
    parser = bench_format()
    t = time.perf_counter()
    parsed = [item for data, _, _ in files for item in parser().parse(data).items]
    parse_s = time.perf_counter() - t
    t = time.perf_counter()
    for item in parsed:  # text, signature and band keys, as ingest computes them, without the database
        clustering.signature_for(new_wire_item(source, item))
    sign_s = time.perf_counter() - t
    ends = []
    started = time.perf_counter()
    for number, (data, _, by_partner) in enumerate(files):
        ingest_delivery(
            partner if by_partner else source,
            data,
            f"{prefix}-{number}.json",
            progress=lambda _: ends.append(time.perf_counter()),
        )
        log(f"  {prefix}: {len(ends):,}/{n:,} items, {len(ends) / (ends[-1] - started):.1f}/s")
    elapsed = ends[-1] - started
    window = min(WINDOW, n // 2)
    # Items are reported a batch at a time: the rate over the batches that end the first and last window.
    first = window / (ends[window - 1] - started)
    last = window / (ends[-1] - ends[-1 - window])
    return {"items": n, "seconds": elapsed, "per_s": n / elapsed, "parse_per_s": n / parse_s,
            "sign_per_s": n / sign_s, "first_per_s": first, "last_per_s": last, "window": window,
            "rewrites": {k: v for _, planted, _ in files for k, v in planted.items()}}  # fmt: skip


def prefill(source, target, seed):
    """Bulk-insert generated stories until the wire holds `target` items: signed, banded, recent."""
    from django.db import connection
    from django.utils import timezone

    from copydesk.wire import clustering
    from copydesk.wire.models import WireItem

    have = WireItem.objects.count()
    if have >= target:
        return 0
    n, started = target - have, time.perf_counter()
    now = timezone.now()
    for start in range(0, n, 2000):
        chunk = stories(seed + start, min(2000, n - start))
        wires = []
        for offset, story in enumerate(chunk):
            wire = WireItem(agency=source.agency, source=source, guid=f"urn:prefill:{seed}:{start + offset}",
                            headline=story["headline"][:500],
                            body_html="".join(f"<p>{p}</p>" for p in story["paragraphs"]),
                            received_at=now - datetime.timedelta(seconds=(n - start - offset) * 170_000 / n))  # fmt: skip
            wire.signature = clustering.signature_for(wire)
            wires.append(wire)
        WireItem.objects.bulk_create(wires)
        clustering.store_new_bands(wires)
        log(
            f"  prefill: {have + start + len(chunk):,}/{target:,} items, {time.perf_counter() - started:.0f} s"
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # As autovacuum would have, over two days of wire (a test's transaction allows no VACUUM).
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return n


def child(task):
    import django

    django.setup()
    return measure_here(ITEMS, PUBLISH_ITEMS, PROFILE_ITEMS)


def measure_here(items_held, items_published, profile_items, prefill_to=(PREFILL_SMALL, PREFILL_LARGE)):
    """Run the passes (and the profile) in this process, against Django's database; return the figures."""
    from django.db import connection

    from copydesk.newsroom.models import Agency, Article, Section
    from copydesk.wire.formats import FORMATS
    from copydesk.wire.models import Source, WireItem

    section = Section.objects.create(name="Wire", slug="wire", order=1)
    result = {"vendor": connection.vendor, "file_items": FILE_ITEMS}
    if connection.vendor == "sqlite":
        import sqlite3

        result["sqlite"] = sqlite3.sqlite_version
    bench_format()
    filler = None
    passes = (("hold", "hold", "nwa", 1, items_held, prefill_to[0]),
              ("hold_large", "hold", "nwb", 4, items_held if prefill_to[1] else 0, prefill_to[1]),
              ("publish", "publish", "cps", 2, items_published, 0))  # fmt: skip
    for name, rule, prefix, seed, n, wire_before in passes:
        if not n:
            continue
        agency = Agency.objects.create(name=f"Bench {prefix.upper()}", credit=prefix.upper())
        source = Source.objects.create(name=f"bench-{prefix}", agency=agency, section=section,
                                       format=BENCH_FORMAT, rule=rule, transport=Source.Transport.FOLDER,
                                       folder=f"/nonexistent/{prefix}")  # fmt: skip
        partner_agency = Agency.objects.create(
            name=f"Bench {prefix.upper()} partner", credit=f"{prefix.upper()}P"
        )
        partner = Source.objects.create(name=f"bench-{prefix}-partner", agency=partner_agency, section=section,
                                        format=BENCH_FORMAT, rule=rule, transport=Source.Transport.FOLDER,
                                        folder=f"/nonexistent/{prefix}-partner")  # fmt: skip
        if wire_before:
            if filler is None:
                filler_agency = Agency.objects.create(name="Bench prefill", credit="PRE")
                filler = Source.objects.create(name="bench-prefill", agency=filler_agency, section=section,
                                               format=BENCH_FORMAT, rule="hold", transport=Source.Transport.FOLDER,
                                               folder="/nonexistent/prefill")  # fmt: skip
            log(f"{connection.vendor}: filling the wire to {wire_before:,} items")
            t = time.perf_counter()
            added = prefill(filler, wire_before, 100 + seed)
            result[f"{name}_prefill"] = {"items": added, "seconds": time.perf_counter() - t}
        wire_at_start = WireItem.objects.count()
        log(f"{connection.vendor}: {name} pass, {n:,} items, {wire_at_start:,} in the wire")
        figures = run_pass(source, partner, prefix, seed, n) | {"wire_before": wire_at_start}
        items = WireItem.objects.filter(agency__in=[agency, partner_agency])
        figures["stored"] = items.count()
        rewrites = figures.pop("rewrites")
        lead = {g: cluster or pk for g, cluster, pk in items.values_list("guid", "cluster_id", "pk")}
        joined = {g for g, (_, original) in rewrites.items() if lead[g] == lead[original]}
        clustered = set(items.filter(cluster__isnull=False).values_list("guid", flat=True))
        figures["rewrites"] = len(rewrites)
        figures["rewrites_over_threshold"] = sum(over for over, _ in rewrites.values())
        figures["found"] = sum(1 for g in joined if rewrites[g][0])
        figures["found_under_threshold"] = sum(1 for g in joined if not rewrites[g][0])
        figures["false_clusters"] = len(clustered - joined)
        if rule == "publish":
            figures["stories"] = Article.objects.filter(
                agency__in=[agency, partner_agency], status="published"
            ).count()
            figures["stories_per_s"] = figures["stories"] / figures["seconds"]
        result[name] = figures
    if profile_items:
        result["profile"], result["phases"] = profile(section, profile_items)
    FORMATS.pop(BENCH_FORMAT, None)  # run in a test, the bench leaves the formats as it found them
    return result


# What an item's time is spent on, by phase: (label, functions whose cumulative time it is).
PHASES = [
    ("parse (ninjs)", ["wire/deliveries.py:ingest_delivery>parse"]),
    ("look up the batch's agency ids", ["wire/batches.py:new_stories"]),
    ("copy and sanitise the fields", ["wire/ingest.py:new_wire_item"]),
    ("text, signature and band keys", ["wire/clustering.py:signature_for"]),
    ("find clusters (band lookup, estimates, confirmation)", ["wire/clustering.py:find_clusters"]),
    ("  of which the band lookup in the database", ["wire/clustering.py:_items_sharing"]),
    ("insert items and first versions (bulk)", ["wire/batches.py:store_new_stories>manager_method"]),
    ("  the versions' payloads (item as JSON)", ["wire/ingest.py:first_version"]),
    ("insert band keys", ["wire/clustering.py:store_new_bands"]),
    ("the rule (hold: nothing; duplicate, publish)", ["wire/ingest.py:act_on_new_story"]),
]


def profile(section, n):
    """Ingest one more delivery of n items under cProfile; return the top of the profile and the phases."""
    import cProfile
    import io
    import pstats

    from copydesk.newsroom.models import Agency
    from copydesk.wire.deliveries import ingest_delivery
    from copydesk.wire.models import Source

    agency = Agency.objects.create(name="Bench PRF", credit="PRF")
    source = Source.objects.create(name="bench-prf", agency=agency, section=section, format=BENCH_FORMAT,
                                   rule="hold", transport=Source.Transport.FOLDER, folder="/nonexistent/prf")  # fmt: skip
    data = deliveries("prf", 3, n)[0][0]
    n = len(bench_format()().parse(data).items)  # the partner's rewrites are not in this delivery
    profiler = cProfile.Profile()
    profiler.enable()
    started = time.perf_counter()
    ingest_delivery(source, data, "profile.json")
    elapsed = time.perf_counter() - started
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(30)
    return out.getvalue(), phases(stats, n, elapsed)


def phases(stats, n, elapsed):
    """Return [(phase, ms per item)] from the profile's cumulative times."""

    def cumulative(spec):
        where, _, callee = spec.partition(">")
        path, _, name = where.rpartition(":")
        total = 0.0
        for (file, _, function), (_, _, _, cum, callers) in stats.stats.items():
            if callee:  # the time `where` spent in `callee`
                if function == callee:
                    total += sum(c[3] for (f, _, fn), c in callers.items() if f.endswith(path) and fn == name)
            elif file.endswith(path) and function == name:
                total += cum
        return total

    rows = [("whole item, under the profiler", elapsed)]
    rows += [(label, sum(cumulative(spec) for spec in specs)) for label, specs in PHASES]
    return [(label, seconds * 1000 / n) for label, seconds in rows]


# Running ------------------------------------------------------------------------------------------


def engine_env(engine):
    VAR.mkdir(parents=True, exist_ok=True)
    url = f"{PG}/{DB}" if engine == "postgresql" else f"sqlite:///{VAR / f'{DB}.sqlite3'}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "copydesk.settings",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "COPYDESK_VAR_DIR": str(VAR / f"{DB}-var"),
        "COPYDESK_PAGE_CACHE": "0",
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
    }


def prepare(engine):
    """Start from an empty, migrated database, so every run stores the same wire."""
    if engine == "postgresql":
        psql(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        psql(f'CREATE DATABASE "{DB}"')
    else:
        (VAR / f"{DB}.sqlite3").unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "copydesk", "migrate", "--noinput", "-v0"],
                   check=True, env=engine_env(engine), cwd=ROOT)  # fmt: skip


def measure(engine):
    prepare(engine)
    out = subprocess.run([sys.executable, __file__, "child"], check=True, env=engine_env(engine), cwd=ROOT,
                         stdout=subprocess.PIPE, text=True)  # fmt: skip
    result = json.loads(out.stdout)
    if engine == "postgresql":
        result["postgresql"] = psql("SHOW server_version")
    return result


def row(label, engine, figures):
    h, p = figures.get("hold"), figures.get("publish")
    cells = [label, engine]
    if h:
        cells += [f"{h['items']:,}", f"{h['parse_per_s']:,.0f}", f"{h['per_s']:,.1f}", f"{h['first_per_s']:,.1f}",
                  f"{h['last_per_s']:,.1f}", f"{h['last_per_s'] / h['first_per_s']:.2f}",
                  f"{h['found']}/{h['rewrites_over_threshold']} ({h['false_clusters']})"]  # fmt: skip
    else:
        cells += ["-"] * 7
    if p:
        cells += [f"{p['items']:,}", f"{p['stories_per_s']:,.1f}", f"{p['first_per_s']:,.1f}",
                  f"{p['last_per_s']:,.1f}", f"{p['stories']:,}"]  # fmt: skip
    else:
        cells += ["-"] * 5
    return "| " + " | ".join(cells) + " |"


def table(reports):
    lines = [
        "| code | database | items (hold) | parsed/s | stored/s | first 1,000/s | last 1,000/s | last/first "
        "| rewrites found (false) | items (publish) | stories/s | first 1,000/s | last 1,000/s | stories |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for label, report in reports:
        for engine, figures in report["engines"].items():
            lines.append(row(label, engine, figures))
    return "\n".join(lines)


TARGET_PER_S = 1000  # issue 13: items parsed, identified, clustered and stored per second, per worker
TARGET_RATIO = 1.2  # the rate with 100,000 items in the wire within 1.2x of the rate with 1,000


def scale_table(reports):
    """The passes at PREFILL_SMALL and PREFILL_LARGE items in the wire, and issue 13's targets."""
    lines = [
        "| code | database | items delivered | wire before | parsed/s | signed/s | stored/s | first 1,000/s "
        "| last 1,000/s | rewrites found (false) | rate vs the smaller wire |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    verdicts = []
    for label, report in reports:
        for engine, figures in report["engines"].items():
            small, large = figures.get("hold"), figures.get("hold_large")
            if not large:
                continue
            for h in (small, large):
                lines.append("| " + " | ".join([
                    label, engine, f"{h['items']:,}", f"{h['wire_before']:,}", f"{h['parse_per_s']:,.0f}",
                    f"{h['sign_per_s']:,.0f}", f"{h['per_s']:,.0f}", f"{h['first_per_s']:,.0f}",
                    f"{h['last_per_s']:,.0f}", f"{h['found']}/{h['rewrites_over_threshold']} ({h['false_clusters']})",
                    f"{small['per_s'] / h['per_s']:.2f}x slower" if h is large else "",
                ]) + " |")  # fmt: skip
            slower = small["per_s"] / large["per_s"]
            verdicts.append(
                f"- *{label}* on {engine}: {small['per_s']:,.0f} items/s stored with {small['wire_before']:,} "
                f"items in the wire (target {TARGET_PER_S:,}: {'met' if small['per_s'] >= TARGET_PER_S else 'not met'}); "
                f"{large['per_s']:,.0f} items/s with {large['wire_before']:,}, {slower:.2f}x slower (target "
                f"within {TARGET_RATIO}x: {'met' if slower <= TARGET_RATIO else 'not met'})."
            )
    return "\n".join(lines), verdicts


def write_doc():
    reports = [
        (p.stem.removeprefix("ingest-"), json.loads(p.read_text()))
        for p in sorted(RESULTS.glob("ingest-*.json"))
    ]
    reports.sort(key=lambda r: r[1]["date"])  # oldest first: before, then after
    latest = max(reports, key=lambda r: r[1]["date"])[1]
    m = latest["machine"]
    scale, verdicts = scale_table(reports)
    lines = [
        SECTION_TITLE,
        "",
        "`bench/ingest.py` (`make bench-ingest`): invented agency stories in IPTC ninjs, 400-800 words, about "
        "7% of them another agency's rewrite of an earlier one, ingested through `ingest_delivery` as the worker "
        "does, into a fresh database. *stored/s*: parse, identify, cluster and store with a source that holds for "
        "the desk; *parsed/s* is the parser alone and *signed/s* the text, MinHash signature and band keys alone "
        "(no database). *first/last 1,000*: the rate over the first and the last 1,000 items of the pass. "
        "*rewrites found (false)*: generated rewrites that joined their original's cluster, of those whose exact "
        "shingle overlap reaches the threshold, and (in brackets) items clustered that are no rewrite.",
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), shared with other work during the runs (`nice -n 10`), "
        f"Linux {m['kernel']}, Python {m['python']}.",
        "",
        "### At agency scale (issue 13)",
        "",
        "One delivery of the items (the partner agency's rewrites in a second one), stored in batches of "
        "`WIRE_INGEST_BATCH_ITEMS` (one transaction each, wire/batches.py), first with about 1,000 items in the "
        "wire, then again, another delivery of new stories, once the wire holds 100,000 (generated stories "
        "bulk-inserted with their signatures and band keys, all within the duplicate window).",
        "",
        scale,
        "",
        *verdicts,
    ]
    phased = next(
        ((r, e, f) for _, r in reports[::-1] for e, f in r["engines"].items() if f.get("phases")), None
    )
    if phased:
        report, engine, figures = phased
        lines += ["", f"Where an item's time goes: one more delivery of new stories ({report['profile_items']:,} generated, "
                  f"the rewrites among them left out) on "
                  f"{engine}, with {figures['hold_large']['wire_before'] + 2 * report['items']:,} items or so in "
                  "the wire, under cProfile (which slows Python several times; the shares are what counts), "
                  "cumulative milliseconds per item:", "", "| phase | ms per item |", "|---|--:|",
                  *[f"| {label} | {ms:.3f} |" for label, ms in figures["phases"]], "",
                  "The top of the profile:", "", "```",
                  *[line.rstrip() for line in figures["profile"].strip().splitlines()[:42]], "```"]  # fmt: skip
    lines += [
        "",
        "### Every run",
        "",
        "Code *scan*: each new item compared with every item of the last three days (before the band index); "
        "*index*: MinHash LSH bands in the database (`wire.WireBand`), one item per transaction; *dedupe*: the "
        "same with issue 12's duplicate rule; *batch*: issue 13, batches and the (key, received_at) band index. "
        "Earlier runs delivered files of 1,000 items.",
        "",
        table(reports),
        "",
    ]
    for label, report in reports:
        runs = "; ".join(f"{engine} {f.get('postgresql') or f.get('sqlite') or ''} run {f['date']}"
                         for engine, f in report["engines"].items())  # fmt: skip
        lines.append(f"- *{label}*: {runs}." + (f" {report['note']}" if report.get("note") else ""))
    replace_doc_section(SECTION_TITLE, "\n".join(lines) + "\n\n")


def main():
    started = time.monotonic()
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "items": ITEMS,
        "publish_items": PUBLISH_ITEMS,
        "prefill": [PREFILL_SMALL, PREFILL_LARGE],
        "file_items": FILE_ITEMS,
        "profile_items": PROFILE_ITEMS,
        "machine": machine(),
        "note": os.environ.get("BENCH_NOTE", ""),
        "engines": {},
    }
    for engine in ENGINES:
        log(f"{engine}: {ITEMS:,} items held, {PUBLISH_ITEMS:,} published")
        report["engines"][engine] = measure(engine) | {"date": report["date"]}
    report["runtime_s"] = time.monotonic() - started
    out = RESULTS / f"ingest-{LABEL}.json"
    if out.exists():  # engines not run this time keep their figures from the last run of this label
        report["engines"] = json.loads(out.read_text())["engines"] | report["engines"]
    out.write_text(json.dumps(report, indent=1) + "\n")
    print(table([(LABEL, report)]))
    scale, verdicts = scale_table([(LABEL, report)])
    print("\n" + scale + "\n" + "\n".join(verdicts))
    for engine, figures in report["engines"].items():
        if figures.get("phases"):
            print(f"\n{engine} phases (ms per item, under cProfile):")
            print("\n".join(f"  {label:55} {ms:8.3f}" for label, ms in figures["phases"]))
        if figures.get("profile"):
            print(f"\n{engine} profile:\n{figures['profile']}")
    if os.environ.get("BENCH_NO_DOC") != "1":
        write_doc()
        log("wrote docs/performance.md")
    log(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] == ["doc"]:  # rewrite the section from the results present, e.g. after merging runs
        write_doc()
    elif len(sys.argv) > 1:
        print(json.dumps(child(sys.argv[1])))
    else:
        main()
