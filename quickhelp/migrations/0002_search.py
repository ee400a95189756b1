"""Full-text search of the published answers, as missions have it (missions 0003, 0004).

PostgreSQL: a `search_vector` column (title, situation, answer, weighted A, B, C) in the
`french_unaccent` configuration missions made, kept up to date by a trigger, with a GIN
index on the published answers. SQLite: an FTS5 index of the same columns (accents and
case ignored) kept up to date by triggers. Read by quickhelp/search.py.

Should a later migration make SQLite rebuild the table, the triggers go with the old
table: that migration must create them again (the search tests would fail first).
"""

from django.db import migrations

TABLE = "quickhelp_publicanswer"
FTS = "quickhelp_publicanswer_fts"
COLUMNS = "title, situation, answer"
CONFIG = "french_unaccent"
VECTOR = f"""
    setweight(to_tsvector('{CONFIG}', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('{CONFIG}', coalesce(NEW.situation, '')), 'B') ||
    setweight(to_tsvector('{CONFIG}', coalesce(NEW.answer, '')), 'C')
"""


def forwards(apps, schema_editor):
    execute = schema_editor.execute
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        execute(f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector")
        execute(
            f"""
            CREATE FUNCTION {TABLE}_search_vector() RETURNS trigger AS $$
            BEGIN
              NEW.search_vector := {VECTOR};
              RETURN NEW;
            END $$ LANGUAGE plpgsql
            """
        )
        execute(
            f"""
            CREATE TRIGGER {TABLE}_search_vector
            BEFORE INSERT OR UPDATE OF {COLUMNS} ON {TABLE}
            FOR EACH ROW EXECUTE FUNCTION {TABLE}_search_vector()
            """
        )
        execute(
            f"CREATE INDEX {TABLE}_search ON {TABLE} "
            "USING gin (search_vector) WHERE status = 'published'"
        )
        return
    if vendor != "sqlite":
        return
    execute(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5({COLUMNS}, content='{TABLE}', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    new = "new.id, new.title, new.situation, new.answer"
    old = "'delete', old.id, old.title, old.situation, old.answer"
    execute(
        f"CREATE TRIGGER {FTS}_insert AFTER INSERT ON {TABLE} BEGIN "
        f"INSERT INTO {FTS} (rowid, {COLUMNS}) VALUES ({new}); END"
    )
    execute(
        f"CREATE TRIGGER {FTS}_delete AFTER DELETE ON {TABLE} BEGIN "
        f"INSERT INTO {FTS} ({FTS}, rowid, {COLUMNS}) VALUES ({old}); END"
    )
    execute(
        f"CREATE TRIGGER {FTS}_update AFTER UPDATE OF {COLUMNS} ON {TABLE} BEGIN "
        f"INSERT INTO {FTS} ({FTS}, rowid, {COLUMNS}) VALUES ({old}); "
        f"INSERT INTO {FTS} (rowid, {COLUMNS}) VALUES ({new}); END"
    )


def backwards(apps, schema_editor):
    execute = schema_editor.execute
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        execute(f"DROP INDEX IF EXISTS {TABLE}_search")
        execute(f"DROP TRIGGER IF EXISTS {TABLE}_search_vector ON {TABLE}")
        execute(f"DROP FUNCTION IF EXISTS {TABLE}_search_vector()")
        execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector")
    elif vendor == "sqlite":
        for trigger in ("insert", "delete", "update"):
            execute(f"DROP TRIGGER IF EXISTS {FTS}_{trigger}")
        execute(f"DROP TABLE IF EXISTS {FTS}")


class Migration(migrations.Migration):
    dependencies = [("quickhelp", "0001_initial"), ("missions", "0003_search")]

    operations = [migrations.RunPython(forwards, backwards)]
