"""Real processes for end-to-end fault tests: a private PostgreSQL, a private Redis, Copydesk under gunicorn.

Everything binds to 127.0.0.1 on a free port and lives in a temporary folder; every class has a
`stop()` that is safe to call twice, so fixtures can always clean up.
"""

import glob
import hashlib
import importlib.metadata
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout, interval=0.1, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise TimeoutError(f"{what} not met within {timeout} s")


def port_open(port) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def tail(path, lines=40) -> str:
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return f"({path} unreadable)"


def stop_process(proc, grace=10):
    """Terminate a process we started, then kill it if it lingers."""
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


# PostgreSQL -------------------------------------------------------------------------------------


def postgres_bin_dir() -> Path | None:
    """The newest PostgreSQL server binaries installed (Debian keeps them out of PATH)."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name.split(".")[0])
    )
    for found in reversed(candidates):
        if all((Path(found) / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return Path(found)
    if path := shutil.which("pg_ctl"):
        return Path(path).parent
    return None


class PostgresServer:
    """A throwaway cluster, trusted on 127.0.0.1 only, run as the `postgres` user when we are root."""

    def __init__(self, bin_dir: Path, base: Path):
        self.bin = bin_dir
        self.base = base
        self.data = base / "data"
        self.sockets = base / "sockets"
        self.log = base / "postgres.log"
        self.port = free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *args, check=True, timeout=60):
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            # initdb and postgres refuse to run as root.
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}\n{tail(self.log)}"
            )
        return result

    def init(self):
        self.base.mkdir(parents=True, exist_ok=True)
        if self.as_root:
            # The postgres user must reach the data folder through base, and own what it writes.
            os.chmod(self.base, 0o755)  # noqa: S103  (a throwaway folder under /tmp)
            shutil.chown(self.base, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        self.sockets.mkdir()
        if self.as_root:
            shutil.chown(self.sockets, "postgres", "postgres")

    def start(self):
        # fsync off: the cluster is thrown away, and migrations run several times faster.
        options = (
            f"-p {self.port} -h 127.0.0.1 -k {self.sockets} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "30", "start"
        )

    @property
    def pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            return None

    def freeze(self):
        """Suspend the postmaster: connections are accepted by the kernel and then never answered."""
        os.kill(self.pid, signal.SIGSTOP)
        self.frozen = True

    def thaw(self):
        if getattr(self, "frozen", False) and self.pid:
            os.kill(self.pid, signal.SIGCONT)
        self.frozen = False

    def stop(self, mode="fast"):
        self.thaw()  # a suspended postmaster would never act on pg_ctl's signal
        if self.pid is None:
            return
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop", check=False)

    def create_database(self, name, template=None):
        options = ["-T", template] if template else []
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", *options, name,
                  timeout=30)  # fmt: skip

    def init_migrated(self, name):
        """Init and start the cluster with database `name` already migrated, copied from a template.

        Migrating takes a minute or more on a busy machine; the migrated cluster is made once for
        this version of the code and the installed packages, and each test copies it in seconds.
        """
        self.base.mkdir(parents=True, exist_ok=True)
        shutil.copytree(migrated_template(self.bin), self.data, symlinks=True)
        self.sockets.mkdir()
        if self.as_root:
            os.chmod(self.base, 0o755)  # noqa: S103  (a throwaway folder under /tmp)
            subprocess.run(["chown", "-R", "postgres:postgres", str(self.base)], check=True)
        self.start()
        if name != TEMPLATE_DATABASE:
            self.create_database(name, template=TEMPLATE_DATABASE)

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


TEMPLATES = Path(tempfile.gettempdir()) / "copydesk-migrated-clusters"
TEMPLATE_DATABASE = "copydesk"


def code_version(bin_dir: Path) -> str:
    """A digest of what a migrated database depends on: Copydesk's code, the packages, PostgreSQL."""
    digest = hashlib.sha256(str(bin_dir.resolve()).encode())
    for path in sorted((ROOT / "copydesk").rglob("*.py")):
        if "tests" not in path.relative_to(ROOT).parts:
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()[:20]


def migrated_template(bin_dir: Path) -> Path:
    """The data folder of a stopped cluster whose database "copydesk" has every migration applied."""
    TEMPLATES.mkdir(mode=0o755, exist_ok=True)
    folder = TEMPLATES / code_version(bin_dir)
    if (folder / "PG_VERSION").exists():
        return folder
    with tempfile.TemporaryDirectory(prefix="making-", dir=TEMPLATES) as work:
        work = Path(work)
        work.chmod(0o755)  # the postgres user must pass through to its data folder
        pg = PostgresServer(bin_dir, work / "pg")
        pg.init()
        pg.start()
        try:
            pg.create_database(TEMPLATE_DATABASE)
            env = copydesk_env(work / "var", DATABASE_URL=pg.url(TEMPLATE_DATABASE), PYTHONPATH=ROOT)
            copydesk(env, "migrate", "--noinput", "-v0", timeout=900)  # minutes on a busy machine
        finally:
            pg.stop()
        try:
            os.rename(pg.data, folder)  # whole or not at all, should another session make it too
        except OSError:
            if not (folder / "PG_VERSION").exists():
                raise
    return folder


# Redis ------------------------------------------------------------------------------------------


class RedisServer:
    def __init__(self, executable: str, base: Path):
        self.executable = executable
        self.base = base
        self.port = free_port()
        self.proc = None
        self.log = base / "redis.log"

    def start(self):
        self.base.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [
                    self.executable,
                    "--port", str(self.port),
                    "--bind", "127.0.0.1",
                    "--save", "",
                    "--appendonly", "no",
                    "--daemonize", "no",
                    "--dir", str(self.base),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        wait_until(lambda: port_open(self.port), 10, what=f"redis on port {self.port}")

    def stop(self):
        stop_process(self.proc)
        self.proc = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"


# Copydesk ---------------------------------------------------------------------------------------


def copydesk_env(var_dir: Path, **settings) -> dict:
    """A clean environment: nothing leaks in from the test run's own settings (copydesk.settings_test)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(var_dir)),
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
        "DJANGO_SETTINGS_MODULE": "copydesk.settings",
        "SECRET_KEY": "copydesk-fault-tests-only-" + "f" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "COPYDESK_VAR_DIR": str(var_dir),
        "COPYDESK_PAGE_CACHE": "1",
        "DATABASE_CONN_MAX_AGE": "0",
        "LOG_LEVEL": "WARNING",
    }
    env.update({name: str(value) for name, value in settings.items()})
    return env


def copydesk(env, *args, timeout=300):
    """Run a `copydesk` management command; fail with its output if it fails."""
    result = subprocess.run(
        [str(VENV_BIN / "copydesk"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"copydesk {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result


def prepare_site(env, articles):
    copydesk(env, "migrate", "--noinput", "-v0")
    copydesk(env, "generate", "--articles", str(articles))
    copydesk(env, "collectstatic", "--noinput", "-v0")


class Gunicorn:
    def __init__(self, env, base: Path, workers=2):
        self.env = env
        self.port = free_port()
        self.log = base / "gunicorn.log"
        self.workers = workers
        self.proc = None

    def start(self):
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [
                    str(VENV_BIN / "gunicorn"),
                    "copydesk.wsgi",
                    "--bind", f"127.0.0.1:{self.port}",
                    "--workers", str(self.workers),
                    # As deploy/gunicorn.conf.py and make demo run it: threads keep cached pages
                    # flowing while a few requests wait on an unanswering database.
                    "--worker-class", "gthread",
                    "--threads", "4",
                    "--timeout", "30",
                    "--graceful-timeout", "5",
                    "--no-control-socket",  # its default path in $HOME would be shared between runs
                ],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip

        def answers():
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}:\n{tail(self.log)}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5) as response:  # noqa: S310  (our own http URL)
                    return response.status == 200
            except OSError:
                return False

        wait_until(answers, 30, interval=0.2, what="gunicorn answering 200 on /")

    def stop(self):
        stop_process(self.proc)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"
