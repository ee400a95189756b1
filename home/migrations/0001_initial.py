# PeriodicRun moves here from matching, its rows kept: Django's state takes the model over
# without touching the database (matching 0003 forgets it), then the table is renamed.

from django.db import migrations, models

from core.migration_moves import move_content_type


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("matching", "0002_volunteer_skill_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PeriodicRun",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("job", models.CharField(max_length=50)),
                        ("period", models.CharField(max_length=20)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        "verbose_name": "tâche planifiée lancée",
                        "verbose_name_plural": "tâches planifiées lancées",
                        "constraints": [models.UniqueConstraint(fields=("job", "period"), name="one_run_per_period")],
                        "db_table": "matching_periodicrun",
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="periodicrun", table=None),
        move_content_type("periodicrun", old="matching", new="home"),
    ]
