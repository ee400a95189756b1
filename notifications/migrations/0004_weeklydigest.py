# WeeklyDigest moves here from matching, its rows kept: Django's state takes the model over
# without touching the database (matching 0003 forgets it), then the table is renamed.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.migration_moves import move_content_type


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("matching", "0002_volunteer_skill_index"),
        ("notifications", "0003_context"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="WeeklyDigest",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("week", models.DateField()),
                        ("items", models.JSONField(default=list)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("sent_at", models.DateTimeField(blank=True, null=True)),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="weekly_digests", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "sélection de la semaine",
                        "verbose_name_plural": "sélections de la semaine",
                        "indexes": [models.Index(condition=models.Q(("sent_at__isnull", True)), fields=["week"], name="digest_unsent")],
                        "constraints": [models.UniqueConstraint(fields=("user", "week"), name="one_digest_per_week")],
                        "db_table": "matching_weeklydigest",
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="weeklydigest", table=None),
        move_content_type("weeklydigest", old="matching", new="notifications"),
    ]
