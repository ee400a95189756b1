"""Full-text search of missions on SQLite: an FTS5 index of the title, need and deliverables.

Accents and case are ignored by the tokenizer (`remove_diacritics 2`); triggers keep the
index up to date whatever writes the row. The site reads it in missions/search.py (light
stems as prefixes, ranked by bm25 with the title weighing more). PostgreSQL has its own
(migration 0003): nothing happens there.

Should a later migration make SQLite rebuild the missions table (Django does so for most
column changes), the triggers go with the old table: that migration must create them
again. The search tests would fail first (they run every migration on a new database).
"""

from django.db import migrations

TABLE = "missions_mission"
FTS = "missions_mission_fts"
COLUMNS = "title, need, deliverables"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    execute = schema_editor.execute
    execute(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5({COLUMNS}, content='{TABLE}', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    new = "new.id, new.title, new.need, new.deliverables"
    old = "'delete', old.id, old.title, old.need, old.deliverables"
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
    execute(f"INSERT INTO {FTS} ({FTS}) VALUES ('rebuild')")  # the missions already there


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for trigger in ("insert", "delete", "update"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {FTS}_{trigger}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")


class Migration(migrations.Migration):
    dependencies = [("missions", "0003_search")]

    operations = [migrations.RunPython(forwards, backwards)]
