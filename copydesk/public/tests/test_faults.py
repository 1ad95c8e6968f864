"""End to end: what readers see while PostgreSQL or Redis is down, and after each comes back.

These tests run real processes (a private PostgreSQL cluster or Redis server, migrations,
synthetic articles, gunicorn) on 127.0.0.1 and take about a minute together. They use no
pytest-django database: everything goes through HTTP to gunicorn, as a reader's browser would.
Select or leave them out with `-k faults`.
"""

import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from .servers import Gunicorn, PostgresServer, RedisServer, copydesk_env, postgres_bin_dir, prepare_site, tail

pytestmark = pytest.mark.e2e

OUTAGE_SECONDS = 10
CONNECT_TIMEOUT = 3  # DATABASE_CONNECT_TIMEOUT's default, which the servers here run with
# A stopped server refuses at once, so a 503 should take one connect_timeout at the very most.
QUICK_503_SECONDS = CONNECT_TIMEOUT + 2
# A server that accepts and never answers costs each request a whole connect_timeout, and the
# request may first wait that long for a worker busy with another: longer, but no hang.
FROZEN_503_SECONDS = 2 * CONNECT_TIMEOUT + 2
RECOVERY_SECONDS = 10
LOAD_THREADS = 4

ARTICLE_HREF = re.compile(r'href="(/(?!authors/|tags/|static/|media/|admin/|documents/)[\w-]+/[^/"?#]+/)"')
SECTION_HREF = re.compile(r'href="(/(?!corrections/)[\w-]+/)"')


def missing(what):
    """Fail in CI, where every dependency is installed on purpose; skip on a laptop without it."""
    message = f"{what} (CI is set, so this is an error, not a skip)." if os.environ.get("CI") else what
    (pytest.fail if os.environ.get("CI") else pytest.skip)(message)


@pytest.fixture(autouse=True)
def quiet_httpx(caplog):
    """httpx logs every request at INFO; thousands of them would bury the summary lines."""
    caplog.set_level(logging.WARNING, logger="httpx")


@contextmanager
def scratch():
    # Not pytest's tmp_path: its parent is private to root, and PostgreSQL runs as `postgres`.
    path = Path(tempfile.mkdtemp(prefix="copydesk-faults-"))
    path.chmod(0o755)  # mkdtemp makes it 0700; the postgres user must pass through to its data folder
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def workdir():
    with scratch() as path:
        yield path


@pytest.fixture(scope="module")
def postgres_site():
    """Copydesk under gunicorn on a private PostgreSQL with 300 articles, the file cache, 1 s freshness."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        missing("PostgreSQL server binaries not found: apt-get install postgresql")
    with scratch() as workdir:
        pg = PostgresServer(bin_dir, workdir / "pg")
        server = None
        try:
            pg.init()
            pg.start()
            pg.create_database("copydesk_faults")
            env = copydesk_env(
                workdir / "var", DATABASE_URL=pg.url("copydesk_faults"), COPYDESK_CACHE_SECONDS=1
            )
            prepare_site(env, articles=300)
            server = Gunicorn(env, workdir)
            server.start()
            yield server, pg
        finally:
            if server:
                server.stop()
                print(f"--- gunicorn log ---\n{tail(server.log)}")
            pg.stop("immediate")
            print(f"--- postgres log ---\n{tail(pg.log, 15)}")


@pytest.fixture
def redis_site(workdir):
    """Copydesk under gunicorn on SQLite with 100 articles, its page cache in a private Redis."""
    executable = shutil.which("redis-server")
    if executable is None:
        missing("redis-server not found: apt-get install redis-server")
    redis = RedisServer(executable, workdir / "redis")
    server = None
    try:
        redis.start()
        env = copydesk_env(
            workdir / "var",
            DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
            REDIS_URL=redis.url,
            COPYDESK_CACHE_SECONDS=300,
        )
        prepare_site(env, articles=100)
        server = Gunicorn(env, workdir)
        server.start()
        yield server, redis
    finally:
        if server:
            server.stop()
            print(f"--- gunicorn log ---\n{tail(server.log)}")
        redis.stop()


# Readers ----------------------------------------------------------------------------------------


@dataclass
class Answer:
    path: str
    started: float
    seconds: float
    status: int | None = None
    cache: str | None = None
    retry_after: str | None = None
    body: str = ""
    error: str | None = None


def fetch(client, base, path) -> Answer:
    started = time.monotonic()
    try:
        response = client.get(base + path)
    except httpx.HTTPError as error:
        return Answer(path, started, time.monotonic() - started, error=repr(error))
    return Answer(
        path,
        started,
        time.monotonic() - started,
        status=response.status_code,
        cache=response.headers.get("X-Copydesk-Cache"),
        retry_after=response.headers.get("Retry-After"),
        body=response.text,
    )


def discover(base):
    """Return (section path, article paths) linked from the front page and every section's first page."""
    with httpx.Client(timeout=30) as client:
        home = client.get(base + "/")
        assert home.status_code == 200
        sections = sorted(set(SECTION_HREF.findall(home.text)))
        articles = dict.fromkeys(ARTICLE_HREF.findall(home.text))
        for section in sections:
            page = client.get(base + section)
            assert page.status_code == 200, f"{section} answered {page.status_code}"
            articles.update(dict.fromkeys(ARTICLE_HREF.findall(page.text)))
    assert sections, "the front page links to no section"
    return sections[0], list(articles)


class Load:
    """Threads that read the given pages over and over until stopped, keeping every answer."""

    def __init__(self, base, paths, threads=LOAD_THREADS):
        self.base, self.paths = base, paths
        self.answers: list[Answer] = []
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(threads)]

    def run(self, n):
        with httpx.Client(timeout=15) as client:
            i = n
            while not self.stopping.is_set():
                self.answers.append(fetch(client, self.base, self.paths[i % len(self.paths)]))
                i += 1

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(30)


def summary(answers):
    if not answers:
        return "no answers"
    seconds = sorted(a.seconds for a in answers)
    outcomes = Counter(a.error and "error" or f"{a.status} {a.cache}" for a in answers)
    return (
        f"{len(answers)} answers {dict(outcomes)}; "
        f"latency median {seconds[len(seconds) // 2] * 1000:.0f} ms, max {seconds[-1] * 1000:.0f} ms"
    )


def bad(answers):
    return [a for a in answers if a.error or a.status != 200]


# PostgreSQL down --------------------------------------------------------------------------------


@dataclass
class Outage:
    load: list  # warmed pages, read over and over by LOAD_THREADS readers throughout
    during: list  # ... those of them asked and answered while the database was away
    after: list  # ... those asked once it was back
    probes: list  # never-visited pages asked while the database was away
    recovery: list  # never-visited pages once it was back: the first 200 of each, or its last failure
    back_after: float  # seconds from "database back" to the first recovered page


def read_through_outage(server, warmed, never_visited, *, fail, restore, seconds=OUTAGE_SECONDS):
    """Keep reading warmed pages while `fail()` takes the database away for `seconds`, then `restore()`."""
    probes, recovery = [], []
    with Load(server.url, warmed) as load, httpx.Client(timeout=30) as client:
        time.sleep(2)
        began = time.monotonic()
        fail()
        down = time.monotonic()
        probes = [fetch(client, server.url, path) for path in never_visited[:4]]
        time.sleep(max(0.0, down + seconds - time.monotonic()))
        restoring = time.monotonic()
        restore()
        up = time.monotonic()
        for path in never_visited:
            deadline = time.monotonic() + RECOVERY_SECONDS
            while (answer := fetch(client, server.url, path)).status != 200 and time.monotonic() < deadline:
                time.sleep(0.2)
            recovery.append(answer)
        time.sleep(max(0.0, up + 3 - time.monotonic()))
    print(
        f"\ndatabase taken away in {down - began:.1f} s, away {restoring - down:.1f} s, back in {up - restoring:.1f} s"
    )
    outage = Outage(
        load=load.answers,
        # restore() returns a little after the database answers again: the outage lies between the calls.
        during=[a for a in load.answers if down <= a.started and a.started + a.seconds <= restoring],
        after=[a for a in load.answers if a.started >= up],
        probes=probes,
        recovery=recovery,
        back_after=recovery[0].started + recovery[0].seconds - up,
    )
    print(f"warmed pages, whole run: {summary(outage.load)}")
    print(f"warmed pages, database away: {summary(outage.during)}")
    print(f"warmed pages, database back: {summary(outage.after)}")
    print(
        "never-visited pages, database away: "
        + ", ".join(f"{a.status or a.error} in {a.seconds:.2f} s" for a in probes)
    )
    print(
        f"never-visited pages, database back: {summary(recovery)}; first 200 {outage.back_after:.2f} s after restore"
    )
    return outage


def pages_to_read(server, first, count=20):
    """Warm the front page, a section and `count` stories; return them and ten stories never asked for."""
    section, articles = discover(server.url)
    assert len(articles) >= first + count + 10, f"only {len(articles)} story links found"
    warmed = ["/", section, *articles[first : first + count]]
    with httpx.Client(timeout=30) as client:
        warming = [fetch(client, server.url, path) for path in warmed]
    assert bad(warming) == [], f"warming failed: {bad(warming)[:3]}"
    return warmed, articles[first + count : first + count + 10]


def assert_readers_were_served_and_site_recovered(server, outage, *, quick_503, min_reads):
    assert bad(outage.load) == [], "a warmed page failed: " + repr(bad(outage.load)[:3])
    assert len(outage.during) >= min_reads, "too few reads while the database was away to say anything"
    assert {a.cache for a in outage.during} <= {"hit", "stale", "stale-if-error"}
    assert "stale-if-error" in {a.cache for a in outage.during}, "no request tried the database and fell back"

    for probe in outage.probes:
        assert probe.error is None, f"{probe.path}: {probe.error}"
        assert probe.status == 503, f"{probe.path} answered {probe.status} while the database was away"
        assert probe.seconds < quick_503, f"{probe.path} took {probe.seconds:.1f} s to answer 503"
        assert probe.retry_after == "30"
        assert "We will be back in a moment" in probe.body

    assert [(a.path, a.status or a.error) for a in outage.recovery if a.status != 200] == [], (
        "pages did not recover"
    )
    assert outage.back_after < RECOVERY_SECONDS
    assert "miss" in {a.cache for a in outage.after}, (
        "no warmed page was rebuilt from the database once it was back"
    )
    assert server.proc.poll() is None, "gunicorn died"


def test_postgresql_stopped_serves_stale_pages_answers_quick_503_and_recovers(postgres_site):
    server, pg = postgres_site
    warmed, never_visited = pages_to_read(server, first=0)
    outage = read_through_outage(
        server, warmed, never_visited, fail=lambda: pg.stop("fast"), restore=pg.start
    )
    assert_readers_were_served_and_site_recovered(server, outage, quick_503=QUICK_503_SECONDS, min_reads=100)
    assert max(a.seconds for a in outage.during) < 1, "stale pages were slow while the database was stopped"


def test_postgresql_not_answering_gives_503_within_the_connect_timeout_and_recovers(postgres_site):
    """A frozen server accepts connections and never answers: only connect_timeout stops a hang."""
    server, pg = postgres_site
    warmed, never_visited = pages_to_read(server, first=30)
    outage = read_through_outage(server, warmed, never_visited, fail=pg.freeze, restore=pg.thaw)
    assert min(probe.seconds for probe in outage.probes) > CONNECT_TIMEOUT - 1, "the frozen database answered"
    assert_readers_were_served_and_site_recovered(server, outage, quick_503=FROZEN_503_SECONDS, min_reads=4)
    # Served, but not quickly: every expired page retries the database, holding a sync worker for
    # a whole connect_timeout, so readers of cached pages queue behind it (seconds, not ms).
    assert max(a.seconds for a in outage.during) < FROZEN_503_SECONDS, "cached pages hung"


# Redis down -------------------------------------------------------------------------------------


def test_redis_outage_serves_pages_from_the_database(redis_site):
    server, redis = redis_site
    section, articles = discover(server.url)
    paths = ["/", section, *articles[:8]]

    with httpx.Client(timeout=30) as client:
        warming = [fetch(client, server.url, path) for path in paths]
        cached = [fetch(client, server.url, path) for path in paths]
        assert bad(warming + cached) == []
        assert {a.cache for a in cached} == {"hit"}, "pages were not cached in Redis to begin with"

        redis.stop()
        down = time.monotonic()
        while_down = [fetch(client, server.url, path) for _ in range(3) for path in paths]
        down_for = time.monotonic() - down

        redis.start()
        back = [fetch(client, server.url, path) for path in paths]
        back_again = [fetch(client, server.url, path) for path in paths]

    print(f"\nRedis up: {summary(cached)}")
    print(f"Redis down for {down_for:.1f} s: {summary(while_down)}")
    print(f"Redis back: {summary(back)} then {summary(back_again)}")

    assert bad(while_down) == [], "a page failed with Redis down: " + repr(bad(while_down)[:3])
    assert {a.cache for a in while_down} == {"miss"}, "with Redis down every page comes from the database"
    assert max(a.seconds for a in while_down) < 2
    assert bad(back + back_again) == []
    assert {a.cache for a in back_again} == {"hit"}, "the page cache did not resume once Redis was back"
    assert server.proc.poll() is None, "gunicorn died"
