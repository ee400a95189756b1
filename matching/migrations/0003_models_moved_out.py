# The models of matching moved where the layers put them (docs/architecture.md), their rows
# kept: home.PeriodicRun, missions.MissionReminder, notifications.WeeklyDigest took them over
# (and renamed their tables); matching only forgets them here.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0001_initial"),
        ("matching", "0002_volunteer_skill_index"),
        ("missions", "0008_missionreminder"),
        ("notifications", "0004_weeklydigest"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="PeriodicRun"),
                migrations.DeleteModel(name="MissionReminder"),
                migrations.DeleteModel(name="WeeklyDigest"),
            ],
        ),
    ]
