"""EMAIL_URL: where mail goes, as one URL, parsed into Django's EMAIL_* settings.

dj-email-url does this too, but has had no release since 2022; the parser is short and tested
(copydesk/mail/tests/test_config.py). Errors name the problem and the URL without its password,
because they end up in start-up logs.
"""

from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP = "django.core.mail.backends.smtp.EmailBackend"
SIMPLE_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}
SMTP_OPTIONS = {"tls", "ssl", "timeout"}
TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def redact(url: str) -> str:
    """The URL with its password replaced by ***, fit for a log line or an error message."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(an unreadable URL)"
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[1]
    return parts._replace(netloc=f"{user}:***@{host}").geturl()


def parse_email_url(url: str) -> dict:
    """Return the Django settings EMAIL_URL stands for; raise ImproperlyConfigured if it is wrong.

    smtp://user:password@host:587/?tls=1  SMTP with STARTTLS (port 25 by default)
    smtps://user:password@host            SMTP over TLS (port 465 by default)
    console:  memory:  dummy:              Django's console, in-memory and discarding backends
    file:///absolute/folder                one file per connection in that folder
    anymail://mailgun?api_key=...          a provider's API through django-anymail (installed apart)
    """
    try:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        if scheme in SIMPLE_BACKENDS and not (parts.netloc or parts.path.strip("/") or parts.query):
            return {"EMAIL_BACKEND": SIMPLE_BACKENDS[scheme]}
        if scheme == "file":
            return _file(parts)
        if scheme in ("smtp", "smtps"):
            return _smtp(parts, scheme)
        if scheme == "anymail":
            return _anymail(parts)
        raise ValueError(
            "use smtp://, smtps://, console:, file:///folder, memory:, dummy: or anymail://provider"
        )
    except ValueError as error:
        raise ImproperlyConfigured(f"EMAIL_URL {redact(url)!r} is not usable: {error}.") from None


def _options(parts, allowed):
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise ValueError(f"unknown option {unknown[0]!r} (known: {', '.join(sorted(allowed)) or 'none'})")
    return options


def _flag(options, name):
    value = options.get(name, "0").strip().lower()
    if value not in TRUE | FALSE:
        raise ValueError(f"{name}={value!r} should be 1 or 0")
    return value in TRUE


def _smtp(parts, scheme):
    options = _options(parts, SMTP_OPTIONS)
    if not parts.hostname:
        raise ValueError("no host")
    if parts.path.strip("/"):
        raise ValueError("an SMTP URL has no path")
    port = parts.port  # raises ValueError for a port that is not a number or out of range
    use_ssl = scheme == "smtps" or _flag(options, "ssl")
    use_tls = _flag(options, "tls")
    if use_ssl and use_tls:
        raise ValueError("tls=1 (STARTTLS) and SSL (smtps://) exclude each other")
    try:
        timeout = float(options.get("timeout", "10"))
    except ValueError:
        raise ValueError("timeout should be a number of seconds") from None
    if timeout <= 0:
        raise ValueError("timeout should be a number of seconds")
    return {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or (465 if use_ssl else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_TIMEOUT": timeout,
    }


def _file(parts):
    _options(parts, set())
    if parts.netloc or not parts.path.startswith("/"):
        raise ValueError("give an absolute folder, as file:///var/lib/copydesk/mail")
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": unquote(parts.path),
    }


def _anymail(parts):
    provider = (parts.hostname or parts.path.strip("/")).lower()
    if not provider.replace("_", "").isalnum():
        raise ValueError("name the provider, as anymail://mailgun or anymail://postmark")
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    return {
        "EMAIL_BACKEND": f"anymail.backends.{provider}.EmailBackend",
        "ANYMAIL": {f"{provider.upper()}_{name.upper()}": value for name, value in options.items()},
    }
