"""Django settings for Copydesk, read from the environment.

Every knob is an environment variable with a safe default for the embedded demo; see
docs/reference/settings.md, which a test keeps in step with this file.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from copydesk.mail.config import parse_email_url


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


BASE_DIR = Path(__file__).resolve().parent
# Where the embedded default keeps its database, uploads and collected static files.
VAR_DIR = Path(env("COPYDESK_VAR_DIR", BASE_DIR.parent / "var")).resolve()

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or env_bool("COPYDESK_DEMO", False)):
        raise ImproperlyConfigured(
            "Set the SECRET_KEY environment variable (50+ random characters). "
            "For a local demo, run `make demo`, which sets COPYDESK_DEMO=1."
        )
    SECRET_KEY = "copydesk-insecure-demo-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "copydesk.accounts",
    "copydesk.newsroom",
    "copydesk.wire",
    "copydesk.public",
    "copydesk.search",
    "copydesk.wordpress",
    "copydesk.desk",
    "copydesk.demo",
    "copydesk.background",
    "wagtail.users",
    "wagtail.sites",  # the page explorer links to Sites; Copydesk keeps Wagtail's one default site
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "taggit",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost but one, so every response carries the policy, static files and error pages included.
    "copydesk.desk.csp.ContentSecurityPolicyMiddleware",
    "copydesk.desk.permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag from the content and 304 answers, for cached and fresh pages alike.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before sessions and CSRF: a cached reader page needs neither, and sets no cookie.
    "copydesk.public.middleware.PublicPageCacheMiddleware",
    # Inside the page cache: a 301 from an old WordPress address is cached with its story's key.
    "copydesk.wordpress.middleware.OldURLRedirectMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Ids that are not numbers and searches of hundreds of words stop here, before Wagtail's views.
    "copydesk.desk.admin_input.AdminQueryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a login refused during a lockout into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "copydesk.urls"
WSGI_APPLICATION = "copydesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "copydesk.public.context_processors.newsroom",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'copydesk.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the worker writes; a busy timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # Fail fast when the database is away, so readers get a stale page or a quick 503, not a hang.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        env("DATABASE_CONNECT_TIMEOUT", "3")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
else:
    # File-based, so that web processes and the worker share purges without a server.
    CACHES = {
        "default": {
            # Django's, counting its files every few seconds instead of before every write.
            "BACKEND": "copydesk.public.filecache.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 50000},
        }
    }

# Background work (issue 13; docs/reference/settings.md, docs/architecture.md): Django's Tasks API on
# a database queue (django-tasks-db) on one machine, on Redis (django-tasks-rq, RQ) when REDIS_URL is
# set, or run at once in the caller ("immediate", for tests). `copydesk worker` runs the queue.
COPYDESK_TASKS_BACKEND = env("COPYDESK_TASKS_BACKEND", "redis" if REDIS_URL else "database")
# Two queues: "default" for what readers and editors wait on (mail, purges, indexing, pictures),
# "wire" for polling and ingest, so a backlog of deliveries never delays the rest.
TASK_QUEUES = ["default", "wire"]
if COPYDESK_TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
elif COPYDESK_TASKS_BACKEND == "redis":
    if not REDIS_URL:
        raise ImproperlyConfigured("COPYDESK_TASKS_BACKEND is redis: set REDIS_URL (redis://host:6379/0).")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
elif COPYDESK_TASKS_BACKEND == "immediate":
    TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": TASK_QUEUES}
    }
else:
    raise ImproperlyConfigured(
        f"COPYDESK_TASKS_BACKEND is {COPYDESK_TASKS_BACKEND!r}; use database, redis or immediate."
    )
# RQ's queues (django-rq), used when the Redis backend is chosen. A job runs at most this long.
RQ_QUEUES = {
    name: {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 3600} for name in TASK_QUEUES
}
# The worker's threads per process, and how long a stopping worker lets a running task finish
# before giving it back to the queue (systemd's stop timeout must be longer).
COPYDESK_WORKER_THREADS = int(env("COPYDESK_WORKER_THREADS", "4"))
COPYDESK_WORKER_STOP_SECONDS = float(env("COPYDESK_WORKER_STOP_SECONDS", "2"))

# Axes first: it refuses a locked-out login before ModelBackend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env("COPYDESK_LANGUAGE", "en-gb")
# The newsroom's time zone: every time a reader sees is shown in it.
TIME_ZONE = env("COPYDESK_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Documents go through Wagtail's serve view, which checks who may read them (copydesk/desk/documents.py);
# never a redirect to, or a direct link into, /media/documents/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Serve uploaded media from Django itself; turn off when nginx or a bucket serves /media/.
COPYDESK_SERVE_MEDIA = env_bool("COPYDESK_SERVE_MEDIA", True)

SESSION_COOKIE_HTTPONLY = True
# Wagtail's admin scripts take the CSRF token from the page (wagtailConfig), never from the cookie.
CSRF_COOKIE_HTTPONLY = True
# DENY for browsers without CSP; Wagtail's preview views override it with SAMEORIGIN for the preview panel.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
if env_bool("COPYDESK_HTTPS", False):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Asks browsers' preload lists to include the domain (takes effect once submitted to hstspreload.org).
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp). Reader pages need no inline script, style or nonce, so a
# page cached by Varnish or a CDN stays valid for every reader. The admin's relaxations live in
# copydesk/desk/csp.py, applied to /admin/ only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        # 'self', not 'none': the admin's preview panel frames pages of this site.
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    },
}

# Permissions-Policy (copydesk/desk/permissions_policy.py): every browser feature the site does not use
# is denied to every origin. The admin copies text to the clipboard and the preview panel may go full
# screen, on our own origin only. `browsing-topics` is the successor of FLoC's `interest-cohort`, which
# browsers no longer recognise (and warn about in the console).
COPYDESK_PERMISSIONS_POLICY = {
    **{
        feature: []
        for feature in (
            "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "browsing-topics", "camera",
            "display-capture", "encrypted-media", "gamepad", "geolocation", "gyroscope", "hid",
            "identity-credentials-get", "idle-detection", "local-fonts", "magnetometer", "microphone",
            "midi", "otp-credentials", "payment", "picture-in-picture", "publickey-credentials-create",
            "publickey-credentials-get", "screen-wake-lock", "serial", "storage-access", "usb",
            "web-share", "window-management", "xr-spatial-tracking",
        )
    },
    "clipboard-write": ["self"],
    "fullscreen": ["self"],
}  # fmt: skip

AXES_VERBOSE = False
# Login throttling (django-axes): a username tried from one address is locked out after
# AXES_FAILURE_LIMIT failures. Locking by username and address together keeps an attacker from
# locking an editor out everywhere, and non-existent usernames are counted and locked exactly like
# real ones, so the answers never tell whether an account exists.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Guessing across many usernames from one address meets this limit (per cool-off period) instead.
COPYDESK_LOGIN_ADDRESS_FAILURE_LIMIT = int(env("COPYDESK_LOGIN_ADDRESS_FAILURE_LIMIT", "30"))
AXES_HANDLER = "copydesk.accounts.lockout.LockoutHandler"
# Behind nginx, Varnish or a CDN every request reaches gunicorn from a proxy: the client's address
# is read from X-Forwarded-For past these proxies only (docs/deploy.md, "Security").
COPYDESK_TRUSTED_PROXIES = [  # parsed now, so a typo stops the start-up instead of every sign-in
    str(ipaddress.ip_network(p.strip(), strict=False))
    for p in env("COPYDESK_TRUSTED_PROXIES", "127.0.0.1,::1").split(",")
    if p.strip()
]
AXES_CLIENT_IP_CALLABLE = "copydesk.accounts.addresses.client_address"
AXES_RESET_ON_SUCCESS = True
# Axes' default says "Account locked", which would confirm that the account exists.
AXES_COOLOFF_MESSAGE = f"Too many failed sign-in attempts. Please try again in {AXES_COOLOFF_TIME // timedelta(minutes=1)} minutes."
# The same work for a known and an unknown address, so the answer's timing tells nobody which exist.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "copydesk.accounts.forms.EvenPasswordResetForm"  # noqa: S105
# Wagtail would fetch editors' avatars from gravatar.com: a third-party request (and CSP source) per page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail queues index and reference updates as tasks; their progress lines are noise.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # lockouts are warnings; each cleared attempt is not news
    },
}

# Wagtail: the editors' admin.
WAGTAIL_SITE_NAME = env("COPYDESK_SITE_NAME", "The Eastbrook Ledger")
WAGTAILADMIN_BASE_URL = env("COPYDESK_BASE_URL", "http://127.0.0.1:8000")
# WAGTAILSEARCH_BACKENDS: see "Search" below.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Pixels, not bytes, decide what decoding an image costs: 10,000 x 10,000 fits in a 97 KB PNG and
# takes some 300 MiB to decode. 60 MP keeps every 45-50 MP press camera's full frame (docs/reference).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(env("COPYDESK_MAX_IMAGE_PIXELS", "60000000"))
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_I18N_ENABLED = False
TAGGIT_CASE_INSENSITIVE = True

# Copydesk's own settings (documented in docs/reference/settings.md).
COPYDESK_SITE_NAME = WAGTAIL_SITE_NAME
COPYDESK_SITE_TAGLINE = env("COPYDESK_SITE_TAGLINE", "News from the city and the world, checked twice.")
COPYDESK_BASE_URL = WAGTAILADMIN_BASE_URL
# Stories older than this many days carry an "This article is more than N years old" notice.
COPYDESK_OLD_STORY_DAYS = int(env("COPYDESK_OLD_STORY_DAYS", "730"))
COPYDESK_PAGE_SIZE = int(env("COPYDESK_PAGE_SIZE", "20"))
COPYDESK_RECENT_POSTS = int(env("COPYDESK_RECENT_POSTS", "5"))
COPYDESK_EXCERPT_LENGTH = int(env("COPYDESK_EXCERPT_LENGTH", "220"))
# Caching of reader pages (docs/reference/settings.md): shared caches keep a page this long ...
COPYDESK_CACHE_SECONDS = int(env("COPYDESK_CACHE_SECONDS", "300"))
COPYDESK_BROWSER_CACHE_SECONDS = int(env("COPYDESK_BROWSER_CACHE_SECONDS", "30"))
COPYDESK_STALE_WHILE_REVALIDATE_SECONDS = int(env("COPYDESK_STALE_WHILE_REVALIDATE_SECONDS", "60"))
COPYDESK_STALE_IF_ERROR_SECONDS = int(env("COPYDESK_STALE_IF_ERROR_SECONDS", "86400"))
# ... the built-in page cache serves them itself, and these HTTP caches are told what to purge.
COPYDESK_PAGE_CACHE = env_bool("COPYDESK_PAGE_CACHE", True)
COPYDESK_PURGE_URLS = [u.strip() for u in env("COPYDESK_PURGE_URLS", "").split(",") if u.strip()]
# HTTP caches are sent at most one purge per this many seconds; keys changed meanwhile wait for it.
COPYDESK_PURGE_INTERVAL = float(env("COPYDESK_PURGE_INTERVAL", "1"))

# E-mail (issue 13; documented in docs/reference/settings.md). EMAIL_URL says where mail goes; every
# message is sent by a task after the commit (copydesk/mail), so no action fails with the mail server.
# Not kept as a setting of its own: it holds the password, and only names with PASS, KEY, SECRET ...
# are hidden from the debug page (EMAIL_HOST_PASSWORD is).
_email = parse_email_url(
    env("EMAIL_URL") or (f"file://{VAR_DIR / 'mail'}" if env_bool("COPYDESK_DEMO", False) else "console:")
)
COPYDESK_EMAIL_DELIVERY_BACKEND = _email.pop("EMAIL_BACKEND")
globals().update(_email)  # EMAIL_HOST, EMAIL_PORT, EMAIL_FILE_PATH, ANYMAIL, ... as EMAIL_URL says
EMAIL_BACKEND = "copydesk.mail.backends.TaskEmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Copydesk <copydesk@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Search (issue 6; documented in docs/reference/settings.md).
# "database" is PostgreSQL full-text search on PostgreSQL and SQLite FTS5 on SQLite; OpenSearch
# (opensearch-py installed) is for very large archives. `copydesk reindex` after changing either.
COPYDESK_SEARCH_BACKEND = env("COPYDESK_SEARCH_BACKEND", "database")
if COPYDESK_SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "copydesk.search.backends.database",
            # PostgreSQL's text search configuration: its stemming and stop words.
            "SEARCH_CONFIG": env("COPYDESK_SEARCH_CONFIG", "english"),
            # Rebuild in place, a chunk per transaction: SQLite would otherwise lock out writers.
            "ATOMIC_REBUILD": False,
        }
    }
elif COPYDESK_SEARCH_BACKEND in ("opensearch2", "opensearch3"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{COPYDESK_SEARCH_BACKEND}",
            "URLS": [u.strip() for u in env("COPYDESK_OPENSEARCH_URL", "http://127.0.0.1:9200").split(",")],
            "INDEX_PREFIX": env("COPYDESK_OPENSEARCH_INDEX_PREFIX", "copydesk_"),
            "TIMEOUT": int(env("COPYDESK_OPENSEARCH_TIMEOUT", "5")),
            # Build a new index and switch to it when done, so search keeps answering meanwhile.
            "ATOMIC_REBUILD": True,
        }
    }
else:
    raise ImproperlyConfigured(
        f"COPYDESK_SEARCH_BACKEND is {COPYDESK_SEARCH_BACKEND!r}; use database, opensearch2 or opensearch3."
    )
# Ranking by relevance that would take longer is stopped; the reader gets the newest matches first.
COPYDESK_SEARCH_RANK_TIMEOUT_MS = int(env("COPYDESK_SEARCH_RANK_TIMEOUT_MS", "1000"))

# Feeds, sitemaps and structured data (issue 6; documented in docs/reference/settings.md).
# Stories per feed; full text in feeds (agency and partner copy always gets its excerpt).
COPYDESK_FEED_ITEMS = int(env("COPYDESK_FEED_ITEMS", "30"))
COPYDESK_FEED_FULL_CONTENT = env_bool("COPYDESK_FEED_FULL_CONTENT", False)
# The publisher's logo in structured data and share cards: a static path or an absolute URL.
COPYDESK_PUBLISHER_LOGO = env("COPYDESK_PUBLISHER_LOGO", "public/logo.png")
COPYDESK_RELATED_STORIES = int(env("COPYDESK_RELATED_STORIES", "4"))

# WordPress import (issue 6; documented in docs/reference/settings.md).
# The section for imported posts without a category (made if missing); `--default-section` overrides it.
WORDPRESS_DEFAULT_SECTION = env("WORDPRESS_DEFAULT_SECTION", "News")

# Wire ingest (documented in docs/reference/settings.md).
# Hosts and addresses the fetcher may reach although they are loopback or private (tests, the demo).
# Every drop folder lies inside this one (links resolved): the worker moves and the admin shows
# what a folder holds, so no source may name the data folder, /etc or anything else on the server.
WIRE_DROP_ROOT = Path(env("WIRE_DROP_ROOT", VAR_DIR / "dropbox"))
WIRE_FETCH_ALLOW_HOSTS = [h.strip() for h in env("WIRE_FETCH_ALLOW_HOSTS", "").split(",") if h.strip()]
WIRE_FETCH_TIMEOUT = float(env("WIRE_FETCH_TIMEOUT", "20"))
WIRE_FETCH_MAX_BYTES = int(env("WIRE_FETCH_MAX_BYTES", str(20 * 1024 * 1024)))
# How many times an agency picture is tried when its server says "not now" (404, 5xx, a timeout).
WIRE_PICTURE_ATTEMPTS = int(env("WIRE_PICTURE_ATTEMPTS", "5"))
# Agency video and audio (wire/av.py): largest file fetched, and how long one fetch may take.
WIRE_MEDIA_MAX_BYTES = int(env("WIRE_MEDIA_MAX_BYTES", str(200 * 1024 * 1024)))
WIRE_MEDIA_TIMEOUT = float(env("WIRE_MEDIA_TIMEOUT", "600"))
# Items received within this many days are compared when looking for near-duplicates.
WIRE_DUPLICATE_WINDOW_DAYS = int(env("WIRE_DUPLICATE_WINDOW_DAYS", "3"))
# Jaccard similarity (character 5-shingles) at which two items are the same story; see bench/dedupe_quality.py.
WIRE_DUPLICATE_THRESHOLD = float(env("WIRE_DUPLICATE_THRESHOLD", "0.15"))
# A band key shared by more recent items than this is skipped (an agency footer, not a story).
WIRE_DUPLICATE_COMMON_BAND_ITEMS = int(env("WIRE_DUPLICATE_COMMON_BAND_ITEMS", "100"))
# Items of one delivery stored in one transaction (wire/deliveries.py); a crash repeats at most a batch.
WIRE_INGEST_BATCH_ITEMS = int(env("WIRE_INGEST_BATCH_ITEMS", "200"))
# How long a worker's hold on a source it polls, or on a drop-folder file it reads, lasts without a
# sign of life before another worker takes over (a dead worker on the same host is seen at once).
WIRE_LEASE_SECONDS = float(env("WIRE_LEASE_SECONDS", "600"))
# Files of one drop folder waiting in the task queue or being read at once (wire/dispatch.py): enough
# to keep the machine busy with a backlog, fewer than the worker threads (two processes of four), so
# that a thread is free for another agency's file.
WIRE_FOLDER_LANES = int(env("WIRE_FOLDER_LANES", "4"))
