from django.db import migrations


def load(apps, schema_editor):
    from missions.template_data import load as load_templates

    load_templates(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("missions", "0001_initial"),
        ("taxonomy", "0002_load_taxonomy"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
