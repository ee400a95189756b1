"""The operations behind a personal token: my profile, my applications.

The same selectors and services as the pages, so the same rules: a read token reads, a
write token also writes, and nobody reaches what the pages would not show them.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from ninja.errors import ValidationError
from pydantic import Field

from engagements import selectors as engagement_selectors
from engagements import services as engagement_services
from engagements.lifecycle import APPLICATION, application_refused
from engagements.models import Application
from engagements.signals import apply_form_parts
from engagements.views import AS_VOLUNTEER, ApplyForm
from missions import selectors as mission_selectors

from . import cursor as cursors
from .auth import require_write, token_auth
from .cursor import Id
from .problems import form_errors, responses
from .public import absolute
from .schemas import ApplicationOut, ApplicationPage, ApplyIn, ProfileOut

router = Router(tags=["me"], auth=token_auth)


def application_out(application: Application, user) -> dict:
    mission = application.mission
    return {
        "id": application.pk,
        "status": application.status,
        "created_at": application.created_at,
        "message": application.message,
        "mission": {
            "id": mission.pk,
            "title": mission.title,
            "url": absolute(f"/missions/{mission.pk}/"),
        },
        "can_withdraw": APPLICATION.allows(application, "withdraw", user, viewer=AS_VOLUNTEER),
    }


def _invalid(errors: list[dict]) -> ValidationError:
    return ValidationError(
        [{"loc": ["body", e["field"]], "msg": e["detail"], "type": "form"} for e in errors]
    )


@router.get("/me", response={200: ProfileOut, **responses(401, 429)}, summary="Mon profil")
def me(request):
    user = request.user
    return {
        "id": user.pk,
        "full_name": user.full_name,
        "first_name": user.first_name,
        "email": user.email,
        "language": user.language,
        "has_volunteer_profile": engagement_selectors.has_volunteer_profile(user),
        "token_scope": request.auth.scope,
    }


class Paging(Schema):
    cursor: str | None = Field(None, description="Le next_cursor de la page précédente")
    limit: int = Field(20, ge=1, le=cursors.MAX_LIMIT)


@router.get(
    "/me/applications",
    response={200: ApplicationPage, **responses(400, 401, 422, 429)},
    summary="Mes candidatures",
)
def my_applications(request, paging: Query[Paging]):
    found = Application.objects.filter(volunteer=request.user).select_related("mission")
    rows, next_cursor = cursors.page(found, "created_at", paging.cursor, paging.limit)
    return {"items": [application_out(a, request.user) for a in rows], "next_cursor": next_cursor}


@router.post(
    "/missions/{int:mission_id}/applications",
    response={201: ApplicationOut, **responses(401, 403, 404, 409, 422, 429)},
    summary="Proposer mon aide à une mission",
)
def apply(request, mission_id: Id, payload: ApplyIn):
    """As the mission's « Proposer mon aide » page: a volunteer profile first, the same form."""
    require_write(request)
    mission, member = mission_selectors.get_mission_for_viewer(request, mission_id)
    user = request.user
    refused = application_refused(mission, user, member=member)
    if refused is not None:
        raise refused
    if not engagement_selectors.has_volunteer_profile(user):
        from django.utils.translation import gettext

        from core.errors import ActionRefused

        raise ActionRefused(
            gettext("Présentez-vous d’abord sur votre profil : l’association choisit d’après lui.")
        )
    data = {"message": payload.message}
    form = ApplyForm(data)
    parts = [
        answer
        for _receiver, answer in apply_form_parts.send(
            sender=Application, mission=mission, user=user, data=data
        )
        if answer is not None
    ]
    valid = [part.is_valid() for part in [form, *parts]]  # each one, for all its errors
    if not all(valid):
        raise _invalid([error for part in [form, *parts] for error in form_errors(part)])
    application = engagement_services.application_create(
        mission=mission, volunteer=user, message=form.cleaned_data["message"], parts=parts
    )
    return Status(201, application_out(application, user))


@router.post(
    "/me/applications/{int:application_id}/withdraw",
    response={200: ApplicationOut, **responses(401, 403, 404, 409, 429)},
    summary="Retirer ma candidature",
)
def withdraw(request, application_id: Id):
    require_write(request)
    application = get_object_or_404(
        Application.objects.select_related("mission"), pk=application_id
    )
    # Only one's own applications exist here: anyone else's is a 404, like a wrong number.
    if application.volunteer_id != request.user.pk:
        raise Http404
    engagement_services.application_withdraw(application=application, by=request.user)
    return application_out(application, request.user)
