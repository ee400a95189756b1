"""Open data: the open missions as CSV and JSON files, rebuilt every day (Licence Ouverte 2.0).

Nothing personal goes in: the mission, its association's name and public page, where
(département, commune), its skills and dates. Never a person's name, e-mail or account.
"""

import csv
import io
import json

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone

from geo.models import Departement

from .models import Mission, MissionSkill, Status

FOLDER = "opendata"
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
LICENCE = {
    "name": "Licence Ouverte / Open Licence 2.0",
    "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
COLUMNS = [
    "id",
    "url",
    "title",
    "need",
    "organization_name",
    "organization_url",
    "departement_code",
    "departement_name",
    "commune",
    "work_mode",
    "effort_hours",
    "team_size",
    "skills",
    "skill_domains",
    "start_date",
    "end_date",
    "published_at",
]


def path_of(extension: str) -> str:
    return f"{FOLDER}/missions.{extension}"


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def rows() -> list[dict]:
    """One row per open mission, oldest first by id: no personal data (see the module)."""
    skills: dict[int, list] = {}
    for line in (
        MissionSkill.objects.filter(mission__status=Status.OPEN)
        .select_related("skill__domain")
        .order_by("skill__domain__order", "skill__order")
    ):
        skills.setdefault(line.mission_id, []).append(line.skill)
    departements = dict(Departement.objects.values_list("code", "name"))
    missions = (
        Mission.objects.filter(status=Status.OPEN)
        .select_related("organization", "commune")
        .order_by("pk")
    )
    found = []
    for mission in missions:
        mine = skills.get(mission.pk, [])
        domains = list(dict.fromkeys(skill.domain.name for skill in mine))
        organization = mission.organization
        found.append(
            {
                "id": mission.pk,
                "url": _absolute(reverse("missions:detail", args=[mission.pk])),
                "title": mission.title,
                "need": mission.need,
                "organization_name": organization.name,
                "organization_url": _absolute(
                    reverse("organizations:detail", args=[organization.slug])
                ),
                "departement_code": mission.departement_code,
                "departement_name": departements.get(mission.departement_code, ""),
                "commune": mission.commune.name if mission.commune_id else "",
                "work_mode": mission.work_mode,
                "effort_hours": mission.effort_hours,
                "team_size": mission.team_size,
                "skills": [skill.name for skill in mine],
                "skill_domains": domains,
                "start_date": mission.start_date,
                "end_date": mission.end_date,
                "published_at": mission.published_at,
            }
        )
    return found


def as_csv(found: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in found:
        writer.writerow(
            {
                **row,
                "skills": " ; ".join(row["skills"]),
                "skill_domains": " ; ".join(row["skill_domains"]),
                "start_date": row["start_date"].isoformat() if row["start_date"] else "",
                "end_date": row["end_date"].isoformat() if row["end_date"] else "",
                "published_at": row["published_at"].isoformat() if row["published_at"] else "",
            }
        )
    return out.getvalue()


def as_json(found: list[dict], now) -> str:
    document = {
        "title": "A-lasso : missions bénévoles ouvertes",
        "licence": LICENCE,
        "generated_at": now,
        "source": _absolute("/"),
        "count": len(found),
        "missions": found,
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)


def build(now=None) -> int:
    """Write both files (replacing yesterday's); the number of missions in them."""
    now = now or timezone.now()
    found = rows()
    texts = {"csv": as_csv(found), "json": as_json(found, now)}
    for extension, text in texts.items():
        path = path_of(extension)
        default_storage.delete(path)
        default_storage.save(path, ContentFile(text.encode("utf-8")))
    return len(found)


def built_at():
    """When the files were last written, or None before the first build."""
    if not default_storage.exists(path_of("json")):
        return None
    return default_storage.get_modified_time(path_of("json"))
