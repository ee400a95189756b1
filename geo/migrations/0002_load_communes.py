from django.db import migrations


def load(apps, schema_editor):
    from geo.loader import load as load_geography

    load_geography(apps)


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
