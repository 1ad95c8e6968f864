"""Settings for the test suite: the real settings, in a time zone far from UTC."""

import os
import tempfile

# UTC+13:45 (+12:45 in winter): a naive datetime or a missing conversion shows up at once.
os.environ.setdefault("COPYDESK_TIME_ZONE", "Pacific/Chatham")
os.environ.setdefault("COPYDESK_VAR_DIR", tempfile.mkdtemp(prefix="copydesk-test-"))
# Tasks run at once in the caller unless a test chooses a queue (copydesk/background/tests).
os.environ.setdefault("COPYDESK_TASKS_BACKEND", "immediate")
os.environ.setdefault("SECRET_KEY", "copydesk-test-suite-only-" + "x" * 40)

from .settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; never in production
ALLOWED_HOSTS = ["*"]
# Tests render templates without running collectstatic first.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (WhiteNoise warns when it is missing)

# Tests run inside transactions whose on_commit purges never fire; caching tests turn it on.
COPYDESK_PAGE_CACHE = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # noqa: F405
