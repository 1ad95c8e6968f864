"""The deployment examples in deploy/ are valid, and say the same as the settings they configure.

nginx and systemd check their own files (`nginx -t`, `systemd-analyze verify`) with the
placeholders pointed at temporary directories; nginx is also started on free local ports to show
what readers and Varnish receive. Nothing here reaches the network.
"""

import configparser
import http.client
import json
import os
import re
import secrets
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
ENV_EXAMPLE = DEPLOY / "systemd" / "copydesk.env.example"
GUNICORN_VARIABLES = (
    "GUNICORN_BIND",
    "WEB_CONCURRENCY",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    "FORWARDED_ALLOW_IPS",
)
pytestmark = pytest.mark.once  # files and local servers, not the database

INSTALL_DIR = "/opt/copydesk"  # where the units and docs/deploy.md install the code

# Settings read by copydesk/settings.py that a production environment file must not set.
LEFT_OUT_ON_PURPOSE = {
    "DEBUG": "never on in production",
    "COPYDESK_DEMO": "allows the built-in, public signing key",
}


def require(program):
    """Return the path of a program the test needs; skip without it, but fail in CI."""
    found = shutil.which(program) or next(
        (str(p) for p in (Path("/usr/sbin") / program, Path("/sbin") / program) if p.exists()), None
    )
    if found is None:
        message = f"{program} is not installed (apt-get install {program}; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def run(command, *, env=None, timeout=120):
    """Run a command from the repository root; return the finished process."""
    return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)  # noqa: S603


# --- The environment file --------------------------------------------------------------------


def read_env_example():
    """Return the example's set variables (name: value) and the optional ones shown commented out."""
    active, optional = {}, {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if match := re.fullmatch(r"([A-Z][A-Z0-9_]*)=(.*)", line):
            active[match[1]] = match[2].removeprefix('"').removesuffix('"')
        elif match := re.fullmatch(r"#([A-Z][A-Z0-9_]*)=(.*)", line):
            optional[match[1]] = match[2]
    return active, optional


def variables_read_by_settings():
    source = (ROOT / "copydesk" / "settings.py").read_text()
    return set(re.findall(r'env(?:_bool)?\("([A-Z_]+)"', source))


def production_environment(tmp_path, **overrides):
    """Return the example's environment, with paths on disk moved into tmp_path."""
    active, _ = read_env_example()
    for name in ("static", "media"):
        (tmp_path / name).mkdir(exist_ok=True)
    return {
        **active,
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "copydesk.settings",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "COPYDESK_VAR_DIR": str(tmp_path),
        **overrides,
    }


def test_env_example_sets_only_documented_variables():
    active, optional = read_env_example()
    documented = (ROOT / "docs" / "reference" / "settings.md").read_text()

    assert "SECRET_KEY" in active and "DATABASE_URL" in active
    undocumented = sorted(name for name in {*active, *optional} if f"`{name}`" not in documented)
    assert not undocumented, f"document these in docs/reference/settings.md: {undocumented}"


def test_env_example_names_every_setting_or_says_why_not():
    active, optional = read_env_example()
    text = ENV_EXAMPLE.read_text()

    missing = sorted(variables_read_by_settings() - {*active, *optional} - set(LEFT_OUT_ON_PURPOSE))
    assert not missing, (
        f"add these to {ENV_EXAMPLE.name} (or to LEFT_OUT_ON_PURPOSE, with a reason): {missing}"
    )
    for name in LEFT_OUT_ON_PURPOSE:
        assert name not in active and name not in optional
        assert name in text, f"{ENV_EXAMPLE.name} should say that {name} is left out on purpose"


def test_env_example_configures_the_production_stack():
    active, _ = read_env_example()

    assert active["DATABASE_URL"].startswith("postgres://")
    assert active["REDIS_URL"].startswith("redis://")
    assert active["COPYDESK_HTTPS"] == "1"
    assert active["COPYDESK_SERVE_MEDIA"] == "0"
    assert active["COPYDESK_PURGE_URLS"] == "http://127.0.0.1:6081/"
    assert "REPLACE" in active["SECRET_KEY"]


def test_env_example_reads_the_same_in_sh_as_in_systemd(tmp_path):
    active, _ = read_env_example()
    script = f'set -a; . "{ENV_EXAMPLE}"; set +a; "{sys.executable}" -c "import json, os; print(json.dumps(dict(os.environ)))"'

    result = run(["sh", "-c", script], env={"PATH": os.environ["PATH"]})

    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert {name: seen.get(name) for name in active} == active


def test_env_example_passes_check_deploy_once_its_secret_key_is_replaced(tmp_path):
    environment = production_environment(tmp_path, SECRET_KEY=secrets.token_urlsafe(50))

    result = run(
        [sys.executable, "-m", "copydesk", "check", "--deploy", "--fail-level", "WARNING"], env=environment
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_env_example_placeholder_secret_key_fails_check_deploy(tmp_path):
    environment = production_environment(tmp_path)

    result = run(
        [sys.executable, "-m", "copydesk", "check", "--deploy", "--fail-level", "WARNING"], env=environment
    )

    assert result.returncode != 0
    assert "security.W009" in result.stderr


# --- gunicorn -------------------------------------------------------------------------------


def test_gunicorn_config_loads_the_application(tmp_path):
    # gunicorn imports its config as a module: keep it from leaving deploy/__pycache__ behind.
    environment = production_environment(
        tmp_path, SECRET_KEY=secrets.token_urlsafe(50), PYTHONDONTWRITEBYTECODE="1"
    )
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "--check-config", "-c", "deploy/gunicorn.conf.py"]
    if not Path(command[0]).exists():
        command[0] = str(Path(sys.executable).parent / "gunicorn")

    result = run([*command, "copydesk.wsgi:application"], env=environment)

    assert result.returncode == 0, result.stdout + result.stderr


def test_gunicorn_config_serves_loopback_with_capped_workers(monkeypatch):
    for name in GUNICORN_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    config = {}
    exec(compile((DEPLOY / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), config)  # noqa: S102

    assert config["bind"] == ["127.0.0.1:8000"]
    assert config["workers"] == min(2 * os.cpu_count() + 1, 12)
    assert config["preload_app"] is True
    assert config["accesslog"] == "-"
    assert config["graceful_timeout"] < config["timeout"]
    assert config["forwarded_allow_ips"] == "127.0.0.1,::1"


def test_gunicorn_environment_variables_are_documented_in_the_deploy_guide():
    read = set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', (DEPLOY / "gunicorn.conf.py").read_text()))
    guide = (ROOT / "docs" / "deploy.md").read_text()

    assert read == set(GUNICORN_VARIABLES)
    assert sorted(name for name in read if f"`{name}`" not in guide) == []


# --- systemd --------------------------------------------------------------------------------


def read_unit(name):
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str  # systemd keys are case-sensitive
    unit.read_string((DEPLOY / "systemd" / name).read_text())
    return unit


def local_path(path):
    """Return where a path under the install directory is in this checkout."""
    return ROOT / Path(path).relative_to(INSTALL_DIR)


def test_web_unit_starts_gunicorn_with_the_example_config():
    service = read_unit("copydesk-web.service")["Service"]
    program, *arguments = shlex.split(service["ExecStart"])

    assert program == f"{INSTALL_DIR}/.venv/bin/gunicorn"
    assert arguments[arguments.index("-c") + 1] == f"{INSTALL_DIR}/deploy/gunicorn.conf.py"
    assert local_path(arguments[arguments.index("-c") + 1]).is_file()
    assert arguments[-1] == "copydesk.wsgi:application"
    assert service["EnvironmentFile"] == "/etc/copydesk/copydesk.env"
    assert service["Type"] == "notify"


@pytest.mark.parametrize(
    "unit, role",
    [("copydesk-worker.service", "--no-scheduler"), ("copydesk-scheduler.service", "--scheduler-only")],
)
def test_worker_and_scheduler_units_run_copydesk_worker_and_always_restart(unit, role):
    service = read_unit(unit)["Service"]
    program, command, *arguments = shlex.split(service["ExecStart"])

    assert program == f"{INSTALL_DIR}/.venv/bin/copydesk"
    assert command == "worker" and command in get_commands()
    assert "--once" not in arguments and role in arguments
    from copydesk.background.management.commands.worker import Command

    Command().create_parser("copydesk", "worker").parse_args(arguments)  # options the command takes
    assert service["Restart"] == "always"
    assert service["EnvironmentFile"] == "/etc/copydesk/copydesk.env"
    # The worker stops within COPYDESK_WORKER_STOP_SECONDS (2 s) and a few seconds more at most.
    assert int(service["TimeoutStopSec"]) >= 8


def test_units_pass_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed; the configparser tests above still run")
    venv = ROOT / ".venv"
    if not (venv / "bin" / "copydesk").exists():
        pytest.skip("no .venv/bin/copydesk in this checkout to stand in for the installed one")
    for name in ("copydesk-web.service", "copydesk-worker.service", "copydesk-scheduler.service"):
        # Point the units at this checkout, so verify can check that their programs exist.
        text = (DEPLOY / "systemd" / name).read_text().replace(INSTALL_DIR, str(ROOT))
        (tmp_path / name).write_text(text)

    result = run([analyze, "verify", "--man=no", *sorted(str(p) for p in tmp_path.glob("*.service"))])

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.strip() == ""


# --- nginx ----------------------------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_setup(tmp_path, site_text):
    """Write a self-signed certificate, an nginx.conf that includes the site, and the data dirs."""
    openssl = require("openssl")
    certs = tmp_path / "certs"
    for directory in ("certs", "static/public", "media/original_images", "media/documents", "acme", "temp"):
        (tmp_path / directory).mkdir(parents=True, exist_ok=True)
    made = run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=news.example",
         "-keyout", str(certs / "privkey.pem"), "-out", str(certs / "fullchain.pem")]
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    site_text = (
        site_text.replace("/etc/letsencrypt/live/news.example", str(certs))
        .replace("/var/lib/copydesk", str(tmp_path))
        .replace("/var/www/acme", str(tmp_path / "acme"))
    )
    (tmp_path / "copydesk.conf").write_text(site_text)
    temp = tmp_path / "temp"
    # As root, workers would run as nobody, who cannot read pytest's private temporary directory.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"{user}pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log {tmp_path}/access.log;\n"
        + "".join(
            f"  {kind}_temp_path {temp}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"  include {tmp_path}/copydesk.conf;\n}}\n"
    )
    return tmp_path / "nginx.conf"


def test_nginx_example_passes_nginx_t(tmp_path):
    nginx = require("nginx")
    conf = nginx_setup(tmp_path, (DEPLOY / "nginx" / "copydesk.conf").read_text())

    result = run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf)])

    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


class Upstream(BaseHTTPRequestHandler):
    """Stands in for Varnish: remembers every request and answers 200."""

    seen = []

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.seen.append((self.command, self.path, dict(self.headers)))
        body = b"from the app"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_HEAD = do_POST = do_PURGE = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def nginx_site(tmp_path):
    """Run the example site in nginx on free local ports, in front of a stand-in for Varnish."""
    nginx = require("nginx")
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    Upstream.seen = []
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    http_port, https_port = free_port(), free_port()
    site = (
        (DEPLOY / "nginx" / "copydesk.conf")
        .read_text()
        .replace("listen [::]:80;", "")
        .replace("listen [::]:443 ssl http2;", "")
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
        .replace("server 127.0.0.1:6081;", f"server 127.0.0.1:{upstream.server_port};")
    )
    conf = nginx_setup(tmp_path, site)
    (tmp_path / "static/public/site.0123456789ab.css").write_text("body{}")
    (tmp_path / "static/public/site.css").write_text("body{}")
    (tmp_path / "media/original_images/photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "media/documents/private.pdf").write_bytes(b"%PDF-1.7")
    server = subprocess.Popen(  # noqa: S603
        [nginx, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"nginx did not start: {server.communicate()[1]}")
            time.sleep(0.05)
    context = ssl.create_default_context(cafile=str(tmp_path / "certs" / "fullchain.pem"))
    context.check_hostname = False  # the certificate names news.example; we connect to 127.0.0.1

    def request(method, path, *, https=True, headers=None, body=None):
        if https:
            connection = http.client.HTTPSConnection("127.0.0.1", https_port, context=context, timeout=10)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
        connection.request(method, path, body=body, headers={"Host": "news.example", **(headers or {})})
        response = connection.getresponse()
        response.read()
        connection.close()
        return response

    yield request
    server.terminate()
    server.wait(timeout=10)
    upstream.shutdown()
    upstream.server_close()


def test_nginx_sends_plain_http_to_https(nginx_site):
    response = nginx_site("GET", "/world/a-story/?page=2", https=False)

    assert response.status == 301
    assert response.getheader("Location") == "https://news.example/world/a-story/?page=2"
    assert Upstream.seen == []


def test_nginx_caches_hashed_static_files_for_a_year(nginx_site):
    hashed = nginx_site("GET", "/static/public/site.0123456789ab.css")
    plain = nginx_site("GET", "/static/public/site.css")

    assert hashed.status == 200 and plain.status == 200
    assert hashed.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert plain.getheader("Cache-Control") == "public, max-age=3600"
    assert Upstream.seen == []


def test_nginx_serves_media_from_disk_but_never_documents(nginx_site):
    photo = nginx_site("GET", "/media/original_images/photo.jpg")
    document = nginx_site("GET", "/media/documents/private.pdf")

    assert photo.status == 200
    assert photo.getheader("Cache-Control") == "public, max-age=86400"
    assert "sandbox" in photo.getheader("Content-Security-Policy")
    assert document.status == 404
    assert Upstream.seen == []


def test_nginx_sends_the_sites_permissions_policy_with_the_files_it_serves(nginx_site, settings):
    from copydesk.desk.permissions_policy import header_value

    expected = header_value(settings.COPYDESK_PERMISSIONS_POLICY)
    for path in ("/static/public/site.css", "/media/original_images/photo.jpg"):
        response = nginx_site("GET", path)
        assert response.status == 200
        assert response.getheader("Permissions-Policy") == expected, path


def test_nginx_passes_pages_to_varnish_as_https_without_purge_keys(nginx_site):
    response = nginx_site(
        "GET", "/world/a-story/", headers={"X-Forwarded-Proto": "http", "X-Purge-Keys": "site"}
    )

    assert response.status == 200
    [(method, path, headers)] = Upstream.seen
    assert (method, path) == ("GET", "/world/a-story/")
    assert headers["Host"] == "news.example"
    assert headers["X-Forwarded-Proto"] == "https"
    assert headers["X-Forwarded-For"] == "127.0.0.1"
    assert "X-Purge-Keys" not in headers


def test_nginx_never_passes_a_readers_purge_on(nginx_site):
    response = nginx_site("PURGE", "/", headers={"X-Purge-Keys": "site"})

    assert response.status == 405
    assert Upstream.seen == []


def test_nginx_accepts_large_image_uploads_and_refuses_larger(nginx_site):
    upload = nginx_site("POST", "/admin/images/multiple/add/", body=b"x" * (12 * 1024 * 1024))
    # nginx answers from the Content-Length header alone, before any of the body is sent.
    too_big = nginx_site(
        "POST", "/admin/images/multiple/add/", headers={"Content-Length": str(26 * 1024 * 1024)}
    )

    assert upload.status == 200
    assert too_big.status == 413
