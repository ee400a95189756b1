"""Plain words in four shipped templates' French text (no « flyer », « identité visuelle »,
« référencement », « RGPD » alone): the new wording of missions/template_data.py."""

from django.db import migrations

SLUGS = ["logo-visual-identity", "event-poster", "member-file-gdpr", "web-writing-seo"]
FIELDS = ["title_fr", "need_fr", "deliverables_fr", "outcome_fr"]


def forwards(apps, schema_editor):
    from missions.template_data import TEMPLATES

    MissionTemplate = apps.get_model("missions", "MissionTemplate")
    for data in TEMPLATES:
        if data["slug"] in SLUGS:
            MissionTemplate.objects.filter(slug=data["slug"]).update(
                **{field: data[field] for field in FIELDS}
            )


class Migration(migrations.Migration):
    dependencies = [("missions", "0004_sqlite_search")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
