# ruff: noqa: S603, S607, S608  (a benchmark driving local tools with its own fixed inputs)
"""`make bench-latency`: from a file landing in a drop folder to the story a reader sees through Varnish.

One run, on PostgreSQL, with the real processes of a deployment on loopback: gunicorn, Varnish
configured by deploy/varnish/copydesk.vcl (purged by the application), and `copydesk worker`
(WORKERS processes, the scheduler in the first). Two agencies deliver into drop folders:

  backlog  BACKLOG files of one invented story each (bench/ingest.py's generator), all dropped at
           the start, published automatically into the "Wire" section;
  flash    one story every PROBE_EVERY seconds, PROBES of them, dropped while the backlog is being
           ingested, published automatically into the "Flash" section.

For each flash story the bench notes when its file landed (renamed into the folder, as agencies'
transfer tools do) and polls the Flash section front through Varnish every 50 ms until the
headline is on it: that interval is what a reader waits for the story. Reported: p50, p95 and max
of that latency, how many backlog files were still waiting when each flash landed, and the
backlog's ingest rate meanwhile. The target (issue 13, point 5) is p95 at most 2 s.

Environment: BACKLOG (default 10000), PROBES (30), PROBE_EVERY (2.0 seconds), WORKERS (2),
BENCH_QUEUE (database or redis; default database), BENCH_NO_DOC=1 (print and write JSON only).
Writes bench/results/latency-<queue>.json and the "## Drop folder to reader" section of
docs/performance.md from every latency-*.json present.
"""

import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from ingest import ninjs_file, stories  # noqa: E402  (the same invented agency copy)
from pages import (  # noqa: E402
    BIN,
    PG,
    REDIS_URL,
    Server,
    free_port,
    psql,
    replace_doc_section,
    start_varnish,
    wait_ready,
    which,
)
from search import machine  # noqa: E402

RESULTS = ROOT / "bench" / "results"
BACKLOG = int(os.environ.get("BACKLOG", "10000"))
PROBES = int(os.environ.get("PROBES", "30"))
PROBE_EVERY = float(os.environ.get("PROBE_EVERY", "2.0"))
WORKERS = int(os.environ.get("WORKERS", "2"))
QUEUE = os.environ.get("BENCH_QUEUE", "database")
DB = "bench_latency"
SECRET = "copydesk-bench-only-" + "l" * 40
SECTION_TITLE = "## Drop folder to reader"
# This checkout's code, whichever checkout the virtualenv's `copydesk` script was installed from.
COPYDESK = [sys.executable, "-m", "copydesk"]
POLL = 0.05
GIVE_UP = 60.0  # a flash story not seen after this long counts as this long


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def env_for(var_dir, purge_url=""):
    return {
        **os.environ,
        "DATABASE_URL": f"{PG}/{DB}",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "COPYDESK_VAR_DIR": str(var_dir),
        "WIRE_DROP_ROOT": str(var_dir / "drop"),
        "COPYDESK_PAGE_CACHE": "0",
        "REDIS_URL": REDIS_URL,
        "COPYDESK_TASKS_BACKEND": QUEUE,
        "COPYDESK_PURGE_URLS": purge_url,
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }


SETUP = """
from copydesk.newsroom.models import Agency, Section
from copydesk.wire.models import Source
for n, (name, slug, agency) in enumerate([("Wire", "wire", "Backlog Agency"), ("Flash", "flash", "Flash Agency")]):
    section = Section.objects.create(name=name, slug=slug, order=n + 1)
    agency = Agency.objects.create(name=agency, credit=agency)
    Source.objects.create(name=agency.name, agency=agency, transport="folder", folder="{drop}/" + slug,
                          format="ninjs", poll_interval=1, section=section, rule="publish")
"""


def prepare(var_dir):
    psql(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{DB}"')
    env = env_for(var_dir)
    copydesk = COPYDESK
    subprocess.run([*copydesk, "migrate", "--noinput", "-v0"], check=True, env=env, cwd=ROOT)
    subprocess.run([*copydesk, "collectstatic", "--noinput", "-v0"], check=True, env=env, cwd=ROOT)
    for folder in ("wire", "flash"):
        (var_dir / "drop" / folder).mkdir(parents=True)
    setup = SETUP.replace("{drop}", str(var_dir / "drop"))
    subprocess.run([*copydesk, "shell", "-c", setup], check=True, env=env, cwd=ROOT)


def drop(folder: Path, name: str, data: bytes) -> float:
    """Land a file as an agency's transfer does: written under a hidden name, then renamed in."""
    hidden = folder / f".{name}.part"
    hidden.write_bytes(data)
    os.rename(hidden, folder / name)
    return time.monotonic()


def waiting(folder: Path) -> int:
    return sum(1 for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def front_has(base: str, headline: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/flash/", timeout=5) as response:  # noqa: S310
            return headline.encode() in response.read()
    except OSError:
        return False


def run():
    tmp = Path(tempfile.mkdtemp(prefix="copydesk-latency-"))
    var_dir = tmp / "var"
    var_dir.mkdir()
    servers = []
    try:
        log(f"database {DB}, queue {QUEUE}, {WORKERS} worker processes")
        prepare(var_dir)
        psql("SELECT 1", DB)
        port = free_port()
        # gunicorn first with no purge URL known; Varnish needs its port, and gunicorn needs Varnish's.
        varnish_port = free_port()
        env = env_for(var_dir, purge_url=f"http://127.0.0.1:{varnish_port}/")
        gunicorn = Server(
            "gunicorn",
            [str(BIN / "gunicorn"), "copydesk.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2",
             "--log-level", "warning"],  # fmt: skip
            env=env, cwd=ROOT, log_path=tmp / "gunicorn.log",
        )  # fmt: skip
        servers.append(gunicorn)
        wait_ready(f"http://127.0.0.1:{port}", server=gunicorn)
        varnish, base, _ = start_varnish(port, tmp, port=varnish_port)
        servers.append(varnish)
        wait_ready(base, "/flash/")

        log(f"writing {BACKLOG:,} backlog files")
        backlog = tmp / "backlog"
        backlog.mkdir()
        sent = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)
        for story in stories(7, BACKLOG):
            story.pop("rewrite_of", None)
            (backlog / f"story-{story['n']:06d}.json").write_bytes(ninjs_file("backlog", [story], sent))
        flashes = stories(11, PROBES)

        worker_logs = []
        for n in range(WORKERS):
            args = [*COPYDESK, "worker"] + ([] if n == 0 else ["--no-scheduler"])
            worker_logs.append(tmp / f"worker-{n}.log")
            servers.append(Server(f"worker {n}", args, env=env, cwd=ROOT, log_path=worker_logs[-1]))

        log("dropping the backlog")
        wire_folder = var_dir / "drop" / "wire"
        for path in sorted(backlog.iterdir()):
            os.rename(path, wire_folder / path.name)
        started = time.monotonic()

        results = []
        flash_folder = var_dir / "drop" / "flash"
        for i, story in enumerate(flashes):
            next_at = started + (i + 1) * PROBE_EVERY
            time.sleep(max(0.0, next_at - time.monotonic()))
            headline = f"Flash {i:03d} {story['headline']}"
            story = story | {"headline": headline, "n": 100000 + i}
            left = waiting(wire_folder)
            landed_at = time.time()
            landed = drop(flash_folder, f"flash-{i:03d}.json", ninjs_file("flash", [story], sent))
            while not front_has(base, headline):
                if time.monotonic() - landed > GIVE_UP:
                    break
                time.sleep(POLL)
            seen = min(time.monotonic() - landed, GIVE_UP)
            results.append({"latency": seen, "backlog_waiting": left, "landed_at": landed_at,
                            "name": f"flash-{i:03d}.json", "headline": headline})  # fmt: skip
            log(f"flash {i + 1}/{PROBES}: {seen:.2f} s ({left:,} backlog files waiting)")
        elapsed = time.monotonic() - started
        steps = breakdown(results)
        stories_live = int(psql("SELECT count(*) FROM newsroom_article WHERE status = 'published'", DB))
        left = waiting(wire_folder)
        for server in reversed(servers):
            server.stop()
        latencies = sorted(r["latency"] for r in results)
        figures = {
            "queue": QUEUE,
            "workers": WORKERS,
            "backlog": BACKLOG,
            "probes": PROBES,
            "probe_every": PROBE_EVERY,
            "p50": statistics.median(latencies),
            "p95": latencies[max(0, round(0.95 * len(latencies)) - 1)],
            "max": latencies[-1],
            "over_2s": sum(1 for v in latencies if v > 2.0),
            "backlog_waiting_first": results[0]["backlog_waiting"],
            "backlog_waiting_last": results[-1]["backlog_waiting"],
            "backlog_done": BACKLOG - left,
            "seconds": elapsed,
            "stories_live": stories_live,
            "steps": steps,
            "machine": machine(),
            "postgresql": psql("SHOW server_version"),
            "run": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        }
        return figures
    finally:
        for server in reversed(servers):
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def breakdown(results):
    """Median seconds from landing to the task starting, to the story live, to a reader seeing it."""
    started, live = [], []
    for r in results:
        row = psql(
            "SELECT extract(epoch FROM d.received_at), extract(epoch FROM a.first_published_at) "
            "FROM wire_delivery d, newsroom_article a "
            f"WHERE d.name = '{r['name']}' AND a.headline = '{r['headline']}'",
            DB,
        )
        if row:
            received, published = (float(v) for v in row.splitlines()[0].split("|"))
            started.append(received - r["landed_at"])
            live.append(published - r["landed_at"])
    if not started:
        return {}
    return {"task_started": statistics.median(started), "story_live": statistics.median(live),
            "reader_sees": statistics.median(r["latency"] for r in results)}  # fmt: skip


def doc():
    rows, notes = [], []
    for path in sorted(RESULTS.glob("latency-*.json")):
        f = json.loads(path.read_text())
        notes.append(f"- *{f['queue']}*: run {f['run']}, PostgreSQL {f['postgresql']}; "
                     f"{f['machine']['cpus']} CPUs ({f['machine']['cpu_model']}).")  # fmt: skip
        rows.append(
            f"| {f['queue']} | {f['workers']} | {f['backlog']:,} | {f['backlog_done']:,} in {f['seconds']:.0f} s "
            f"| {f['probes']} every {f['probe_every']:g} s | {f['p50']:.2f} | {f['p95']:.2f} | {f['max']:.2f} "
            f"| {f['over_2s']} | {f['backlog_waiting_first']:,} → {f['backlog_waiting_last']:,} |"
        )
    body = "\n".join(
        [
            SECTION_TITLE,
            "",
            "`bench/latency.py` (`make bench-latency`): from a file landing in a drop folder to the story on",
            "its section front through Varnish (deploy/varnish/copydesk.vcl, purged by the application), while",
            "another agency's backlog of one-story files is being ingested and published by the same workers.",
            "A flash story lands every few seconds; the bench polls the front through Varnish every 50 ms.",
            "Target (issue 13, point 5): p95 at most 2 s.",
            "",
            "| queue | worker processes | backlog files | backlog ingested meanwhile | flash stories | p50 s "
            "| p95 s | max s | over 2 s | backlog files waiting (first → last flash) |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
            *rows,
            "",
            *notes,
        ]
    )
    replace_doc_section(SECTION_TITLE, body)


def main():
    if sys.argv[1:] == ["doc"]:
        doc()
        return
    if not which("varnishd"):
        sys.exit("varnishd is needed: apt-get install varnish")
    figures = run()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"latency-{QUEUE}.json").write_text(json.dumps(figures, indent=1) + "\n")
    print(json.dumps(figures, indent=1))
    if not os.environ.get("BENCH_NO_DOC"):
        doc()


if __name__ == "__main__":
    main()
