"""Wagtail's database search backend, adjusted where it does not hold up at archive size.

`wagtail.search.backends.database` picks PostgreSQL full-text search or SQLite FTS5 to match the
database. This module returns the same backends, subclassed: `postgres.LeanPostgresBackend` and
`sqlite.MatchFirstSQLiteBackend` (each module says what it changes and why). Any other database
gets Wagtail's own.
"""

from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802  (the name Wagtail looks for in a backend module)
    backend = database_backend(params)
    # Imported here: each engine's modules can only be imported on that engine.
    if type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite import MatchFirstSQLiteBackend

        return MatchFirstSQLiteBackend(params)
    if type(backend).__name__ == "PostgresSearchBackend":
        from .postgres import LeanPostgresBackend

        return LeanPostgresBackend(params)
    return backend
