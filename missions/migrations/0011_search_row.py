"""The narrow search table of PostgreSQL: one line per open mission (its id, publication
date and text vector), kept by triggers on the missions whatever writes them, with a GIN
index on the vector. missions/search.py walks it newest first and counts matches there,
without reading the missions' wide rows (a kilobyte and more each). Nothing on SQLite,
whose FTS5 index (migration 0004) does the same job.

The mission's own `search_vector` (migration 0003, filled by a BEFORE trigger) is copied:
the AFTER trigger below sees it already computed.
"""

import django.db.models.deletion
from django.db import migrations, models

import missions.models

SYNC = """
CREATE FUNCTION missions_searchrow_sync() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.status <> 'open' THEN
    DELETE FROM missions_missionsearchrow WHERE mission_id = OLD.id;
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    RETURN NEW;
  END IF;
  INSERT INTO missions_missionsearchrow (mission_id, published_at, vector)
  VALUES (NEW.id, NEW.published_at, NEW.search_vector)
  ON CONFLICT (mission_id) DO UPDATE
  SET published_at = EXCLUDED.published_at, vector = EXCLUDED.vector;
  RETURN NEW;
END $$ LANGUAGE plpgsql
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    execute = schema_editor.execute
    execute(SYNC)
    execute(
        "CREATE TRIGGER missions_searchrow_insert AFTER INSERT ON missions_mission "
        "FOR EACH ROW WHEN (NEW.status = 'open') EXECUTE FUNCTION missions_searchrow_sync()"
    )
    execute(
        "CREATE TRIGGER missions_searchrow_update AFTER UPDATE OF status, published_at, "
        "title, need, deliverables ON missions_mission "
        "FOR EACH ROW WHEN (NEW.status = 'open' OR OLD.status = 'open') "
        "EXECUTE FUNCTION missions_searchrow_sync()"
    )
    execute(
        "CREATE TRIGGER missions_searchrow_delete AFTER DELETE ON missions_mission "
        "FOR EACH ROW WHEN (OLD.status = 'open') EXECUTE FUNCTION missions_searchrow_sync()"
    )
    # The open missions already there, oldest first: the table's order is then the order
    # of publication, which the newest-first walk reads page after page.
    execute(
        "INSERT INTO missions_missionsearchrow (mission_id, published_at, vector) "
        "SELECT id, published_at, search_vector FROM missions_mission WHERE status = 'open' "
        "ORDER BY published_at NULLS FIRST, id"
    )
    execute(
        "CREATE INDEX missions_searchrow_vector ON missions_missionsearchrow USING gin (vector)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for trigger in ("insert", "update", "delete"):
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS missions_searchrow_{trigger} ON missions_mission"
        )
    schema_editor.execute("DROP FUNCTION IF EXISTS missions_searchrow_sync()")


class Migration(migrations.Migration):
    dependencies = [
        ("missions", "0010_open_newest_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="MissionSearchRow",
            fields=[
                (
                    "mission",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="search_row",
                        serialize=False,
                        to="missions.mission",
                    ),
                ),
                ("published_at", models.DateTimeField(null=True)),
                ("vector", missions.models.TextVectorField()),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["-published_at", "-mission"], name="missions_searchrow_newest"
                    )
                ],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
