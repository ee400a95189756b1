from django.db import migrations


def load(apps, schema_editor):
    from diagnosis.questionnaire import load as load_questionnaire

    load_questionnaire(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("diagnosis", "0001_initial"),
        ("missions", "0002_load_templates"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
