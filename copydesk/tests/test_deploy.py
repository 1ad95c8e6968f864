"""Production settings pass Django's deployment checklist, and keep their cookies to HTTPS and the server.

Each test starts Copydesk in a subprocess with nothing but a production environment, because
settings are read from the environment once, at start-up.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def production(tmp_path):
    """Return the environment a production server runs with: no demo, no debug, HTTPS behind a proxy."""
    (tmp_path / "static").mkdir()
    return {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "copydesk.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "0",
        "ALLOWED_HOSTS": "news.example",
        "COPYDESK_HTTPS": "1",
        "COPYDESK_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'copydesk.sqlite3'}",
    }


def python(env, *args):
    """Run this Python with the given arguments and environment only; return the finished process."""
    command = [sys.executable, *args]
    return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)  # noqa: S603


def test_check_deploy_finds_nothing_with_production_settings(production):
    result = python(production, "-m", "copydesk", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_still_warns_without_https(production):
    del production["COPYDESK_HTTPS"]
    result = python(production, "-m", "copydesk", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr


def test_production_cookies_are_secure_and_http_only(production):
    names = [
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "SECURE_HSTS_PRELOAD",
        "SECURE_SSL_REDIRECT",
        "X_FRAME_OPTIONS",
    ]
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    )
    result = python(production, "-c", script)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_SSL_REDIRECT": True,
        "X_FRAME_OPTIONS": "DENY",
    }
