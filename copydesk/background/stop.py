"""The worker's stop request, which long tasks watch so they end between two items."""

import threading

# Set by `copydesk worker` on SIGTERM or SIGINT. A task that sees it stops where it may resume
# (a delivery between two items) and returns; the worker gives back what is still running after
# COPYDESK_WORKER_STOP_SECONDS.
stopping = threading.Event()
