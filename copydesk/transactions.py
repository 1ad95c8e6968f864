"""Transactions that either commit or say that they did not.

Django ends an atomic block with a silent rollback when code inside it caught a database error
and went on: a receiver, a task run in place by the immediate task backend (Wagtail's reference
index), a search backend. The block's exit sees the error flag, or a connection closed under
it, rolls back without raising, and the caller carries on as if its writes were stored. Work
that must never be lost that way (a wire item together with its delivery's progress) runs in
`committed()`, which raises `RolledBack` instead; it is an OperationalError, so the worker takes
it as a database that went away, gives the file back and resumes after the last stored item.
"""

import threading
from contextlib import contextmanager

from django.db import OperationalError, transaction


class RolledBack(OperationalError):
    """An atomic block ended without an exception, yet nothing of it was committed."""


@contextmanager
def committed(using=None):
    """`transaction.atomic()` that raises RolledBack if its outermost block did not commit.

    Inside an outer atomic block (a test's transaction) there is no commit to check: it behaves
    as a savepoint, like `atomic()`.
    """
    outermost = not transaction.get_connection(using).in_atomic_block
    commits = []
    with transaction.atomic(using=using):
        yield
        if outermost:
            transaction.on_commit(lambda: commits.append(True), using=using)
    if outermost and not commits:
        raise RolledBack(
            "The transaction was rolled back after a database error that something inside it "
            "caught; none of its writes were stored."
        )


class AfterCommit:
    """Collect ids while a transaction runs; hand them, once each and all together, to `send` after it commits.

    So a story saved five times in one transaction (created, revised, published) costs one index
    update, and a delivery of many stories one task for all of them. Outside a transaction the ids
    are sent at once. Every `add` registers its own commit hook (the first to run sends everything),
    so a savepoint rolled back drops only its own hook; ids left behind by a transaction rolled
    back go with the next commit, which the tasks they feed take in their stride (they are idempotent).
    """

    def __init__(self, send):
        self.send = send
        self.local = threading.local()

    def add(self, *ids):
        pending = getattr(self.local, "pending", None)
        if pending is None:
            pending = self.local.pending = set()
        pending.update(ids)
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(self.flush)
        else:
            self.flush()

    def flush(self):
        pending = getattr(self.local, "pending", None)
        if pending:
            self.local.pending = set()
            self.send(sorted(pending))
