"""Copydesk as docs/deploy.md runs it, on loopback: nginx (TLS) -> Varnish -> gunicorn, PostgreSQL, Redis.

Every process is ours, on a free port, in one scratch folder; `Stack.stop()` ends them all.
"""

import os
import re
import shutil
import ssl
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import psycopg
import redis

from copydesk.public.tests.servers import (
    ROOT,
    VENV_BIN,
    Gunicorn,
    PostgresServer,
    RedisServer,
    copydesk,
    copydesk_env,
    free_port,
    postgres_bin_dir,
    stop_process,
    tail,
    wait_until,
)
from copydesk.tests.test_deploy_examples import nginx_setup

from .seed import seed_code, seed_result

HOST = "news.example"
PASSWORD = "a-long-security-suite-password"  # noqa: S105  (the throwaway stack's users)
ROLES = ("administrator", "editor", "reporter", "contributor")
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Stack:
    def __init__(self):
        self.base = Path(tempfile.mkdtemp(prefix="copydesk-security-"))
        self.base.chmod(0o755)  # the postgres user passes through to its data folder
        self.processes, self.pg, self.redis, self.gunicorn = [], None, None, None
        self.password, self.sessions = PASSWORD, {}

    # --- start ----------------------------------------------------------------------------------

    def start(self):
        self.pg = PostgresServer(postgres_bin_dir(), self.base / "pg")
        self.pg.init()
        self.pg.start()
        self.pg.create_database("copydesk")
        self.redis = RedisServer(shutil.which("redis-server"), self.base / "redis")
        self.redis.start()
        self.https_port, self.varnish_port = free_port(), free_port()
        self.drop_root = self.base / "var" / "wire"
        self.drop_root.mkdir(parents=True)
        self.env = copydesk_env(
            self.base / "var",
            DATABASE_URL=self.pg.url("copydesk"),
            REDIS_URL=self.redis.url,
            ALLOWED_HOSTS=f"{HOST},127.0.0.1",
            CSRF_TRUSTED_ORIGINS=f"https://{HOST},https://{HOST}:{self.https_port}",
            COPYDESK_BASE_URL=f"https://{HOST}",
            COPYDESK_HTTPS=1,
            SECURE_SSL_REDIRECT=0,  # nginx redirects port 80 itself (docs/deploy.md)
            COPYDESK_SERVE_MEDIA=0,
            COPYDESK_PURGE_URLS=f"http://127.0.0.1:{self.varnish_port}/",
            MEDIA_ROOT=self.base / "media",
            STATIC_ROOT=self.base / "static",
            WIRE_DROP_ROOT=self.drop_root,
            COPYDESK_LOGIN_ADDRESS_FAILURE_LIMIT=12,
            SECRET_KEY="security-suite-signing-key-" + "s" * 40,
            PYTHONPATH=ROOT,
        )
        started = time.monotonic()
        # collectstatic needs no database: it runs while migrate does (the longest step, once).
        static = self._background("collectstatic", "--noinput", "-v0")
        copydesk(self.env, "migrate", "--noinput", "-v0", timeout=900)  # minutes on a busy machine
        self.timings = {"migrate": time.monotonic() - started}
        self._finish(static)
        # Users, the findings' objects, the XSS corpus and the routes in one process (seed.py),
        # while gunicorn imports.
        seeding = self._background("shell", "-c", seed_code(self), PW=self.password)
        self.gunicorn = Gunicorn(self.env, self.base)
        try:
            self.gunicorn.start()
        except TimeoutError:  # Gunicorn.start waits 30 s; a loaded machine needs longer to import
            wait_until(lambda: self._answers(self.gunicorn.url + "/"), 180, what="gunicorn")
        self.seeded = seed_result(self._finish(seeding))
        self.timings["seeded"] = time.monotonic() - started
        # Gunicorn's first answers may have cached pages from before the seed: start from nothing.
        redis.Redis.from_url(self.redis.url).flushdb()
        self._start_varnish()
        self._start_nginx()
        self.timings["ready"] = time.monotonic() - started
        return self

    def _start_varnish(self):
        vcl = (ROOT / "deploy" / "varnish" / "copydesk.vcl").read_text()
        (self.base / "copydesk.vcl").write_text(
            vcl.replace('.port = "8000";', f'.port = "{self.gunicorn.port}";')
        )
        command = [shutil.which("varnishd") or "/usr/sbin/varnishd", "-F", "-j", "none"]
        command += ["-n", str(self.base / "varnish"), "-a", f"127.0.0.1:{self.varnish_port}", "-T", "none"]
        command += ["-f", str(self.base / "copydesk.vcl"), "-s", "malloc,64m"]
        self._spawn(command, "varnishd.log")
        wait_until(lambda: self._answers(f"http://127.0.0.1:{self.varnish_port}/"), 30, what="varnish")

    def _start_nginx(self):
        site = (
            (ROOT / "deploy" / "nginx" / "copydesk.conf")
            .read_text()
            .replace("listen [::]:80;", "")
            .replace("listen [::]:443 ssl http2;", "")
            .replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
            .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{self.https_port} ssl http2;")
            .replace("server 127.0.0.1:6081;", f"server 127.0.0.1:{self.varnish_port};")
        )
        nginx_dir = self.base / "nginx"
        nginx_dir.mkdir()
        conf = nginx_setup(nginx_dir, site)
        # nginx_setup points the site's roots into its own folder: serve the real ones.
        for name in ("static", "media"):
            shutil.rmtree(nginx_dir / name, ignore_errors=True)
            (nginx_dir / name).symlink_to(self.base / name)
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self._spawn([nginx, "-p", str(nginx_dir), "-c", str(conf), "-g", "daemon off;"], "nginx.log")
        self.certificate = nginx_dir / "certs" / "fullchain.pem"
        wait_until(lambda: self._answers(self.url + "/"), 30, what="nginx")

    def _background(self, *args, **env):
        return subprocess.Popen(  # noqa: S603
            [str(VENV_BIN / "copydesk"), *args], env={**self.env, **env}, cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    @staticmethod
    def _finish(process, timeout=600) -> str:
        out, err = process.communicate(timeout=timeout)
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(process.args[1:3])} failed:\n{out[-3000:]}\n{err[-3000:]}")
        return out

    def _spawn(self, command, log_name):
        log = (self.base / log_name).open("ab")
        self.processes.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT))  # noqa: S603

    def _answers(self, url):
        try:
            return httpx.get(url, verify=False, headers={"Host": HOST}, timeout=5).status_code == 200  # noqa: S501
        except httpx.TransportError:
            return False

    def stop(self):
        for process in reversed(self.processes):
            stop_process(process)
        for server in (self.gunicorn, self.redis):
            if server:
                server.stop()
        if self.pg:
            self.pg.stop("immediate")
        if os.environ.get("SECURITY_KEEP"):
            print(f"kept {self.base}")
        else:
            shutil.rmtree(self.base, ignore_errors=True)

    def logs(self) -> str:
        return "\n".join(
            f"--- {name} ---\n{tail(self.base / name, 30)}" for name in ("gunicorn.log", "nginx/error.log")
        )

    # --- use ------------------------------------------------------------------------------------

    @property
    def url(self):
        return f"https://127.0.0.1:{self.https_port}"

    def client(self, address="127.0.0.1") -> httpx.Client:
        """A browser-like client from a loopback address of our choosing (nginx sees it as the client)."""
        context = ssl.create_default_context(cafile=str(self.certificate))
        context.check_hostname = False  # the certificate names news.example; we connect to 127.0.0.1
        transport = httpx.HTTPTransport(verify=context, local_address=address)
        return httpx.Client(
            base_url=self.url,
            transport=transport,
            headers={"Host": HOST, "Origin": f"https://{HOST}", "Referer": f"https://{HOST}/admin/"},
            timeout=30,
        )

    def signed_in(self, role, address="127.0.0.1") -> httpx.Client:
        """A fresh client signed in as role (one password check, as a browser's login)."""
        client = self.client(address)
        response = self.sign_in(client, role, PASSWORD)
        assert response.status_code == 302, f"{role} could not sign in: {response.status_code}"
        return client

    def session(self, role) -> httpx.Client:
        """A client signed in as role, shared by the tests that only read with it (no logout, no lockout)."""
        if role not in self.sessions:
            self.sessions[role] = self.signed_in(role)
        return self.sessions[role]

    @staticmethod
    def sign_in(client, username, password):
        token = csrf_token(client.get("/admin/login/").text)
        return client.post("/admin/login/", data={"username": username, "password": password,
                                                  "csrfmiddlewaretoken": token})  # fmt: skip

    def manage(self, *args, **env):
        return copydesk({**self.env, **{k: str(v) for k, v in env.items()}}, *args)

    def sql(self, query: str, params=None):
        """One value from the site's database, read directly (no `copydesk` process to start)."""
        with psycopg.connect(self.pg.url("copydesk")) as connection:
            return connection.execute(query, params).fetchone()[0]

    def worker_round(self, **env):
        self.manage("worker", "--once", **env)


def csrf_token(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "no CSRF token on the page"
    return match[1]
