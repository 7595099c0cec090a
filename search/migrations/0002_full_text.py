"""The database's full-text index over search_document, one kind per database.

PostgreSQL: a STORED generated tsvector column, search_vector, weighting title (A)
above summary (B) above body (C), and a GIN index on it.

SQLite: an external-content FTS5 table, search_document_fts (title, summary, body,
Porter-stemmed), which three triggers keep in step with every insert, update and
delete on search_document. It needs SQLite built with FTS5, as Python's is on
Debian, Ubuntu, macOS and Windows.

Any other database is refused: search/backends.py has SQL for these two only.

A later migration that changes search_document must keep these. PostgreSQL refuses
to alter a column the generated one reads: drop search_vector first and add it back.
On SQLite, Django rebuilds a table to alter it, which drops its triggers: create
them again (the SQL below) and run `manage.py rebuild_search_index`.
"""

from django.db import OperationalError, migrations

POSTGRESQL = [
    """
    ALTER TABLE search_document ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(summary, '')), 'B')
        || setweight(to_tsvector('english', coalesce(body, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX search_document_vector ON search_document USING GIN (search_vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX search_document_vector",
    "ALTER TABLE search_document DROP COLUMN search_vector",
]

FTS_COLUMNS = "title, summary, body"
FTS_DELETE = (
    "INSERT INTO search_document_fts(search_document_fts, rowid, title, summary, body)"
    " VALUES ('delete', old.id, old.title, old.summary, old.body);"
)
FTS_INSERT = (
    "INSERT INTO search_document_fts(rowid, title, summary, body)"
    " VALUES (new.id, new.title, new.summary, new.body);"
)
SQLITE = [
    f"""
    CREATE VIRTUAL TABLE search_document_fts USING fts5(
        {FTS_COLUMNS}, content='search_document', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    f"CREATE TRIGGER search_document_fts_insert AFTER INSERT ON search_document"
    f" BEGIN {FTS_INSERT} END",
    f"CREATE TRIGGER search_document_fts_delete AFTER DELETE ON search_document"
    f" BEGIN {FTS_DELETE} END",
    f"CREATE TRIGGER search_document_fts_update AFTER UPDATE ON search_document"
    f" BEGIN {FTS_DELETE} {FTS_INSERT} END",
    # Index rows already in the table (none on a fresh database).
    "INSERT INTO search_document_fts(search_document_fts) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER search_document_fts_update",
    "DROP TRIGGER search_document_fts_delete",
    "DROP TRIGGER search_document_fts_insert",
    "DROP TABLE search_document_fts",
]


def _run(schema_editor, statements):
    for statement in statements[schema_editor.connection.vendor]:
        schema_editor.execute(statement, params=None)


def check_supported(connection):
    if connection.vendor not in ("postgresql", "sqlite"):
        raise RuntimeError(
            f"Search needs PostgreSQL or SQLite, not {connection.vendor}."
        )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            try:
                cursor.execute("CREATE VIRTUAL TABLE temp.fts5_check USING fts5(x)")
            except OperationalError as error:
                raise RuntimeError(
                    "Search needs SQLite built with FTS5; this one "
                    f"({connection.Database.sqlite_version}) says: {error}"
                ) from error
            cursor.execute("DROP TABLE temp.fts5_check")


def forwards(apps, schema_editor):
    check_supported(schema_editor.connection)
    _run(schema_editor, {"postgresql": POSTGRESQL, "sqlite": SQLITE})


def backwards(apps, schema_editor):
    _run(schema_editor, {"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE})


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
