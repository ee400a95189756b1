"""The system's reasons in the missions' history become data, shown in the reader's language.

Rows written before keep their text; those whose text is one of the system's wordings (in
French, or in English when the person who caused them used English) get its code as well.
"""

import re

from django.db import migrations, models

WORDINGS = [
    ("work_delivered", r"Travail remis par (?P<name>.+)\.", r"Work handed over by (?P<name>.+)\."),
    (
        "completion_confirmed",
        r"Fin confirmée pour (?P<name>.+)\.",
        r"End confirmed for (?P<name>.+)\.",
    ),
    (
        "edited_before_publication",
        r"Modifiée par l’association avant sa publication\.",
        r"Changed by the association before publication\.",
    ),
    (
        "end_date_passed",
        r"La date de fin souhaitée est passée\.",
        r"The preferred end date has passed\.",
    ),
]


def code_reasons(apps, schema_editor):
    MissionEvent = apps.get_model("missions", "MissionEvent")
    changed = []
    for event in MissionEvent.objects.filter(by__isnull=True).exclude(reason="").iterator():
        for code, *patterns in WORDINGS:
            match = next(filter(None, (re.fullmatch(p, event.reason) for p in patterns)), None)
            if match:
                event.reason_code, event.reason_args = code, match.groupdict()
                changed.append(event)
                break
    # "Modifiée par l’association" is recorded with its author: look at those too.
    for event in MissionEvent.objects.filter(
        by__isnull=False,
        reason__in=[
            "Modifiée par l’association avant sa publication.",
            "Changed by the association before publication.",
        ],
    ).iterator():
        event.reason_code, event.reason_args = "edited_before_publication", {}
        changed.append(event)
    MissionEvent.objects.bulk_update(changed, ["reason_code", "reason_args"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("missions", "0005_plain_template_words")]

    operations = [
        migrations.AddField(
            model_name="missionevent",
            name="reason_args",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="missionevent",
            name="reason_code",
            field=models.CharField(blank=True, max_length=40),
        ),
        migrations.RunPython(code_reasons, migrations.RunPython.noop),
    ]
