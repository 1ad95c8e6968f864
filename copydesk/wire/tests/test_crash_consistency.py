"""End to end: a drop-folder backlog survives the worker and PostgreSQL being killed -9, again and again.

A private PostgreSQL cluster (crash-safe commits: a killed server keeps what it acknowledged) and
`copydesk worker` as a real process read 2,000 agency items in files of ten. The worker is killed
-9 at random moments and started again, and the database is killed -9 twice and restarted; at the
end every item is stored exactly once, every file has exactly one delivery record and sits in
done/, and nothing is left in processing/. The source holds its stories for the desk, so the
test measures ingest, not publishing.
"""

import contextlib
import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from copydesk.public.tests.servers import (
    ROOT,
    VENV_BIN,
    PostgresServer,
    copydesk,
    copydesk_env,
    postgres_bin_dir,
    stop_process,
    tail,
)
from copydesk.public.tests.test_faults import missing, scratch

pytestmark = pytest.mark.e2e

FILES, PER_FILE = int(os.environ.get("CRASH_FILES", "200")), 10
WORKER_KILLS, DATABASE_KILLS = 6, 2
# A bound, not a measure: the backlog takes far less on a quiet machine (see the printed figures).
DEADLINE = 600
SYLLABLES = [
    "ba",
    "ke",
    "lo",
    "mi",
    "nu",
    "ra",
    "se",
    "ti",
    "vo",
    "wy",
    "dra",
    "fen",
    "gol",
    "hib",
    "jus",
    "kor",
    "lan",
    "mep",
    "nis",
    "pul",
    "qua",
    "rest",
    "sov",
    "tam",
]


def text(rng, words):
    """Made-up words: items must not look alike, or the near-duplicate check would dominate the timing."""
    return " ".join("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(words))


class CrashSafePostgres(PostgresServer):
    """fsync stays off (the machine does not crash, only the server), but commits are synchronous:
    with synchronous_commit off a killed server forgets commits it has already acknowledged."""

    def start(self):
        options = f"-p {self.port} -h 127.0.0.1 -k {self.sockets} -c fsync=off -c full_page_writes=off"
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start"
        )

    def kill(self):
        """kill -9 the postmaster and every backend it started."""
        postmaster = self.pid
        os.kill(postmaster, signal.SIGSTOP)  # no backend forked after the listing survives as an orphan
        children = [pid for pid in _pids() if _parent(pid) == postmaster]
        for pid in [postmaster, *children]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in [postmaster, *children]) and time.monotonic() < deadline:
            time.sleep(0.05)
        # The dead postmaster may stay a zombie for a while (nobody here reaps it), and PostgreSQL
        # would take the zombie for a running server.
        (self.data / "postmaster.pid").unlink(missing_ok=True)
        for lock in self.sockets.glob(".s.PGSQL.*"):
            lock.unlink(missing_ok=True)


def _pids():
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def _parent(pid):
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def write_backlog(folder: Path):
    rng = random.Random(2026)
    for n in range(FILES):
        items = [
            {
                "uri": f"urn:crash:{n}:{i}",
                "version": "1",
                "versioncreated": "2026-11-20T09:00:00Z",
                "headlines": [{"value": text(rng, 7).capitalize()}],
                "bodies": [{"value": f"<p>{text(rng, 60)}.</p>"}],
            }
            for i in range(PER_FILE)
        ]
        (folder / f"{n:04}.json").write_text(json.dumps({"items": items}))


SETUP = """
from copydesk.newsroom.models import Agency, Section
from copydesk.wire.models import Source
agency = Agency.objects.create(name="Crash Test Wire", credit="CTW")
section = Section.objects.create(name="Wire", slug="wire", order=1)
Source.objects.create(name="drop", agency=agency, section=section, transport="folder", folder={folder!r},
                      format="ninjs", rule="hold", poll_interval=1)
"""

TALLY = """
import json
from django.db.models import Count
from copydesk.wire.models import Delivery, WireItem, WireVersion
deliveries = list(Delivery.objects.values("name", "counts", "position", "completed_at", "error", "attempts"))
print(json.dumps({
    "items": WireItem.objects.count(),
    "guids": WireItem.objects.values("guid").distinct().count(),
    "versions": WireVersion.objects.count(),
    "deliveries": len(deliveries),
    "names": len({d["name"] for d in deliveries}),
    "counted": sum(sum(d["counts"].values()) for d in deliveries),
    "unfinished": [d["name"] for d in deliveries if d["completed_at"] is None or d["position"] != 10],
    "errors": [d["error"] for d in deliveries if d["error"]],
    "resumed": sum(d["attempts"] > 1 for d in deliveries),
}))
"""


class Worker:
    def __init__(self, env, log):
        self.env, self.log, self.proc, self.starts = env, log, None, 0

    def start(self):
        with open(self.log, "ab") as log:
            # A session of its own: the kill takes the scheduler and its task processes at once.
            self.proc = subprocess.Popen(
                [str(VENV_BIN / "copydesk"), "worker", "--interval", "0.2"],
                env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        self.starts += 1

    def pids(self):
        """The worker and its task processes (which claim the files)."""
        try:
            children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
        except OSError:
            children = []
        return [self.proc.pid, *map(int, children)]

    def kill(self):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)


def reading(drop: Path, worker: Worker, timeout=60):
    """Wait until the worker (one of its task processes) has claimed a file under its own name."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not backlog_done(drop):
        marks = [f",{pid}," for pid in worker.pids()]
        if any(mark in p.name for p in (drop / "processing").iterdir() for mark in marks):
            return
        time.sleep(0.02)


def backlog_done(drop: Path):
    left = [p for p in drop.iterdir() if p.is_file()] + list((drop / "processing").iterdir())
    return not left and len(list((drop / "done").iterdir())) == FILES


def test_killed_worker_and_database_lose_no_item_and_store_none_twice():
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        missing("PostgreSQL server binaries not found: apt-get install postgresql")
    with scratch() as workdir:
        pg = CrashSafePostgres(bin_dir, workdir / "pg")
        worker = None
        try:
            begun = time.monotonic()
            pg.init_migrated("copydesk_crash")
            print(f"migrated cluster {time.monotonic() - begun:.1f} s")
            drop = workdir / "dropbox" / "ctw"  # drop folders must lie inside WIRE_DROP_ROOT
            env = copydesk_env(workdir / "var", DATABASE_URL=pg.url("copydesk_crash"), PYTHONPATH=ROOT,
                               WIRE_DROP_ROOT=drop.parent)  # fmt: skip
            for sub in ("processing", "done", "failed"):
                (drop / sub).mkdir(parents=True)
            write_backlog(drop)
            copydesk(env, "shell", "-c", SETUP.format(folder=str(drop)))

            rng = random.Random()
            seed = rng.randrange(1 << 30)
            rng.seed(seed)
            print(f"chaos seed {seed}")
            worker = Worker(env, workdir / "worker.log")
            started = time.monotonic()
            worker.start()
            # Database kills fall among the worker kills, at random places.
            kills = ["worker"] * WORKER_KILLS + ["database"] * DATABASE_KILLS
            rng.shuffle(kills)
            for kill in kills:
                # A random moment once the (re)started worker is reading, not while Python boots.
                reading(drop, worker)
                time.sleep(rng.uniform(0.0, 1.5))
                if backlog_done(drop):
                    break
                if kill == "worker":
                    worker.kill()
                    worker.start()
                else:
                    pg.kill()
                    time.sleep(rng.uniform(0.2, 2.0))
                    pg.start()
            chaos_ended = time.monotonic()
            while not backlog_done(drop) and time.monotonic() - started < DEADLINE:
                time.sleep(0.2)
            finished = time.monotonic()
            print(
                f"{FILES * PER_FILE} items: chaos {chaos_ended - started:.1f} s, all stored after "
                f"{finished - started:.1f} s; worker started {worker.starts} times"
            )
            stop_process(worker.proc)
            tally = json.loads(copydesk(env, "shell", "-c", TALLY).stdout.strip().splitlines()[-1])
            print(tally)
            assert backlog_done(drop), (
                f"left after {DEADLINE} s: {sorted(p.name for p in drop.iterdir())[:5]} "
                f"processing {sorted(p.name for p in (drop / 'processing').iterdir())}\n{tail(worker.log)}"
            )
            assert not list((drop / "failed").iterdir())
            assert tally["items"] == tally["guids"] == tally["versions"] == FILES * PER_FILE
            assert tally["deliveries"] == tally["names"] == FILES, "one delivery record per file"
            assert tally["counted"] == FILES * PER_FILE, "each item counted once, in its file's delivery"
            assert tally["unfinished"] == [] and tally["errors"] == []
        finally:
            if worker:
                stop_process(worker.proc)
                print(f"--- worker log ---\n{tail(worker.log, int(os.environ.get('CRASH_LOG_LINES', '20')))}")
            pg.stop("immediate")
