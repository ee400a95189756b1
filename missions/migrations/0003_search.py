"""Full-text search of missions on PostgreSQL, and the indexes matching reads.

A `search_vector` column (title, then need, then deliverables, weighted A, B, C) in a French
configuration that ignores accents, kept up to date by a trigger whatever writes the row,
with a GIN index on the open missions. The column is not a model field: only the search
reads it (missions/search.py), so no other query pays for carrying it.

Matching walks, for each skill, the newest missions asking for it (an index on skill then
mission), and filters open missions by place and dates without reading their text (a
covering index of the open ones, PostgreSQL only).

`unaccent` is a trusted extension (PostgreSQL 13+): the database owner may create it. Where
it cannot be created, the configuration is plain French, and accents matter.
"""

from django.db import DatabaseError, migrations, transaction

CONFIG = "french_unaccent"

VECTOR = f"""
    setweight(to_tsvector('{CONFIG}', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('{CONFIG}', coalesce(NEW.need, '')), 'B') ||
    setweight(to_tsvector('{CONFIG}', coalesce(NEW.deliverables, '')), 'C')
"""


def forwards(apps, schema_editor):
    execute = schema_editor.execute
    execute(
        "CREATE INDEX missions_missionskill_skill_mission "
        "ON missions_missionskill (skill_id, mission_id DESC, min_level)"
    )
    if schema_editor.connection.vendor != "postgresql":
        return
    execute(
        "CREATE INDEX missions_mission_open_match ON missions_mission (id) "
        "INCLUDE (work_mode, region_code, departement_code, start_date, end_date, "
        "organization_id, published_at) WHERE status = 'open'"
    )
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        unaccent = True
    except DatabaseError:  # no right to create it: search still works, accents matter
        unaccent = False
    execute(
        f"""
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
            CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = french);
          END IF;
        END $$
        """
    )
    if unaccent:
        execute(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
            "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem"
        )
    execute("ALTER TABLE missions_mission ADD COLUMN search_vector tsvector")
    execute(
        f"""
        CREATE FUNCTION missions_mission_search_vector() RETURNS trigger AS $$
        BEGIN
          NEW.search_vector := {VECTOR};
          RETURN NEW;
        END $$ LANGUAGE plpgsql
        """
    )
    execute(
        """
        CREATE TRIGGER missions_mission_search_vector
        BEFORE INSERT OR UPDATE OF title, need, deliverables ON missions_mission
        FOR EACH ROW EXECUTE FUNCTION missions_mission_search_vector()
        """
    )
    execute("UPDATE missions_mission SET title = title")  # fills the column through the trigger
    execute(
        "CREATE INDEX missions_mission_search ON missions_mission "
        "USING gin (search_vector) WHERE status = 'open'"
    )


def backwards(apps, schema_editor):
    execute = schema_editor.execute
    execute("DROP INDEX IF EXISTS missions_missionskill_skill_mission")
    if schema_editor.connection.vendor != "postgresql":
        return
    execute("DROP INDEX IF EXISTS missions_mission_open_match")
    execute("DROP INDEX IF EXISTS missions_mission_search")
    execute("DROP TRIGGER IF EXISTS missions_mission_search_vector ON missions_mission")
    execute("DROP FUNCTION IF EXISTS missions_mission_search_vector()")
    execute("ALTER TABLE missions_mission DROP COLUMN IF EXISTS search_vector")
    execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [("missions", "0002_load_templates")]
    operations = [migrations.RunPython(forwards, backwards)]
