"""The e-mail task of the days before the outbox carried the whole context of the e-mail
(sign-in and reset links included) in its task row, kept for ever: blank it in the finished
rows. Rows still waiting keep theirs, to be sent (through the outbox) by `send_email_task`."""

from django.db import migrations

OLD_TASK = "core.emails.send_email_task"


def scrub(apps, schema_editor):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=OLD_TASK, status__in=["SUCCESSFUL", "FAILED"]).update(
        args_kwargs={"args": [], "kwargs": {}}, return_value=None
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_outgoing_email"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(scrub, migrations.RunPython.noop)]
