"""gunicorn settings for Copydesk in production.

    gunicorn -c deploy/gunicorn.conf.py copydesk.wsgi:application

Copydesk's own settings come from the environment (docs/reference/settings.md); these few are the
web server's, also from the environment, with defaults for one machine behind a local proxy
(docs/deploy.md lists them):

    GUNICORN_BIND          address to listen on (default 127.0.0.1:8000: only the local proxy reaches it)
    WEB_CONCURRENCY        worker processes (default 2 x cores + 1, at most 12)
    GUNICORN_THREADS       threads per worker (default 4)
    GUNICORN_TIMEOUT       seconds a request may take before its worker is replaced (default 60)
    FORWARDED_ALLOW_IPS    proxies trusted for X-Forwarded-* headers (default 127.0.0.1,::1)
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# The usual 2 x cores + 1, capped: past a dozen processes a machine runs out of memory and database
# connections (each worker keeps its own for DATABASE_CONN_MAX_AGE) before it runs out of CPU.
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * multiprocessing.cpu_count() + 1, 12))
# Threads let one worker wait on PostgreSQL or Redis for one request while it serves another.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# Reader pages answer in milliseconds; the margin is for the admin, where an image upload makes
# renditions. A request still running after this is killed and its worker replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On stop or restart, requests in flight get this long to finish (systemd waits a little longer).
graceful_timeout = 30
# Varnish and nginx keep connections to gunicorn open; close idle ones after this many seconds.
keepalive = 5

# Load Django once in the master: workers fork with it already imported (less memory, quicker
# starts), and an error in the settings stops the service at once instead of looping workers.
# The price: `kill -HUP` does not load new code; an upgrade needs `systemctl restart`.
preload_app = True
# Recycle workers now and then so that a slow leak in a library never becomes an outage.
max_requests = 2000
max_requests_jitter = 200

# One line per request on stdout, and errors on stderr: journald (or the container) keeps both.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'

# gunicorn honours X-Forwarded-* only from these addresses (the proxy on this machine). Django reads
# X-Forwarded-Proto itself when COPYDESK_HTTPS=1 (SECURE_PROXY_SSL_HEADER), which is why gunicorn
# listens on loopback and the proxy in front always overwrites that header: never a reader's word.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "copydesk-web"
