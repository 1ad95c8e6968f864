# ruff: noqa: S603, S607, S608  (a benchmark driving local tools with its own fixed inputs)
"""Search latency, feed and sitemap generation time and `reindex` time over a generated archive.

For each engine: create (or reuse) a database of ARTICLES synthetic published stories with
`copydesk generate`, empty the search index and time `copydesk reindex` rebuilding it, then time
the whole `/search/` page (Django's test client in one process, page cache off, so every request
runs the search) for a fixed list of about 200 queries: common and rare single words, two and
three words, phrases, and the same with section, author and date filters and newest-first order.
Every query runs once to warm the caches, then once timed. Then every kind of feed and sitemap is
built FEED_RUNS times each (page cache off) and its median time and query count recorded. Prints
markdown tables, writes
bench/results/search.json and the "## Search benchmark (bench/search.py)" section of
docs/performance.md.

Environment: ARTICLES (default 100000; 2000 for a quick smoke run), BENCH_ENGINES (default
"postgresql,sqlite"), BENCH_FEED_RUNS (7), BENCH_REUSE_INDEX=1 (measure again without rebuilding
the index, keeping the last run's reindex times). PostgreSQL runs at 127.0.0.1:5432 in its own database
(copydesk_bench_search, or copydesk_bench_search_<n> for other sizes); SQLite in
var/bench/search-<n>.sqlite3. Existing articles are reused and only the missing ones generated.
"""

import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from pages import psql, replace_doc_section  # bench/pages.py: the same PostgreSQL and document

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DOC = ROOT / "docs" / "performance.md"
VAR = ROOT / "var" / "bench"
BIN = Path(sys.executable).parent
ARTICLES = int(os.environ.get("ARTICLES", "100000"))
ENGINES = [e.strip() for e in os.environ.get("BENCH_ENGINES", "postgresql,sqlite").split(",") if e.strip()]
PG = "postgres://postgres@127.0.0.1:5432"
SECRET = "copydesk-bench-only-" + "s" * 40
SECTION_TITLE = "## Search, feed and sitemap benchmark (bench/search.py)"
FEED_RUNS = int(os.environ.get("BENCH_FEED_RUNS", "7"))
# BENCH_REUSE_INDEX=1: keep the index already built and the reindex times of the last run's results,
# to measure queries again on a quiet machine without rebuilding (minutes at 100,000 stories).
REUSE_INDEX = os.environ.get("BENCH_REUSE_INDEX") == "1"
SUFFIX = "" if ARTICLES == 100_000 else f"_{ARTICLES}"


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# The queries --------------------------------------------------------------------------------------
# Words from copydesk/demo/synthetic.py, whose vocabulary is small: a common word there matches a
# large share of the archive, which is the hard case for ranking. Rare words match nothing or little.

COMMON = [
    "council",
    "harbour",
    "budget",
    "tram",
    "school",
    "flood",
    "festival",
    "library",
    "ferry",
    "stadium",
]
COMMON += ["approves", "delays", "residents", "consultation", "permits", "Millbank", "Northgate", "Brinmoor"]
COMMON += ["Saltmarsh", "Larchfield"]
RARE = ["zeppelin", "quokka", "marzipan", "tectonic", "aardvark", "obsidian", "kumquat", "yodel", "sextant"]
RARE += ["walrus", "45", "57", "abstaining", "hearing", "spring", "minutes", "objections", "Thursday"]
RARE += ["neighbouring", "spokesperson"]
PAIRS = [
    "council housing",
    "tram line",
    "flood barrier",
    "school meals",
    "rent cap",
    "heat pump",
    "night bus",
]
PAIRS += ["ferry timetable", "road repairs", "stadium lighting", "library hours", "youth sports"]
PAIRS += ["harbour Millbank", "council Northgate", "budget Brinmoor", "festival Saltmarsh", "permits spring"]
PAIRS += ["residents noise", "committee minutes", "independent review", "traffic concerns"]
PAIRS += ["recycling contract", "water utility", "rowing club", "energy co-op", "parks department"]
PAIRS += ["zeppelin council", "quokka harbour", "transit board", "regional court"]
PHRASES = [f'"{p}"' for p in PAIRS[:12]]
PHRASES += ['"plan for riverside housing"', '"budget for road repairs"', '"new tram line"']
PHRASES += ['"flood barrier upgrade"', '"rent cap proposal"', '"heat pump grants"', '"chamber of commerce"']
PHRASES += ['"tenants union"', '"weather service"', '"hospital trust"', '"arts council"', '"port workers"']
PHRASES += [
    '"football club"',
    '"university lab"',
    '"library board"',
    '"school district"',
    '"harbour authority"',
]
PHRASES += ['"independent review"', '"committee meeting"']
LONGER = [
    "council approves housing plan",
    "harbour authority delays ferry timetable",
    "transit board night bus trial Northgate",
    "school district funds school meals scheme",
    "flood barrier upgrade Saltmarsh Green",
    "residents raised concerns about noise and traffic",
    "decision followed weeks of consultation",
    "work expected to begin in the spring",
    "library board extends library hours",
    "energy co-op launches heat pump grants",
    "arts council backs festival licence",
    "port workers question recycling contract",
    "weather service reviews flood barrier",
    "hospital trust pauses rent cap proposal",
    "rowing club opens youth sports fund",
    "city council cuts budget for road repairs in Millbank",
    "football club revises stadium lighting plan",
    "university lab questions water utility",
    "parks department backs night bus trial",
    "regional court rejects festival licence in Old Quay",
]
SECTIONS = ["local", "politics", "business", "world", "science", "culture", "sport"]
AUTHORS = ["alex", "sam", "noor", "ines", "kofi", "mira", "tariq", "lena", "oskar", "yara"]


def queries():
    """(category, path) pairs: the same list, in the same order, on every run."""
    year = datetime.datetime.now(datetime.UTC).year
    asked = [("one common word", {"q": q}) for q in COMMON]
    asked += [("one rare word", {"q": q}) for q in RARE]
    asked += [("two words", {"q": q}) for q in PAIRS]
    asked += [("phrase", {"q": q}) for q in PHRASES]
    asked += [("three or more words", {"q": q}) for q in LONGER]
    for n, q in enumerate(COMMON + PAIRS[:10]):
        asked.append(("+ section", {"q": q, "section": SECTIONS[n % len(SECTIONS)]}))
        asked.append(("+ author", {"q": q, "author": f"{AUTHORS[n % len(AUTHORS)]}-synthetic"}))
    for n, q in enumerate(COMMON):
        y = year - 1 - n % 4
        asked.append(("+ dates (one year)", {"q": q, "from": f"{y}-01-01", "to": f"{y}-12-31"}))
        asked.append(("newest first", {"q": q, "sort": "newest"}))
    for n, q in enumerate(PAIRS[:10]):
        filters = {"section": SECTIONS[n % len(SECTIONS)], "from": f"{year - 2}-01-01", "sort": "newest"}
        asked.append(("+ all filters, newest", {"q": q, **filters}))
    return [(category, "/search/?" + urlencode(params)) for category, params in asked]


# Running ------------------------------------------------------------------------------------------


def engine_env(engine):
    var_dir = VAR / f"search-var{SUFFIX}"
    var_dir.mkdir(parents=True, exist_ok=True)
    url = (
        f"{PG}/copydesk_bench_search{SUFFIX}"
        if engine == "postgresql"
        else f"sqlite:///{VAR / f'search{SUFFIX}.sqlite3'}"
    )
    return {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "COPYDESK_VAR_DIR": str(var_dir),
        "COPYDESK_PAGE_CACHE": "0",
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }


def copydesk(engine, *args, quiet=False):
    kwargs = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL} if quiet else {}
    subprocess.run([str(BIN / "copydesk"), *args], check=True, env=engine_env(engine), cwd=ROOT, **kwargs)


def prepare(engine):
    """Create, migrate and fill this engine's database; reuse the articles already there."""
    if engine == "postgresql":
        db = f"copydesk_bench_search{SUFFIX}"
        if not psql(f"SELECT 1 FROM pg_database WHERE datname = '{db}'"):
            log(f"createdb {db}")
            psql(f'CREATE DATABASE "{db}"')
    copydesk(engine, "migrate", "--noinput", "-v0")
    copydesk(engine, "collectstatic", "--noinput", "-v0")
    have = count(engine)
    if have < ARTICLES:
        log(f"{engine}: {have:,} articles, generating {ARTICLES - have:,}")
        started = time.monotonic()
        copydesk(engine, "generate", "--articles", str(ARTICLES - have))
        log(f"{engine}: generated in {time.monotonic() - started:.0f} s")
    else:
        log(f"{engine}: reusing {have:,} articles")
    if engine == "postgresql":
        psql("VACUUM ANALYZE", f"copydesk_bench_search{SUFFIX}")  # as autovacuum would in production
    return count(engine)


def count(engine):
    return int(in_child(engine, "count")["articles"])


def reindex(engine):
    """Empty the index, then time `copydesk reindex` rebuilding it (wall clock, in its own process)."""
    in_child(engine, "empty-index")
    started = time.monotonic()
    copydesk(engine, "reindex", quiet=True)
    seconds = time.monotonic() - started
    if engine == "postgresql":
        psql("VACUUM ANALYZE", f"copydesk_bench_search{SUFFIX}")
    return seconds


def in_child(engine, task):
    """Run one task of this script in a process set up for the engine; return its JSON answer."""
    out = subprocess.run(
        [sys.executable, __file__, task],
        check=True,
        env={**engine_env(engine), "DJANGO_SETTINGS_MODULE": "copydesk.settings"},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


# In the child process -----------------------------------------------------------------------------


def child(task):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from wagtail.search.models import IndexEntry

    from copydesk.newsroom.models import Article

    if task == "count":
        return {"articles": Article.objects.filter(status="published").count()}
    if task == "empty-index":
        IndexEntry.objects.all()._raw_delete(connection.alias)
        return {}
    if task == "feeds":
        return {"feeds": time_feeds_and_sitemaps()}
    client = Client()
    timings = []
    for _, path in queries():
        response = client.get(path)  # warm-up: the database's and the OS's caches
        assert response.status_code == 200, (path, response.status_code)
    for category, path in queries():
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        results = response.content.count(b'class="card search-result"')
        stopped = b"shown newest first" in response.content  # ranking ran past its time limit
        timings.append(
            {"category": category, "path": path, "ms": elapsed, "results": results, "stopped": stopped}
        )
    return {"timings": timings, "sqlite": connection.vendor == "sqlite" and sqlite_version()}


def feed_and_sitemap_paths():
    """One URL of every kind of feed and sitemap, for the busiest section, author and tag."""
    from django.db.models import Count
    from django.utils import timezone
    from taggit.models import Tag

    from copydesk.newsroom.models import Article, Author, Section

    live = Article.objects.live()
    section = Section.objects.annotate(n=Count("articles")).order_by("-n").first()
    author = Author.objects.annotate(n=Count("article_links")).order_by("-n").first()
    tag = Tag.objects.annotate(n=Count("newsroom_articletag_items")).order_by("-n").first()
    newest = timezone.localtime(live.first().first_published_at)
    return {
        "site RSS": "/feeds/rss.xml",
        "site Atom": "/feeds/atom.xml",
        "site JSON Feed": "/feeds/feed.json",
        "section RSS": f"/feeds/sections/{section.slug}/rss.xml",
        "author Atom": f"/feeds/authors/{author.slug}/atom.xml",
        "tag JSON Feed": f"/feeds/tags/{tag.slug}/feed.json",
        "sitemap index": "/sitemap.xml",
        "month sitemap (newest month)": f"/sitemaps/articles-{newest:%Y-%m}.xml",
        "sections sitemap": "/sitemaps/sections.xml",
        "authors sitemap": "/sitemaps/authors.xml",
        "tags sitemap": "/sitemaps/tags.xml",
        "Google News sitemap": "/sitemaps/news.xml",
    }


def time_feeds_and_sitemaps():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, rows = Client(), {}
    for name, path in feed_and_sitemap_paths().items():
        client.get(path)  # warm-up
        times = []
        for _ in range(FEED_RUNS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
        rows[name] = {
            "path": path,
            "status": response.status_code,
            "bytes": len(response.content),
            "queries": len(queries),
            "p50": statistics.median(times),
            "max": max(times),
        }
    return rows


def feed_table(report):
    engines = [e for e in ENGINES if e in report["engines"]]
    head = (
        "| Feed or sitemap | " + " | ".join(f"{e} ms (median) | {e} queries" for e in engines) + " | size |"
    )
    lines = [head, "|---|" + "---:|---:|" * len(engines) + "---:|"]
    first = report["engines"][engines[0]]["feeds"]
    for name, row in first.items():
        cells = " | ".join(
            f"{fmt(report['engines'][e]['feeds'][name]['p50'])} | {report['engines'][e]['feeds'][name]['queries']}"
            for e in engines
        )
        size = f"{row['bytes'] / 1024:,.0f} KB" if row["status"] == 200 else f"answer {row['status']}"
        lines.append(f"| {name} | {cells} | {size} |")
    return "\n".join(lines)


def sqlite_version():
    import sqlite3

    return sqlite3.sqlite_version


# Report -------------------------------------------------------------------------------------------


def p95(values):
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def summary(timings):
    rows = {"all queries": timings}
    for t in timings:
        rows.setdefault(t["category"], []).append(t)
    return {
        name: {
            "n": len(ts),
            "p50": statistics.median(t["ms"] for t in ts),
            "p95": p95([t["ms"] for t in ts]),
            "stopped": sum(t["stopped"] for t in ts),
        }
        for name, ts in rows.items()
    }


def fmt(ms):
    return f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"


def table(report):
    engines = [e for e in ENGINES if e in report["engines"]]
    head = "| Queries | n | " + " | ".join(f"{e} p50 ms | {e} p95 ms" for e in engines) + " |"
    rule = "|---|---:|" + "---:|---:|" * len(engines)
    first = report["engines"][engines[0]]["summary"]
    lines = [head, rule]
    for name, row in first.items():
        cells = []
        for e in engines:
            s = report["engines"][e]["summary"][name]
            cells.append(f"{fmt(s['p50'])} | {fmt(s['p95'])}")
        lines.append(f"| {name} | {row['n']} | " + " | ".join(cells) + " |")
    reindex = " | ".join(
        f"{report['engines'][e]['reindex_s']:.1f} s | {report['engines'][e]['articles'] / report['engines'][e]['reindex_s']:,.0f}/s"
        for e in engines
    )
    lines.append(f"| `copydesk reindex` from empty (time, stories a second) | | {reindex} |")
    stopped = " | ".join(f"{report['engines'][e]['summary']['all queries']['stopped']} | " for e in engines)
    lines.append(f"| ranking stopped at the time limit, newest first instead (queries) | | {stopped}|")
    return "\n".join(lines)


def write_doc(report):
    m = report["machine"]
    articles = ", ".join(f"{e}: {r['articles']:,}" for e, r in report["engines"].items())
    lines = [
        SECTION_TITLE,
        "",
        f"`bench/search.py`, run {report['date']}, {report['runtime_s']:.0f} s wall clock, with "
        f"generated published articles ({articles}). Each row is the time of the whole `/search/` page "
        "(Django's test client in one process, page cache off, so every request runs the search, loads "
        "its page of stories and builds the snippets), each query once after a warm-up pass; p95 is the "
        "95th percentile. Wagtail's database backend: PostgreSQL full-text search (`english` "
        "configuration, with the GIN index on `title || body` that copydesk's migration adds) and SQLite "
        "FTS5 (bm25, through `copydesk/search/backends/sqlite.py`). The synthetic archive has a small "
        "vocabulary, so a common word matches most of it: the hard case for ranking by relevance, which "
        "reads every match; “newest first” stops once a page is full. Ranking stops at "
        f"`COPYDESK_SEARCH_RANK_TIMEOUT_MS` ({report['rank_timeout_ms']} ms) and the page shows the newest "
        "matches instead (last row). `copydesk reindex` is timed from an empty index, in its own process"
        + (" (in the run that built the index; this run reused it)." if report.get("reused_index") else "."),
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), Linux {m['kernel']}, Python {m['python']}, "
        f"PostgreSQL {m.get('postgresql', '?')}, SQLite {m.get('sqlite', '?')}.",
        "",
        table(report),
        "",
        f"Feeds and sitemaps at the same size: each built {FEED_RUNS} times after a warm-up, page cache off "
        "(the cost of a cache miss; readers and crawlers normally get the cached copy). Sizes are the "
        "response bodies. The news sitemap lists stories of the last two days, so its size depends on "
        "how many the generator dated then.",
        "",
        feed_table(report),
    ]
    replace_doc_section(SECTION_TITLE, "\n".join(lines) + "\n")


def machine():
    import re

    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"model name\s*:\s*(.*)", cpuinfo)
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model.group(1).strip() if model else platform.processor(),
        "kernel": platform.release(),
        "python": platform.python_version(),
    }


def main():
    started = time.monotonic()
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "articles_asked": ARTICLES,
        "reused_index": REUSE_INDEX,
        "rank_timeout_ms": int(os.environ.get("COPYDESK_SEARCH_RANK_TIMEOUT_MS", "1000")),
        "machine": machine(),
        "engines": {},
    }
    for engine in ENGINES:
        present = prepare(engine)
        if REUSE_INDEX:
            seconds = json.loads((RESULTS / f"search{SUFFIX}.json").read_text())["engines"][engine][
                "reindex_s"
            ]
            log(f"{engine}: reusing the index and the last run's reindex time ({seconds:.0f} s)")
        else:
            log(f"{engine}: timing reindex of {present:,} articles")
            seconds = reindex(engine)
        log(f"{engine}: reindex took {seconds:.1f} s; timing {len(queries())} queries")
        measured = in_child(engine, "measure")
        log(f"{engine}: timing feeds and sitemaps")
        feeds = in_child(engine, "feeds")["feeds"]
        if engine == "postgresql":
            report["machine"]["postgresql"] = psql("SHOW server_version")
        else:
            report["machine"]["sqlite"] = measured["sqlite"]
        report["engines"][engine] = {
            "articles": present,
            "reindex_s": seconds,
            "summary": summary(measured["timings"]),
            "timings": measured["timings"],
            "feeds": feeds,
        }
    report["runtime_s"] = time.monotonic() - started
    (RESULTS / f"search{SUFFIX}.json").write_text(json.dumps(report, indent=1) + "\n")
    print(table(report))
    print(feed_table(report))
    write_doc(report)
    log(f"wrote {DOC.relative_to(ROOT)} and bench/results/search{SUFFIX}.json")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(json.dumps(child(sys.argv[1])))
    else:
        main()
