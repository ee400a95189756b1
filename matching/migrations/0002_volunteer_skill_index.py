"""An index for "volunteers for this mission": for each skill, the most skilled volunteers,
newest first, read from the index alone.

It belongs to the volunteers' table; it is created here because matching is its only
reader. If volunteers/models.py ever declares the same index, this one can go.
"""

from django.db import migrations

NAME = "volunteers_volunteerskill_skill_level_profile"


def forwards(apps, schema_editor):
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} "
        "ON volunteers_volunteerskill (skill_id, level DESC, profile_id DESC)"
    )


def backwards(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("matching", "0001_initial"), ("volunteers", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
