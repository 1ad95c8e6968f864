"""EMAIL_URL becomes Django's EMAIL_* settings; a wrong one stops start-up and never shows the password."""

import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from copydesk.mail.config import parse_email_url, redact

pytestmark = pytest.mark.once


def test_smtp_with_starttls_and_a_quoted_password():
    assert parse_email_url("smtp://desk%40example.com:p%2Fss@mail.example.com:587/?tls=1") == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.com",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "desk@example.com",
        "EMAIL_HOST_PASSWORD": "p/ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10.0,
    }


def test_smtps_defaults_to_465_and_plain_smtp_to_25():
    assert parse_email_url("smtps://mail.example.com")["EMAIL_PORT"] == 465
    assert parse_email_url("smtps://mail.example.com")["EMAIL_USE_SSL"] is True
    plain = parse_email_url("smtp://localhost?timeout=3")
    assert (plain["EMAIL_PORT"], plain["EMAIL_USE_TLS"], plain["EMAIL_TIMEOUT"]) == (25, False, 3.0)


def test_console_file_and_anymail():
    assert parse_email_url("console:") == {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    assert parse_email_url("file:///var/lib/copydesk/mail") == {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": "/var/lib/copydesk/mail",
    }
    assert parse_email_url("anymail://mailgun?api_key=k-123&sender_domain=mg.example.com") == {
        "EMAIL_BACKEND": "anymail.backends.mailgun.EmailBackend",
        "ANYMAIL": {"MAILGUN_API_KEY": "k-123", "MAILGUN_SENDER_DOMAIN": "mg.example.com"},
    }


@pytest.mark.parametrize(
    "url, reason",
    [
        ("smtp://user:hunter2secret@mail.example.com:notaport/", "Port"),
        ("smtp://user:hunter2secret@mail.example.com/?tls=maybe", "tls='maybe'"),
        ("smtp://user:hunter2secret@mail.example.com/?starttls=1", "unknown option 'starttls'"),
        ("smtps://user:hunter2secret@mail.example.com/?tls=1", "exclude each other"),
        ("smtp://user:hunter2secret@/", "no host"),
        ("file://relative/folder", "absolute folder"),
        ("postmark://user:hunter2secret@api", "use smtp://"),
        ("smtp://user:hunter2secret@mail.example.com/?timeout=-1", "timeout"),
    ],
)
def test_a_wrong_url_says_why_without_the_password(url, reason):
    with pytest.raises(ImproperlyConfigured) as caught:
        parse_email_url(url)
    message = str(caught.value)
    assert reason in message and "hunter2secret" not in message and "\n" not in message


def test_redact_hides_only_the_password():
    assert (
        redact("smtp://desk:hunter2secret@mail.example.com:587/") == "smtp://desk:***@mail.example.com:587/"
    )
    assert redact("console:") == "console:"


def test_a_wrong_url_stops_start_up_with_one_line(tmp_path):
    env = {"EMAIL_URL": "smtp://desk:hunter2secret@mail.example.com/?tls=2", "COPYDESK_DEMO": "1",
           "COPYDESK_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}  # fmt: skip
    run = subprocess.run(
        [sys.executable, "-m", "copydesk", "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode != 0
    assert "EMAIL_URL 'smtp://desk:***@mail.example.com/?tls=2' is not usable" in run.stderr
    assert "hunter2secret" not in run.stderr + run.stdout


def test_the_password_is_hidden_from_the_debug_page_and_diffsettings(tmp_path):
    script = (
        "import django; django.setup(); from django.views.debug import SafeExceptionReporterFilter; "
        "from django.conf import settings; "
        "print(settings.EMAIL_HOST_PASSWORD == 'hunter2secret', SafeExceptionReporterFilter().get_safe_settings())"
    )
    env = {"EMAIL_URL": "smtp://desk:hunter2secret@mail.example.com:587/?tls=1", "COPYDESK_DEMO": "1",
           "COPYDESK_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "copydesk.settings",
           "PATH": "/usr/bin:/bin"}  # fmt: skip
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("True ") and "hunter2secret" not in run.stdout.split(" ", 1)[1]
