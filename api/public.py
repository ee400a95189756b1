"""The public operations: what anyone may read on the site, without a token."""

from datetime import date
from typing import Literal

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from ninja import Query, Router, Schema
from ninja.errors import ValidationError
from pydantic import Field

from core.translation import localized
from missions import selectors as mission_selectors
from missions.forms import MissionFilterForm, Sort
from missions.models import Mission, MissionTemplate, Status
from organizations import selectors as organization_selectors
from organizations.models import Organization
from taxonomy.models import Cause, Skill, SkillDomain

from . import cursor as cursors
from .cursor import Id, Slug
from .problems import form_errors, responses
from .schemas import (
    DomainOut,
    MissionOut,
    MissionPage,
    MissionRef,
    Named,
    OrganizationOut,
    TemplateOut,
)

router = Router(tags=["public"])


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def mission_out(mission: Mission, skills=None) -> dict:
    return {
        "id": mission.pk,
        "url": absolute(f"/missions/{mission.pk}/"),
        "title": mission.title,
        "need": mission.need,
        "deliverables": [
            line.strip() for line in mission.deliverables.splitlines() if line.strip()
        ],
        "effort_hours": mission.effort_hours,
        "start_date": mission.start_date,
        "end_date": mission.end_date,
        "work_mode": mission.work_mode,
        "departement_code": mission.departement_code,
        "commune": mission.commune.name if mission.commune_id else None,
        "team_size": mission.team_size,
        "status": mission.status,
        "published_at": mission.published_at,
        "organization": {
            "slug": mission.organization.slug,
            "name": mission.organization.name,
            "url": absolute(mission.organization.get_absolute_url()),
        },
        "skills": [
            {"slug": s.skill.slug, "name": s.skill.name, "min_level": s.min_level}
            for s in (mission.required_skills.all() if skills is None else skills)
        ],
    }


class MissionFilters(Schema):
    q: str = Field("", max_length=200, description="Mots-clés, comme sur la page de recherche")
    domain: str = Field("", description="Type de compétence (slug, voir /skills)")
    cause: str = Field("", description="Cause de l’association (slug, voir /causes)")
    departement: str = Field("", description="Code INSEE du département, par exemple 69")
    remote: bool = Field(False, description="Seulement les missions à distance")
    effort: Literal["", "short", "medium", "long", "very_long"] = Field(
        "", description="Temps de travail total"
    )
    date_from: date | None = Field(None, description="Disponible à partir du (AAAA-MM-JJ)")
    date_until: date | None = Field(None, description="Jusqu’au (AAAA-MM-JJ)")
    kind: Literal["", "citizen", "professional"] = Field("", description="Type d’association")
    cursor: str | None = Field(None, description="Le next_cursor de la page précédente")
    limit: int = Field(20, ge=1, le=cursors.MAX_LIMIT)


@router.get(
    "/missions",
    response={200: MissionPage, **responses(400, 422, 429)},
    summary="Missions ouvertes",
)
def missions(request, filters: Query[MissionFilters]):
    """The open missions, newest first, filtered as on the search page."""
    data = filters.dict(exclude={"cursor", "limit"})
    data = {key: value for key, value in data.items() if value not in ("", False, None)}
    data["sort"] = Sort.DATE
    form = MissionFilterForm(data)
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ["query", e["field"]], "msg": e["detail"], "type": "form"}
                for e in form_errors(form)
            ]
        )
    found = mission_selectors.public_missions(form.cleaned_data)
    rows, next_cursor = cursors.page(found, "published_at", filters.cursor, filters.limit)
    return {"items": [mission_out(m) for m in rows], "next_cursor": next_cursor}


@router.get(
    "/missions/{int:mission_id}",
    response={200: MissionOut, **responses(404, 429)},
    summary="Une mission",
)
def mission(request, mission_id: Id):
    """One mission in a public state (open, in progress, delivered, completed)."""
    found, _member = mission_selectors.get_mission_for_viewer(request, mission_id)
    return mission_out(found, mission_selectors.skills_of(found))


@router.get(
    "/associations/{slug}",
    response={200: OrganizationOut, **responses(404, 429)},
    summary="La page publique d’une association",
)
def association(request, slug: Slug):
    organization = organization_selectors.get_organization_for_public(request, slug)
    if organization.kind != Organization.Kind.ASSOCIATION:
        raise Http404
    open_missions = Mission.objects.filter(organization=organization, status=Status.OPEN).order_by(
        "-published_at", "-pk"
    )[:50]
    return {
        "slug": organization.slug,
        "name": organization.name,
        "url": absolute(organization.get_absolute_url()),
        "kind": organization.kind,
        "association_type": organization.association_type,
        "description": organization.description,
        "website": organization.website,
        "departement_code": organization.departement_code,
        "commune": organization.commune.name if organization.commune_id else None,
        "verified": organization.verification == Organization.Verification.VERIFIED,
        "causes": [{"slug": c.slug, "name": c.name} for c in organization.causes.all()],
        "open_missions": [
            MissionRef(id=m.pk, title=m.title, url=absolute(f"/missions/{m.pk}/"))
            for m in open_missions
        ],
    }


@router.get(
    "/templates", response={200: list[TemplateOut], **responses(429)}, summary="Modèles de mission"
)
def templates(request):
    found = (
        MissionTemplate.objects.filter(is_active=True)
        .select_related("domain")
        .prefetch_related(Prefetch("skills", queryset=Skill.objects.order_by("order", "slug")))
        .order_by("domain__order", "domain__slug", "order", "slug")
    )
    return [
        {
            "slug": t.slug,
            "domain": t.domain.slug,
            "title": localized(t, "title"),
            "need": localized(t, "need"),
            "deliverables": [
                line.strip() for line in localized(t, "deliverables").splitlines() if line.strip()
            ],
            "outcome": localized(t, "outcome"),
            "effort_min": t.effort_min,
            "effort_max": t.effort_max,
            "work_mode": t.work_mode,
            "skills": [s.slug for s in t.skills.all()],
        }
        for t in found
    ]


@router.get(
    "/skills",
    response={200: list[DomainOut], **responses(429)},
    summary="Compétences, par type",
)
def skills(request):
    domains = SkillDomain.objects.prefetch_related(
        Prefetch("skills", queryset=Skill.objects.order_by("order", "slug"))
    ).order_by("order", "slug")
    return [
        {
            "slug": d.slug,
            "name": d.name,
            "skills": [{"slug": s.slug, "name": s.name} for s in d.skills.all()],
        }
        for d in domains
    ]


@router.get("/causes", response={200: list[Named], **responses(429)}, summary="Causes")
def causes(request):
    return [{"slug": c.slug, "name": c.name} for c in Cause.objects.order_by("order", "slug")]
