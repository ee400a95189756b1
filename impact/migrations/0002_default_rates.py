"""The default hourly rates, one per shipped skill domain, with their public sources
(impact/rates.py, docs/impact.md): estimates that staff may change."""

from django.db import migrations


def load(apps, schema_editor):
    from impact.rates import load as load_rates

    load_rates(apps)


class Migration(migrations.Migration):
    dependencies = [("impact", "0001_initial"), ("taxonomy", "0002_load_taxonomy")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
