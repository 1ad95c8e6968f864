# ruff: noqa: S603, S607, S608, S103  (a benchmark driving local tools with its own fixed inputs)
"""`make bench`: reader pages under wrk on loopback, as ratios to nginx serving saved copies.

One run measures the home, section and article pages (random articles among all, through a wrk
Lua script over ~1,000 URLs sampled with SQL) for:

  a. nginx serving saved copies of the same pages (the physical limit on this machine);
  b. Copydesk behind Varnish;
  c. Copydesk's own page cache (Redis, no Varnish);
  d. Copydesk with every cache off (the cost of a miss);

then repeats (d) on a 10,000-article database, and profiles the article miss path in process with
pyinstrument. Prints the table, writes bench/results/pages.json, docs/performance-pages.png and
the "## Page benchmark (make bench)" section of docs/performance.md.

Environment: ARTICLES (default 100000; 1000000 for the large run), BENCH_DURATION (seconds per
measurement, default 6), BENCH_WARMUP (default 2), BENCH_CONNECTIONS (16), BENCH_THREADS (2),
BENCH_SAMPLE (article URLs, 1000), BENCH_GUNICORN (gunicorn worker options), BENCH_SKIP_SMALL=1
(skip the 10,000-article miss run), BENCH_SKIP_PROFILE=1.
"""

import concurrent.futures
import datetime
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
DOC = ROOT / "docs" / "performance.md"
CHART = ROOT / "docs" / "performance-pages.png"
BIN = Path(sys.executable).parent
VCL_FILE = ROOT / "deploy" / "varnish" / "copydesk.vcl"

ARTICLES = int(os.environ.get("ARTICLES", "100000"))
SMALL = 10_000
DURATION = int(os.environ.get("BENCH_DURATION", "6"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
SAMPLE = int(os.environ.get("BENCH_SAMPLE", "1000"))
NGINX_WORKERS = os.environ.get("BENCH_NGINX_WORKERS", "2")
GUNICORN_OPTS = os.environ.get("BENCH_GUNICORN", "--workers 2 --worker-class sync").split()
PG = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/9"  # a database of its own, flushed at the start of each run
SECRET = "copydesk-bench-only-" + "b" * 40
SECTION_TITLE = "## Page benchmark (make bench)"
CONFIGS = {
    "a": "nginx, saved copies",
    "b": "Copydesk behind Varnish",
    "c": "Copydesk page cache (Redis)",
    "d": "Copydesk, every cache off",
}
PAGES = ("home", "section", "article")
CLK_TCK = os.sysconf("SC_CLK_TCK")

WRK_LUA = """
-- Each request picks one of the sampled article URLs at random.
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  urls = {}
  for line in io.lines(os.getenv("BENCH_URLS")) do urls[#urls + 1] = line end
  math.randomseed(os.time() + id * 7919)
end
function request()
  return wrk.format("GET", urls[math.random(#urls)])
end
"""

INLINE_VCL = """vcl 4.1;
# Minimal stand-in used while deploy/varnish/copydesk.vcl does not exist: cache what Copydesk
# marks public (s-maxage), ignore cookies on reader pages, pass the editors' paths.
backend default { .host = "127.0.0.1"; .port = "BACKEND_PORT"; }
sub vcl_recv {
  if (req.url ~ "^/(admin|documents)/") { return (pass); }
  if (req.method != "GET" && req.method != "HEAD") { return (pass); }
  unset req.http.Cookie;
  return (hash);
}
sub vcl_backend_response {
  if (bereq.url !~ "^/(admin|documents)/") { unset beresp.http.Set-Cookie; }
}
"""

NGINX_CONF = """worker_processes {workers};
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    index index.html;
  }}
}}
"""


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# Tools ------------------------------------------------------------------------------------------


def ensure_tools():
    missing = [
        pkg for exe, pkg in (("wrk", "wrk"), ("nginx", "nginx"), ("varnishd", "varnish")) if not which(exe)
    ]
    if missing:
        log(f"apt-get install {' '.join(missing)}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-y", "-q", *missing], check=True, env=env)
        # The Debian nginx package may start a system nginx; ours runs on its own port regardless.
    try:
        import matplotlib  # noqa: F401
        import pyinstrument  # noqa: F401
    except ImportError:
        pins = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"][
            "bench"
        ]
        log(f"pip install {' '.join(pins)}")
        subprocess.run([str(BIN / "pip"), "install", "-q", *pins], check=True)


def which(exe):
    return shutil.which(exe) or shutil.which(exe, path="/usr/sbin:/sbin")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Database ---------------------------------------------------------------------------------------


def psql(sql, db="postgres"):
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-Atc", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def db_name(articles):
    if articles == 100_000:
        return "copydesk_bench"
    if articles % 1_000_000 == 0:
        return f"copydesk_bench_{articles // 1_000_000}m"
    if articles % 1000 == 0:
        return f"copydesk_bench_{articles // 1000}k"
    return f"copydesk_bench_{articles}"


def app_env(db, var_dir, page_cache):
    return {
        **os.environ,
        "DATABASE_URL": f"{PG}/{db}",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "COPYDESK_VAR_DIR": str(var_dir),
        "COPYDESK_PAGE_CACHE": "1" if page_cache else "0",
        "REDIS_URL": REDIS_URL,
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }


def prepare_database(articles, var_dir):
    """Create, migrate and fill the database for this size; reuse the articles already there."""
    db = db_name(articles)
    if not psql(f"SELECT 1 FROM pg_database WHERE datname = '{db}'"):
        log(f"createdb {db}")
        psql(f'CREATE DATABASE "{db}"')
    env = app_env(db, var_dir, page_cache=False)
    copydesk = str(BIN / "copydesk")
    subprocess.run([copydesk, "migrate", "--noinput", "-v0"], check=True, env=env, cwd=ROOT)
    have = int(psql("SELECT count(*) FROM newsroom_article WHERE status = 'published'", db))
    if have < articles:
        log(f"{db}: {have:,} articles, generating {articles - have:,}")
        started = time.monotonic()
        subprocess.run(
            [copydesk, "generate", "--articles", str(articles - have)], check=True, env=env, cwd=ROOT
        )
        log(f"generated in {time.monotonic() - started:.0f} s")
        psql("VACUUM", db)
        have = int(psql("SELECT count(*) FROM newsroom_article WHERE status = 'published'", db))
    else:
        log(f"{db}: reusing {have:,} published articles")
    # Planner statistics: autovacuum may be off (it is on this project's machine), and without
    # them PostgreSQL picks plans that make a section page 5x slower than it is in production.
    # As autovacuum would in production: statistics, and the visibility map for index-only scans.
    psql("VACUUM ANALYZE", db)
    return db, have


def sample_urls(db):
    """Home, the first section, and ~SAMPLE article URLs drawn at random (repeatably) from all."""
    section = psql('SELECT slug FROM newsroom_section ORDER BY "order", id LIMIT 1', db)
    rows = psql(
        "SELECT '/' || s.slug || '/' || a.slug || '/' FROM newsroom_article a "
        "JOIN newsroom_section s ON s.id = a.section_id WHERE a.status = 'published' "
        f"ORDER BY md5(a.id::text) LIMIT {SAMPLE}",
        db,
    ).splitlines()
    return {"home": "/", "section": f"/{section}/", "article": rows}


# Processes --------------------------------------------------------------------------------------


class Server:
    def __init__(self, name, args, env=None, cwd=None, log_path=None):
        self.name = name
        self.log_file = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(  # noqa: S603
            args, env=env, cwd=cwd, stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True
        )

    @property
    def pid(self):
        return self.proc.pid

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def wait_ready(base, path="/", timeout=90, server=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server is not None and server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.proc.returncode}")
        try:
            with urllib.request.urlopen(base + path, timeout=5) as r:  # noqa: S310
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{base}{path} not ready after {timeout} s")


def start_gunicorn(db, var_dir, page_cache, tmp):
    port = free_port()
    args = [str(BIN / "gunicorn"), "copydesk.wsgi", "--bind", f"127.0.0.1:{port}", *GUNICORN_OPTS]
    args += ["--log-level", "warning", "--graceful-timeout", "5"]
    server = Server(
        f"gunicorn ({'cache on' if page_cache else 'cache off'})",
        args,
        env=app_env(db, var_dir, page_cache),
        cwd=ROOT,
        log_path=tmp / f"gunicorn-{db}-{int(page_cache)}.log",
    )
    base = f"http://127.0.0.1:{port}"
    wait_ready(base, server=server)
    return server, base, port


def vcl_text(backend_port):
    """deploy/varnish/copydesk.vcl with its default backend pointed at our gunicorn, or a stand-in."""
    if VCL_FILE.exists():
        text = VCL_FILE.read_text()
        text = re.sub(r'(\.host\s*=\s*)"[^"]*"', r'\1"127.0.0.1"', text, count=1)
        text = re.sub(r'(\.port\s*=\s*)"[^"]*"', rf'\1"{backend_port}"', text, count=1)
        return text, "deploy/varnish/copydesk.vcl (backend pointed at the bench's gunicorn)"
    return INLINE_VCL.replace(
        "BACKEND_PORT", str(backend_port)
    ), "inline stand-in VCL (deploy/varnish/copydesk.vcl missing)"


def start_varnish(backend_port, tmp, port=None):
    port = port or free_port()
    text, source = vcl_text(backend_port)
    vcl = tmp / "bench.vcl"
    vcl.write_text(text)
    workdir = tmp / "varnish"
    workdir.mkdir(exist_ok=True)
    args = [which("varnishd"), "-F", "-j", "none", "-n", str(workdir), "-a", f"127.0.0.1:{port}"]
    args += ["-f", str(vcl), "-s", "malloc,512m", "-T", "none"]
    server = Server("varnishd", args, log_path=tmp / "varnish.log")
    base = f"http://127.0.0.1:{port}"
    wait_ready(base, server=server)
    return server, base, source


def start_nginx(root, tmp):
    port = free_port()
    ntmp = tmp / "nginx"
    ntmp.mkdir(exist_ok=True)
    conf = ntmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=ntmp, port=port, root=root, workers=NGINX_WORKERS))
    server = Server("nginx", [which("nginx"), "-c", str(conf), "-p", str(ntmp)], log_path=ntmp / "stdout.log")
    base = f"http://127.0.0.1:{port}"
    wait_ready(base, server=server)
    return server, base


# CPU accounting ---------------------------------------------------------------------------------


def proc_table():
    """pid -> (ppid, comm, cpu ticks, cmdline) for every process."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = (
                Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            )
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        # fields[0] is state (field 3); utime and stime are fields 14 and 15.
        table[int(entry)] = (int(fields[1]), comm, int(fields[11]) + int(fields[12]), cmdline)
    return table


def descendants(table, root):
    pids, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, *_rest) in table.items():
            if ppid == parent and pid not in pids:
                pids.add(pid)
                frontier.append(pid)
    return pids


def cpu_snapshot(groups, db):
    """Ticks per group: web server trees (by root pid), this database's PostgreSQL backends, Redis."""
    table = proc_table()
    snap = {}
    for name, roots in groups.items():
        pids = set()
        for root in roots:
            pids |= descendants(table, root)
        snap[name] = {pid: table[pid][2] for pid in pids if pid in table}
    snap["db"] = {
        pid: t for pid, (_pp, comm, t, cmd) in table.items() if comm == "postgres" and f" {db} " in f" {cmd} "
    }
    snap["redis"] = {pid: t for pid, (_pp, comm, t, _c) in table.items() if comm.startswith("redis-server")}
    return snap


def machine_busy_ms():
    """CPU time spent by the whole machine (all cores, not idle or iowait), in ms."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) * 1000 / CLK_TCK


def children_cpu_ms():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def cpu_delta_ms(before, after):
    out = {}
    for name, now in after.items():
        then = before.get(name, {})
        ticks = sum(t - then.get(pid, 0) for pid, t in now.items())
        out[name] = ticks * 1000 / CLK_TCK
    return out


# wrk --------------------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_latency(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * UNITS[unit]


def parse_wrk(out):
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50_ms": parse_latency(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99_ms": parse_latency(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "non_2xx": 0,
        "socket_errors": 0,
    }
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out):
        result["non_2xx"] = int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        result["socket_errors"] = sum(int(x) for x in m.groups())
    return result


def run_wrk(base, path_or_script, seconds, urls_file, lua):
    args = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if path_or_script == "article":
        args += ["-s", str(lua), base + "/"]
    else:
        args += [base + path_or_script]
    out = subprocess.run(
        args, capture_output=True, text=True, check=True, env={**os.environ, "BENCH_URLS": str(urls_file)}
    )
    return out.stdout


def measure(config, base, urls, files, cpu_groups, db, label=None):
    rows = []
    for page in PAGES:
        target = "article" if page == "article" else urls[page]
        if WARMUP:
            run_wrk(base, target, WARMUP, files["urls"], files["lua"])
        before = cpu_snapshot(cpu_groups, db)
        busy0, wrk0 = machine_busy_ms(), children_cpu_ms()
        out = run_wrk(base, target, DURATION, files["urls"], files["lua"])
        busy1, wrk1 = machine_busy_ms(), children_cpu_ms()
        after = cpu_snapshot(cpu_groups, db)
        r = parse_wrk(out)
        cpu = cpu_delta_ms(before, after)
        per = {k: v / r["requests"] for k, v in cpu.items()}
        server_s = sum(cpu.values()) / 1000
        # Whatever else ran on the machine meanwhile (other users' processes): a noise indicator.
        r["cores_busy"] = {
            "server": round(server_s / DURATION, 2),
            "wrk": round((wrk1 - wrk0) / 1000 / DURATION, 2),
            "other": round(max(0.0, (busy1 - busy0) / 1000 - server_s - (wrk1 - wrk0) / 1000) / DURATION, 2),
        }
        r.update(
            config=config,
            label=label or CONFIGS[config],
            page=page,
            cpu_ms={k: round(v, 4) for k, v in per.items()},
            cpu_total_ms=round(sum(per.values()), 4),
            wrk=out,
        )
        rows.append(r)
        log(
            f"{config} {page:8} {r['rps']:10.0f} req/s  p50 {r['p50_ms']:7.2f} ms  p99 {r['p99_ms']:7.2f} ms  "
            f"CPU {r['cpu_total_ms']:.3f} ms/req {r['cpu_ms']} cores busy {r['cores_busy']}"
            + (f"  NON-2xx {r['non_2xx']}" if r["non_2xx"] else "")
            + (f"  socket errors {r['socket_errors']}" if r["socket_errors"] else "")
        )
    return rows


def fetch(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as r:  # noqa: S310
        return r.status, dict(r.headers), r.read()


def fetch_all(base, paths, workers=4):
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return dict(zip(paths, pool.map(lambda p: fetch(base, p), paths), strict=True))


def cache_headers(base, path):
    _status, headers, _body = fetch(base, path)
    keep = ("X-Copydesk-Cache", "Age", "X-Varnish", "Cache-Control", "Via")
    return {k: headers[k] for k in keep if k in headers}


# Profile (child process) ------------------------------------------------------------------------


def profile_child(urls_file, out_file, count=200):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "copydesk.settings")
    django.setup()
    from django.db import connection
    from django.test import Client
    from pyinstrument import Profiler

    urls = Path(urls_file).read_text().split()
    client = Client()
    for url in urls[-20:]:
        assert client.get(url).status_code == 200, url
    queries = [0]

    def count_queries(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    profiler = Profiler(interval=0.0005)
    sample = urls[:count]
    with connection.execute_wrapper(count_queries):
        started = time.perf_counter()
        profiler.start()
        for url in sample:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        profiler.stop()
        wall = time.perf_counter() - started
    session = profiler.last_session
    root = session.root_frame()
    by_area, by_function = {}, {}

    def area(path):
        path = path or ""
        if "/site-packages/" in path:
            rest = path.split("/site-packages/", 1)[1].split("/")
            if rest[0] == "django" and len(rest) > 2:
                return f"django.{rest[1]}"
            return rest[0].removesuffix(".py")
        if "/copydesk/" in path:
            rest = path.split("/copydesk/", 1)[1].split("/")
            return f"copydesk.{rest[0].removesuffix('.py')}"
        return "python (stdlib, interpreter)"

    def walk(frame, parent=None):
        # Self time = own time minus the children's; pyinstrument's synthetic "[self]" frames are
        # charged to the function they belong to (their parent).
        owner = parent if (frame.is_synthetic or not frame.file_path) and parent is not None else frame
        self_time = frame.time - sum(child.time for child in frame.children)
        if self_time > 0:
            by_area[area(owner.file_path)] = by_area.get(area(owner.file_path), 0) + self_time
            fn = f"{owner.function} ({owner.file_path_short}:{owner.line_no})"
            by_function[fn] = by_function.get(fn, 0) + self_time
        for child in frame.children:
            walk(child, owner)

    walk(root)
    n = len(sample)
    report = {
        "requests": n,
        "wall_ms_per_request": wall * 1000 / n,
        "queries_per_request": queries[0] / n,
        "by_area_ms": sorted(((k, v * 1000 / n) for k, v in by_area.items()), key=lambda kv: -kv[1])[:12],
        "top_functions_ms": sorted(
            ((k, v * 1000 / n) for k, v in by_function.items()), key=lambda kv: -kv[1]
        )[:12],
    }
    Path(out_file).write_text(json.dumps(report, indent=2))
    (RESULTS / "profile-article.txt").write_text(
        profiler.output_text(unicode=True, color=False, show_all=False)
    )


def run_profile(db, var_dir, urls_file, tmp):
    out = tmp / "profile.json"
    env = app_env(db, var_dir, page_cache=False)
    subprocess.run(
        [sys.executable, __file__, "--profile-child", str(urls_file), str(out)], check=True, env=env, cwd=ROOT
    )
    return json.loads(out.read_text())


# Report -----------------------------------------------------------------------------------------


def machine():
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"model name\s*:\s*(.*)", cpuinfo)
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))

    def version(args):
        try:
            p = subprocess.run(args, capture_output=True, text=True)
            return (p.stdout + p.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"

    return {
        "cpus": os.cpu_count(),
        "cpu_model": model.group(1).strip() if model else platform.processor(),
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "postgresql": psql("SHOW server_version"),
        "nginx": version([which("nginx"), "-v"]),
        "varnish": version([which("varnishd"), "-V"]),
        "wrk": version(["wrk", "-v"]),
    }


def ratio_rows(rows):
    base = {r["page"]: r for r in rows if r["config"] == "a"}
    for r in rows:
        a = base.get(r["page"])
        if a:
            r["rps_vs_a"] = r["rps"] / a["rps"]
            r["cpu_vs_a"] = r["cpu_total_ms"] / a["cpu_total_ms"] if a["cpu_total_ms"] else None


def fmt_ms(x):
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 10 else f"{x:.1f}"


def table_markdown(rows):
    lines = [
        "| Config | Page | Requests/s | vs (a) | p50 ms | p99 ms | Server CPU ms/req (web + db + redis) | CPU vs (a) "
        "| Cores busy: server / wrk / other |",
        "|---|---|---:|---:|---:|---:|---|---:|---|",
    ]
    for r in rows:
        c = r["cpu_ms"]
        web = sum(v for k, v in c.items() if k not in ("db", "redis"))
        cpu = f"{fmt_ms(r['cpu_total_ms'])} ({fmt_ms(web)} + {fmt_ms(c.get('db', 0))} + {fmt_ms(c.get('redis', 0))})"
        vs = f"{r['rps_vs_a'] * 100:.1f}%" if "rps_vs_a" in r else ""
        cvs = f"{r['cpu_vs_a']:.0f}x" if r.get("cpu_vs_a") else ""
        errors = f" ({r['non_2xx']} non-2xx)" if r["non_2xx"] else ""
        lines.append(
            f"| ({r['config']}) {r['label']} | {r['page']} | {r['rps']:,.0f}{errors} | {vs} | "
            f"{fmt_ms(r['p50_ms'])} | {fmt_ms(r['p99_ms'])} | {cpu} | {cvs} | "
            f"{r['cores_busy']['server']} / {r['cores_busy']['wrk']} / {r['cores_busy']['other']} |"
        )
    return "\n".join(lines)


def chart(rows, path, title):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [(r["config"], r["label"]) for r in rows]
    series = list(dict.fromkeys(labels))
    fig, ax = plt.subplots(figsize=(9, 4.8), dpi=110)
    width = 0.8 / len(series)
    for i, (config, label) in enumerate(series):
        values = [
            next(
                (r["rps"] for r in rows if (r["config"], r["label"]) == (config, label) and r["page"] == p), 0
            )
            for p in PAGES
        ]
        xs = [j + (i - (len(series) - 1) / 2) * width for j in range(len(PAGES))]
        bars = ax.bar(xs, values, width, label=f"({config}) {label}")
        for x, v in zip(xs, values, strict=True):
            if v:
                ax.text(x, v * 1.08, f"{v:,.0f}", ha="center", va="bottom", fontsize=6.5, rotation=90)
        del bars
    ax.set_yscale("log")
    ax.set_xticks(range(len(PAGES)), PAGES)
    ax.set_ylabel("requests/s (log scale)")
    ax.set_title(title, fontsize=10)
    ax.set_ylim(top=ax.get_ylim()[1] * 4)
    ax.legend(fontsize=7.5, loc="upper right", ncols=2)
    ax.grid(axis="y", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def write_doc(report):
    m = report["machine"]
    rows = report["rows"]
    main = [r for r in rows if r["config"] == "d" and r["articles"] == report["articles"]]
    small = [r for r in rows if r["config"] == "d" and r["articles"] != report["articles"]]
    miss_lines = []
    for page in PAGES:
        big = next((r for r in main if r["page"] == page), None)
        sm = next((r for r in small if r["page"] == page), None)
        if big and sm:
            miss_lines.append(
                f"| {page} | {fmt_ms(sm['cpu_total_ms'])} ms, {sm['rps']:,.0f}/s, p50 {fmt_ms(sm['p50_ms'])} ms | "
                f"{fmt_ms(big['cpu_total_ms'])} ms, {big['rps']:,.0f}/s, p50 {fmt_ms(big['p50_ms'])} ms | "
                f"{big['cpu_total_ms'] / sm['cpu_total_ms']:.2f}x |"
            )
    prof = report.get("profile")
    lines = [
        SECTION_TITLE,
        "",
        f"`make bench` (`bench/pages.py`), run {report['date']}, {report['runtime_s']:.0f} s wall clock. "
        f"PostgreSQL {m['postgresql']} with {report['articles_present']:,} generated published articles; "
        f"wrk `-t{THREADS} -c{CONNECTIONS} -d{DURATION}s --latency` on loopback after a {WARMUP} s warm-up per "
        "page; the article page picks at random among "
        f"{report['sample']:,} article URLs sampled with SQL from all articles (the same pages saved for nginx). "
        f"Gunicorn `{' '.join(GUNICORN_OPTS)}`; Varnish: {report['vcl']}. "
        "Server CPU per request is utime + stime from `/proc` of the server processes (gunicorn master and "
        "workers, or varnishd, or nginx), plus this database's PostgreSQL backends and redis-server, divided "
        "by the requests wrk completed; wrk's own CPU is not counted but shares the cores. The last column is "
        "how many cores the server, wrk and everything else on the machine kept busy during the measurement "
        '("other" above ~0.1 means other work disturbed that row). The bench runs VACUUM ANALYZE first: autovacuum '
        "is off on this PostgreSQL, and without statistics the section page is 5x slower.",
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['memory_gib']} GiB, Linux {m['kernel']}, "
        f"Python {m['python']}, {m['nginx']}, {m['varnish']}, {m['wrk']}.",
        "",
        table_markdown(rows),
        "",
        f"![Requests per second by configuration and page]({CHART.name})",
        "",
        "Cache state checked before measuring (response headers of one article):",
        "",
    ]
    for config, headers in report["cache_check"].items():
        lines.append(f"- ({config}): `{json.dumps(headers)}`")
    if miss_lines:
        lines += [
            "",
            "Miss cost (d) against the number of articles, server CPU per request (target: within 1.2x):",
            "",
            f"| Page | {SMALL:,} articles | {report['articles_present']:,} articles | ratio |",
            "|---|---|---|---:|",
            *miss_lines,
        ]
    if prof:
        lines += [
            "",
            f"Profile of the miss path, article page (pyinstrument in process, Django test client, "
            f"{prof['requests']} random articles, page cache off): {prof['wall_ms_per_request']:.1f} ms wall "
            f"per request including the profiler's overhead, {prof['queries_per_request']:.1f} queries per "
            "request. Self time per request by area:",
            "",
            "| Area | ms/request |",
            "|---|---:|",
            *[f"| {k} | {v:.2f} |" for k, v in prof["by_area_ms"][:8]],
            "",
            "Largest single functions (self time per request):",
            "",
            *[f"- {v:.2f} ms `{k}`" for k, v in prof["top_functions_ms"][:6]],
            "",
            "The full call tree is in `bench/results/profile-article.txt`.",
        ]
    if report.get("targets"):
        lines += ["", "Targets in this run:", ""]
        lines += [f"- {t}" for t in report["targets"]]
    replace_doc_section(SECTION_TITLE, "\n".join(lines) + "\n")


def replace_doc_section(title, section):
    """Write `section` (starting with `title`) into docs/performance.md, in place of its last version."""
    text = DOC.read_text() if DOC.exists() else "# Performance and quality figures\n"
    start = text.find(title)
    if start >= 0:
        end = text.find("\n## ", start + len(title))
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text)


def targets(rows, report):
    out = []
    by = {(r["config"], r["page"], r["articles"]): r for r in rows}
    n = report["articles"]
    b = by.get(("b", "article", n))
    if b and "rps_vs_a" in b:
        ok = b["rps_vs_a"] >= 0.6
        out.append(
            f"(b) Varnish at least 60% of (a) on the article page: {b['rps_vs_a'] * 100:.1f}% "
            f"({'met' if ok else 'NOT met'})."
        )
    d = by.get(("d", "article", n))
    if d:
        out.append(
            f"(d) miss on the article page: {d['rps_vs_a'] * 100:.2f}% of (a), "
            f"{d['cpu_total_ms']:.2f} ms server CPU per request (web {sum(v for k, v in d['cpu_ms'].items() if k not in ('db', 'redis')):.2f}, "
            f"PostgreSQL {d['cpu_ms'].get('db', 0):.2f})."
        )
    small = by.get(("d", "article", report.get("small_articles")))
    if d and small:
        ratio = d["cpu_total_ms"] / small["cpu_total_ms"]
        out.append(
            f"Miss cost at {report['articles_present']:,} vs {report['small_present']:,} articles (article page, server CPU): "
            f"{ratio:.2f}x ({'within' if ratio <= 1.2 else 'NOT within'} 1.2x)."
        )
    return out


# Main -------------------------------------------------------------------------------------------


def main():
    started = time.monotonic()
    RESULTS.mkdir(parents=True, exist_ok=True)
    ensure_tools()
    tmp = Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    os.chmod(tmp, 0o755)
    var_dir = tmp / "var"
    var_dir.mkdir()
    servers = []
    rows = []
    report = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "articles": ARTICLES,
        "sample": SAMPLE,
        "duration_s": DURATION,
        "warmup_s": WARMUP,
        "connections": CONNECTIONS,
        "threads": THREADS,
        "gunicorn": GUNICORN_OPTS,
        "machine": machine(),
        "cache_check": {},
    }
    try:
        db, present = prepare_database(ARTICLES, var_dir)
        report["articles_present"] = present
        subprocess.run(
            [str(BIN / "copydesk"), "collectstatic", "--noinput", "-v0"],
            check=True,
            env=app_env(db, var_dir, False),
            cwd=ROOT,
        )
        urls = sample_urls(db)
        files = {"urls": tmp / "articles.txt", "lua": tmp / "random-article.lua"}
        files["urls"].write_text("\n".join(urls["article"]) + "\n")
        files["lua"].write_text(WRK_LUA)
        paths = [urls["home"], urls["section"], *urls["article"]]
        subprocess.run(
            ["redis-cli", "-n", REDIS_URL.rsplit("/", 1)[1], "FLUSHDB"], check=True, capture_output=True
        )

        # (c) Copydesk's own cache; its responses are also the saved copies nginx serves.
        log("starting gunicorn with the page cache on")
        gunicorn, gbase, gport = start_gunicorn(db, var_dir, True, tmp)
        servers.append(gunicorn)
        pages = fetch_all(gbase, paths)
        site = tmp / "site"
        for path, (status, _headers, body) in pages.items():
            assert status == 200, (path, status)
            target = site / path.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
        report["page_bytes"] = {
            "home": len(pages["/"][2]),
            "section": len(pages[urls["section"]][2]),
            "article_mean": sum(len(pages[p][2]) for p in urls["article"]) // len(urls["article"]),
        }
        report["cache_check"]["c"] = cache_headers(gbase, urls["article"][0])
        rows += measure("c", gbase, urls, files, {"web": [gunicorn.pid]}, db)

        # (b) Varnish in front of the same gunicorn.
        varnish, vbase, report["vcl"] = start_varnish(gport, tmp)
        servers.append(varnish)
        fetch_all(vbase, paths)
        report["cache_check"]["b"] = cache_headers(vbase, urls["article"][0])
        rows += measure("b", vbase, urls, files, {"varnish": [varnish.pid], "web": [gunicorn.pid]}, db)
        varnish.stop()
        gunicorn.stop(signal.SIGINT)

        # (a) nginx serving the saved copies.
        nginx, nbase = start_nginx(site, tmp)
        servers.append(nginx)
        report["cache_check"]["a"] = cache_headers(nbase, urls["article"][0])
        rows += measure("a", nbase, urls, files, {"web": [nginx.pid]}, db)
        nginx.stop(signal.SIGTERM)

        # (d) every cache off.
        log("starting gunicorn with every cache off")
        gunicorn, gbase, _ = start_gunicorn(db, var_dir, False, tmp)
        servers.append(gunicorn)
        report["cache_check"]["d"] = cache_headers(gbase, urls["article"][0])
        rows += measure("d", gbase, urls, files, {"web": [gunicorn.pid]}, db)
        gunicorn.stop(signal.SIGINT)
        for r in rows:
            r["articles"] = ARTICLES

        # The miss again on 10,000 articles, to show its cost does not grow with the archive.
        if os.environ.get("BENCH_SKIP_SMALL") != "1" and ARTICLES != SMALL:
            small_db, small_present = prepare_database(SMALL, var_dir)
            report["small_articles"], report["small_present"] = SMALL, small_present
            small_urls = sample_urls(small_db)
            small_files = {"urls": tmp / "articles-small.txt", "lua": files["lua"]}
            small_files["urls"].write_text("\n".join(small_urls["article"]) + "\n")
            gunicorn, gbase, _ = start_gunicorn(small_db, var_dir, False, tmp)
            servers.append(gunicorn)
            small_rows = measure(
                "d",
                gbase,
                small_urls,
                small_files,
                {"web": [gunicorn.pid]},
                small_db,
                label=f"{CONFIGS['d']}, {small_present:,} articles",
            )
            gunicorn.stop(signal.SIGINT)
            for r in small_rows:
                r["articles"] = SMALL
            rows += small_rows

        if os.environ.get("BENCH_SKIP_PROFILE") != "1":
            log("profiling the article miss path (pyinstrument)")
            report["profile"] = run_profile(db, var_dir, files["urls"], tmp)
    finally:
        for server in servers:
            server.stop()
    order = {"a": 0, "b": 1, "c": 2, "d": 3}
    rows.sort(key=lambda r: (order[r["config"]], -r["articles"], PAGES.index(r["page"])))
    ratio_rows(rows)
    report["rows"] = rows
    report["runtime_s"] = time.monotonic() - started
    report["targets"] = targets(rows, report)
    (RESULTS / "pages.json").write_text(json.dumps(report, indent=2))
    chart(
        [r for r in rows if r["articles"] == ARTICLES],
        CHART,
        f"Copydesk reader pages, {report['articles_present']:,} articles, {report['machine']['cpus']} CPUs, wrk on loopback",
    )
    write_doc(report)
    print()
    print(table_markdown(rows))
    print()
    for t in report["targets"]:
        print(t)
    if report.get("profile"):
        print("Profile, article miss (ms/request by area):", report["profile"]["by_area_ms"][:6])
    print(f"\nWrote {RESULTS / 'pages.json'}, {CHART}, {DOC} ({report['runtime_s']:.0f} s)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--profile-child":
        profile_child(sys.argv[2], sys.argv[3])
    else:
        main()
