# MissionReminder moves here from matching, its rows kept: Django's state takes the model
# over without touching the database (matching 0003 forgets it), then the table is renamed.

import django.db.models.deletion
from django.db import migrations, models

from core.migration_moves import move_content_type


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("matching", "0002_volunteer_skill_index"),
        ("missions", "0007_search_entry"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="MissionReminder",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("silent", "mission sans nouvelles"), ("past_end", "date de fin passée")], max_length=20)),
                        ("key", models.CharField(max_length=40)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("mission", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="reminders", to="missions.mission")),
                    ],
                    options={
                        "verbose_name": "relance",
                        "constraints": [models.UniqueConstraint(fields=("mission", "kind", "key"), name="one_reminder_per_key")],
                        "db_table": "matching_missionreminder",
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="missionreminder", table=None),
        move_content_type("missionreminder", old="matching", new="missions"),
    ]
