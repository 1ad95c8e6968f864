"""A time limit for ranking a search, enforced by the database engine itself.

Ranking by relevance reads every match, so a word found in most of a large archive costs time in
proportion to the archive. Past the limit the engine stops the query (PostgreSQL's
`statement_timeout`, SQLite's progress handler) and the caller falls back to newest first, which
stops reading as soon as a page is full.
"""

import time
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections, transaction

QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement stopped by statement_timeout


@contextmanager
def time_limit(milliseconds, using=DEFAULT_DB_ALIAS):
    connection = connections[using]
    if connection.vendor == "postgresql":
        # SET LOCAL lasts until the end of this transaction: only the queries inside are limited.
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                # At least 1: 0 would turn PostgreSQL's limit off instead of stopping at once.
                timeout = f"{max(milliseconds, 1)}ms"
                cursor.execute("SELECT set_config('statement_timeout', %s, true)", [timeout])
            yield
    elif connection.vendor == "sqlite":
        # No transaction here: SQLite's IMMEDIATE transactions would take the write lock for a read.
        deadline = time.monotonic() + milliseconds / 1000
        connection.ensure_connection()
        connection.connection.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
        try:
            yield
        finally:
            connection.connection.set_progress_handler(None, 0)
    else:
        yield


def ran_out_of_time(error):
    """True when the engine stopped the query because time_limit() ran out."""
    cause = error.__cause__
    return getattr(cause, "sqlstate", None) == QUERY_CANCELED or str(cause) == "interrupted"
