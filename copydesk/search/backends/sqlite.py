"""SQLite FTS5 search that scales with the matches, and ranks a headline word above a body word.

Wagtail's SQLite backend has three problems, fixed here by subclassing it:

- Its query joins the FTS5 table to the index entries in whichever order SQLite's planner picks,
  and scores each story with a correlated subquery that runs the MATCH again. SQLite then runs
  the full-text match once per story: 2.4 s for one common word over 2,000 stories, growing with
  stories times matches. Here the MATCH runs once, first (CROSS JOIN fixes the order), reaches
  each match's story through a covering index, and scores every match in the same pass (about
  2 µs a match); only the page's stories are then read, by primary key.
- It ranks with `bm25()` over equally weighted columns and ignores `boost`. Here the MATCH also
  covers the autocomplete column, which for a story holds the headline alone
  (`AutocompleteField("headline")`), weighted HEADLINE_WEIGHT, so a headline word counts three
  times, as `boost=3` does on PostgreSQL.
- A search restricted to named fields, as the admin's listings make, asks FTS5 for a column per
  field, which does not exist ("no such column: headline"): here it searches the whole entry.

The admin's listing search (autocomplete: the last word is a prefix) takes the same path. Queries
Wagtail builds that this does not cover (match-all, negation, models whose primary key is not an
integer) go to Wagtail's own code.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, SQLiteFTSIndexEntry, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

# Added to the weight of 1 the headline already has in the body column.
HEADLINE_WEIGHT = 2.0
FTS = SQLiteFTSIndexEntry._meta.db_table
ENTRIES = IndexEntry._meta.db_table
# The FTS5 table's columns are (autocomplete, body, title), as Wagtail's migration made them.
SCORE = f"bm25({FTS}, {HEADLINE_WEIGHT}, 1.0, 1.0) * (e.title_norm + 1.0)"


class WeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        return f"bm25({FTS}, {HEADLINE_WEIGHT}, 1.0, 1.0)", []


class MatchFirstCompiler(SQLiteSearchQueryCompiler):
    FTS_TABLE_FIELDS = ["title", "body", "autocomplete"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The FTS5 table has a column per kind of field, not one per field, so a search restricted to
        # named fields (the admin's listings name them) would ask for columns that do not exist.
        self.fields = None

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            return WeightedBM25() * boost
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def match_argument(self, config):
        """The FTS5 MATCH argument, or None when Wagtail's own search must answer."""
        query = normalize(self.query)
        pk = self.queryset.model._meta.pk
        if isinstance(query, (MatchAll, Not)) or not pk.get_internal_type().endswith(
            ("AutoField", "IntegerField")
        ):
            return None
        expression = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config)
        )
        connection = connections[self.queryset.db]
        _, params = expression.as_sql(self.queryset.query.get_compiler(connection=connection), connection)
        return params[0]

    def matches(self, match, scored=True):
        """SQL for the primary key (and score) of every match among the queryset's rows."""
        types = get_descendants_content_types_pks(self.queryset.model)
        rows, row_params = self.queryset.order_by().values("pk").query.sql_with_params()
        sql = (
            f"SELECT CAST(e.object_id AS INTEGER) AS pk{f', {SCORE} AS score' if scored else ''} "  # noqa: S608  (table names; input goes as parameters)
            # The covering index keeps this step off the wide rows (migrations/0001_search_indexes.py).
            f"FROM {FTS} CROSS JOIN {ENTRIES} e INDEXED BY copydesk_search_entry_ids ON e.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH %s AND e.content_type_id IN ({', '.join(['%s'] * len(types))}) "
            f"AND CAST(e.object_id AS INTEGER) IN ({rows})"
        )
        return sql, [match, *types, *row_params]

    def page(self, config, start, stop, score_field):
        """The objects from start to stop, or None when Wagtail's own search must answer."""
        match = self.match_argument(config)
        if match is None:
            return None
        if self.order_by_relevance:
            return self.best(match, start, stop, score_field)
        # In the queryset's own order: SQLite reads it by index and stops once the page is full.
        ids = RawSQL(*self.matches(match, scored=False))  # noqa: S611  (table names; input goes as parameters)
        ordered = self.queryset.filter(pk__in=ids)
        return list((ordered if ordered.query.order_by else ordered.order_by("-pk"))[start:stop])

    def best(self, match, start, stop, score_field):
        sql, params = self.matches(match)
        limit = -1 if stop is None else stop - start
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(f"{sql} ORDER BY score, pk DESC LIMIT %s OFFSET %s", [*params, limit, start])
            scores = dict(cursor.fetchall())
        objects = self.queryset.in_bulk(list(scores))
        if score_field:
            for pk, obj in objects.items():
                setattr(obj, score_field, scores[pk])
        return [objects[pk] for pk in scores if pk in objects]

    def count(self, config):
        match = self.match_argument(config)
        if match is None:
            return None
        sql, params = self.matches(match, scored=False)
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({sql})", params)  # noqa: S608
            return cursor.fetchone()[0]


class MatchFirstAutocompleteCompiler(MatchFirstCompiler):
    """The admin's listing search: the same, with the last word read as the start of a word."""

    LAST_TERM_IS_PREFIX = True


class MatchFirstResults(SQLiteSearchResults):
    # A search within nothing (a chooser showing a user no document at all) finds nothing; asking
    # SQLite would raise EmptyResultSet while building the subquery of the queryset's rows.
    def _do_search(self):
        try:
            return self._search_page()
        except EmptyResultSet:
            return []

    def _do_count(self):
        try:
            return self._count()
        except EmptyResultSet:
            return 0

    def _search_page(self):
        found = None
        if isinstance(self.query_compiler, MatchFirstCompiler):
            config = self.query_compiler.get_config(self.backend)
            found = self.query_compiler.page(config, self.start, self.stop, self._score_field)
        return super()._do_search() if found is None else found

    def _count(self):
        found = None
        if isinstance(self.query_compiler, MatchFirstCompiler):
            found = self.query_compiler.count(self.query_compiler.get_config(self.backend))
        return super()._do_count() if found is None else found


class MatchFirstSQLiteBackend(SQLiteSearchBackend):
    query_compiler_class = MatchFirstCompiler
    autocomplete_query_compiler_class = MatchFirstAutocompleteCompiler
    results_class = MatchFirstResults
