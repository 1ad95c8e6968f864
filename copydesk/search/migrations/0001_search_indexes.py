"""Indexes on Wagtail's search table that its own migrations leave out.

PostgreSQL: Wagtail searches `title || body` but indexes the two columns separately (its model's
comment promises a GIN index on the expression that no migration creates), so every search read
the whole table; with this index a rare word costs a millisecond at any archive size.
SQLite: a covering index for the step from an FTS5 match to its story, so that step never reads
the wide rows that hold each story's text (see copydesk/search/backends/sqlite.py).
"""

from django.db import migrations

POSTGRESQL = (
    "CREATE INDEX IF NOT EXISTS copydesk_search_title_body ON wagtailsearch_indexentry USING gin ((title || body))",
    "DROP INDEX IF EXISTS copydesk_search_title_body",
)
SQLITE = (
    "CREATE INDEX IF NOT EXISTS copydesk_search_entry_ids ON wagtailsearch_indexentry (id, content_type_id, object_id)",
    "DROP INDEX IF EXISTS copydesk_search_entry_ids",
)


def statements(schema_editor):
    return {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(schema_editor.connection.vendor)


def create(apps, schema_editor):
    if sql := statements(schema_editor):
        schema_editor.execute(sql[0])


def drop(apps, schema_editor):
    if sql := statements(schema_editor):
        schema_editor.execute(sql[1])


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
