"""Published quick-help answers (no token), and an association's missions behind a token:
create one from a template, send it, read and answer the applications.

The pages' selectors, forms and services, so the pages' rules: `missions.selectors`
(`associations_of`, `get_mission_for_member`), the wizard's `ChooseTemplateForm` and
`NeedForm`, `missions.services.mission_create` / `mission_submit`, and
`engagements.services.application_accept` / `application_decline` with the page's
`DeclineForm`. Each write is in the audit log through its service (`api_token` in its data).
"""

from datetime import datetime
from typing import Literal

from django import forms
from django.db import transaction
from django.utils.translation import gettext
from ninja import Query, Router, Schema, Status
from ninja.errors import ValidationError
from pydantic import Field

from core.errors import ActionRefused
from engagements import selectors as engagement_selectors
from engagements import services as engagement_services
from engagements.forms import DeclineForm
from engagements.lifecycle import APPLICATION
from engagements.models import Application
from engagements.views import AS_MEMBER
from missions import selectors as mission_selectors
from missions import services as mission_services
from missions.forms import ChooseTemplateForm, NeedForm
from missions.models import Mission
from quickhelp import search as quickhelp_search
from quickhelp import selectors as quickhelp_selectors
from quickhelp.models import PublicAnswer
from taxonomy.models import SkillDomain

from . import cursor as cursors
from .auth import require_write, token_auth
from .cursor import Id, Slug
from .problems import form_errors, responses
from .public import absolute, mission_out
from .schemas import MissionOut, MissionRef, Named

router = Router()


def _invalid(errors: list[dict], where: str = "body") -> ValidationError:
    return ValidationError(
        [{"loc": [where, e["field"]], "msg": e["detail"], "type": "form"} for e in errors]
    )


# --- Quick help: the published answers ---------------------------------------------------------
class AnswerOut(Schema):
    slug: str
    url: str
    title: str
    situation: str
    answer: str
    topic: Named
    published_at: datetime | None
    useful_count: int


class AnswerPage(Schema):
    items: list[AnswerOut]
    next_cursor: str | None


class AnswerFilters(Schema):
    q: str = Field("", max_length=200, description="Mots-clés, comme sur la page « Coup de main »")
    topic: str = Field(
        "",
        max_length=100,
        pattern=r"^[-a-zA-Z0-9_]*$",
        description="Sujet : un type de compétence (slug, voir /skills)",
    )
    cursor: str | None = Field(None, description="Le next_cursor de la page précédente")
    limit: int = Field(20, ge=1, le=cursors.MAX_LIMIT)


def answer_out(public: PublicAnswer) -> dict:
    return {
        "slug": public.slug,
        "url": absolute(f"/coup-de-main/reponses/{public.slug}/"),
        "title": public.title,
        "situation": public.situation,
        "answer": public.answer,
        "topic": {"slug": public.domain.slug, "name": public.domain.name},
        "published_at": public.published_at,
        "useful_count": public.useful_count,
    }


@router.get(
    "/quickhelp/answers",
    response={200: AnswerPage, **responses(400, 422, 429)},
    summary="Réponses publiées du coup de main",
    tags=["public"],
)
def answers(request, filters: Query[AnswerFilters]):
    """The published answers, newest first; keywords and topic as on the « Coup de main »
    page (the same search)."""
    found = quickhelp_selectors.published_answers()
    if filters.topic:
        domain = SkillDomain.objects.filter(slug=filters.topic).first()
        if domain is None:
            detail = gettext("Ce sujet n’existe pas : prenez un slug de /skills.")
            raise _invalid([{"field": "topic", "detail": detail}], "query")
        found = found.filter(domain=domain)
    query = filters.q.strip()
    searched = quickhelp_search.search(found, query) if query else None
    if searched is not None:
        found = searched
    rows, next_cursor = cursors.page(found, "published_at", filters.cursor, filters.limit)
    return {"items": [answer_out(a) for a in rows], "next_cursor": next_cursor}


@router.get(
    "/quickhelp/answers/{slug}",
    response={200: AnswerOut, **responses(404, 422, 429)},
    summary="Une réponse publiée",
    tags=["public"],
)
def answer(request, slug: Slug):
    return answer_out(quickhelp_selectors.get_public_answer(slug))


# --- An association's missions -----------------------------------------------------------------
class MemberMissionOut(MissionOut):
    template: str | None
    # The wizard's screens still lacking something before it can be sent (1, 2, 3).
    missing_steps: list[int]
    edit_url: str


class MissionIn(Schema):
    template: str = Field(
        ...,
        min_length=1,
        max_length=100,
        pattern=r"^[-a-zA-Z0-9_]+$",
        description="Le modèle de mission (slug, voir /templates)",
    )
    need: str = Field(..., max_length=5000, description="Votre besoin en quelques mots")
    organization: str = Field(
        "",
        max_length=220,
        pattern=r"^[-a-zA-Z0-9_]*$",
        description="Votre association (slug) ; utile si vous êtes membre de plusieurs",
    )
    title: str = Field("", max_length=200, description="Le titre ; celui du modèle sinon")
    deliverables: str = Field(
        "", max_length=5000, description="Une chose par ligne ; celles du modèle sinon"
    )


def member_mission_out(mission: Mission) -> dict:
    return {
        **mission_out(mission, mission_selectors.skills_of(mission)),
        "template": mission.template.slug if mission.template_id else None,
        "missing_steps": mission_selectors.missing_steps(mission),
        "edit_url": absolute(f"/missions/{mission.pk}/edit/1/"),
    }


@router.post(
    "/me/missions",
    response={201: MemberMissionOut, **responses(401, 403, 422, 429)},
    summary="Créer une mission à partir d’un modèle",
    tags=["association"],
    auth=token_auth,
)
def mission_create(request, payload: MissionIn):
    """As « Proposer une mission » then the wizard's first screen: a draft of one of your
    associations, filled from the template and your words."""
    require_write(request)
    user = request.user
    associations = mission_selectors.associations_of(user)
    if not associations:
        raise ActionRefused(
            gettext(
                "Pour proposer une mission, inscrivez d’abord votre association : cela prend "
                "deux minutes."
            )
        )
    by_slug = {a.slug: a for a in associations}
    chosen = by_slug.get(payload.organization) if payload.organization else None
    data = {"template": payload.template, "organization": chosen.pk if chosen else ""}
    choose = ChooseTemplateForm(data, associations=associations)
    errors = form_errors(choose) if not choose.is_valid() else []
    if payload.organization and chosen is None:
        # One association or several, an address not one's own is a wrong choice.
        message = forms.ChoiceField.default_error_messages["invalid_choice"]
        errors = [e for e in errors if e["field"] != "organization"]
        errors.append(
            {"field": "organization", "detail": str(message) % {"value": payload.organization}}
        )
    template = choose.cleaned_data.get("template") if not errors else None
    need = NeedForm(
        {
            "title": payload.title or (template.title if template else "x"),
            "need": payload.need,
            "deliverables": payload.deliverables or (template.deliverables if template else "x"),
        },
        template=template,
    )
    if not need.is_valid():
        errors += form_errors(need)
    if errors:
        raise _invalid(errors)
    with transaction.atomic():
        mission = mission_services.mission_create(
            organization=choose.cleaned_data["organization"],
            template=template,
            by=user,
            need=need.cleaned_data["need"],
        )
        if payload.title or payload.deliverables:
            mission_services.mission_save_step(
                mission=mission, step=1, data=need.cleaned_data, by=user
            )
    return Status(201, member_mission_out(mission))


@router.post(
    "/me/missions/{int:mission_id}/submit",
    response={200: MemberMissionOut, **responses(401, 403, 404, 409, 429)},
    summary="Envoyer une mission",
    tags=["association"],
    auth=token_auth,
)
def mission_submit(request, mission_id: Id):
    """As the wizard's last screen: online at once for a verified association, otherwise
    to the moderators first."""
    require_write(request)
    mission = mission_selectors.get_mission_for_member(request, mission_id)
    try:
        mission_services.mission_submit(mission=mission, by=request.user)
    except mission_services.MissionNotReady as error:
        raise ActionRefused(error.messages[0]) from None
    return member_mission_out(mission)


# --- The applications to its missions ----------------------------------------------------------
class VolunteerRef(Schema):
    name: str
    url: str | None = Field(description="Son profil, quand elle l’a montré à l’association")


class ApplicantOut(Schema):
    id: int
    status: str
    created_at: datetime
    message: str
    answer: str
    invited: bool
    volunteer: VolunteerRef
    mission: MissionRef
    can_accept: bool
    can_decline: bool


class ApplicantPage(Schema):
    items: list[ApplicantOut]
    next_cursor: str | None


class ApplicantFilters(Schema):
    status: Literal["", "pending", "invited", "accepted", "declined", "withdrawn", "expired"] = (
        Field("", description="Seulement les candidatures dans cet état")
    )
    cursor: str | None = Field(None, description="Le next_cursor de la page précédente")
    limit: int = Field(20, ge=1, le=cursors.MAX_LIMIT)


class DeclineIn(Schema):
    choice: Literal["found", "changed", "profile", "other"] = Field(
        "found",
        description="Une réponse toute prête (found, changed, profile) ou la vôtre (other)",
    )
    note: str = Field("", max_length=2000, description="Un mot de plus, ou votre réponse")


def applicant_out(application: Application, user, team: int | None = None) -> dict:
    mission = application.mission
    volunteer = application.volunteer
    shown = engagement_selectors.profile_shown(application)
    context = {"viewer": AS_MEMBER} | ({"team": team} if team is not None else {})
    can = APPLICATION.can(application, user, **context)
    return {
        "id": application.pk,
        "status": application.status,
        "created_at": application.created_at,
        "message": application.message,
        "answer": application.answer,
        "invited": application.invited_by_id is not None,
        "volunteer": {
            # As on the page: a private profile only invited is named by its first name.
            "name": volunteer.full_name if shown else volunteer.first_name,
            "url": absolute(f"/volunteers/{volunteer.pk}/") if shown else None,
        },
        "mission": {
            "id": mission.pk,
            "title": mission.title,
            "url": absolute(f"/missions/{mission.pk}/"),
        },
        "can_accept": can.accept,
        "can_decline": can.decline,
    }


@router.get(
    "/me/missions/{int:mission_id}/applications",
    response={200: ApplicantPage, **responses(400, 401, 403, 404, 422, 429)},
    summary="Les candidatures à une mission de mon association",
    tags=["association"],
    auth=token_auth,
)
def mission_applications(request, mission_id: Id, filters: Query[ApplicantFilters]):
    """As the page « Candidatures » of the mission: its association's members only."""
    mission = mission_selectors.get_mission_for_member(request, mission_id)
    found = engagement_selectors.applicants_of(mission)
    if filters.status:
        found = found.filter(status=filters.status)
    rows, next_cursor = cursors.page(found, "created_at", filters.cursor, filters.limit)
    team = engagement_selectors.team_count(mission)
    for application in rows:
        application.mission = mission  # what the guards read, loaded once
    return {
        "items": [applicant_out(a, request.user, team) for a in rows],
        "next_cursor": next_cursor,
    }


def _application_for_member(request, application_id: int) -> Application:
    # The page's lookup: its volunteer, the association's members and staff see it (403 for
    # anyone else); the service then lets only members answer.
    application, _viewer = engagement_selectors.get_application_for_viewer(request, application_id)
    return application


@router.post(
    "/applications/{int:application_id}/accept",
    response={200: ApplicantOut, **responses(401, 403, 404, 409, 429)},
    summary="Accepter une candidature",
    tags=["association"],
    auth=token_auth,
)
def application_accept(request, application_id: Id):
    """The volunteer joins the team; the engagement agreement is drafted, to confirm on the
    site."""
    require_write(request)
    application = _application_for_member(request, application_id)
    engagement_services.application_accept(application=application, by=request.user)
    return applicant_out(application, request.user)


@router.post(
    "/applications/{int:application_id}/decline",
    response={200: ApplicantOut, **responses(401, 403, 404, 409, 422, 429)},
    summary="Décliner une candidature, gentiment",
    tags=["association"],
    auth=token_auth,
)
def application_decline(request, application_id: Id, payload: DeclineIn):
    require_write(request)
    application = _application_for_member(request, application_id)
    form = DeclineForm({"choice": payload.choice, "note": payload.note})
    if not form.is_valid():
        raise _invalid(form_errors(form))
    engagement_services.application_decline(
        application=application, by=request.user, reason=form.reason
    )
    return applicant_out(application, request.user)
