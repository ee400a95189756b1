"""What completion adds to a mission's page (its team, the next steps) and does when a
member answers a delivered mission there: receivers of `missions.signals`, connected in
`CompletionConfig.ready`."""

from django.db.models import Exists, OuterRef

from engagements.models import Application
from missions.models import Mission
from missions.signals import mission_delivery_answered, mission_page
from schools.selectors import teammates_of

from . import next_steps
from .services import mission_finish

ACCEPTED = Application.Status.ACCEPTED


def team_of(mission: Mission) -> list[Application]:
    """The mission's accepted volunteers, as its page shows them to the association: each
    with the agreement, the work handed over (`completion` and its deliverables), the
    attestation (`credential`), the book (`volunteer.portfolio`), and `reviewed`, whether
    the association wrote its recommendation. Three queries, whatever the team's size."""
    return list(
        Application.objects.filter(mission=mission, status=ACCEPTED)
        .select_related("volunteer__portfolio", "agreement__covered_by", "completion", "credential")
        .prefetch_related("completion__deliverables")
        .annotate(
            reviewed=Exists(
                Application.objects.filter(pk=OuterRef("pk"), reviews__direction="association")
            )
        )
        .order_by("answered_at", "pk")
    )


def engagement_of(mission: Mission, user) -> Application | None:
    """`user`'s accepted application on `mission`, with its agreement and work handed over."""
    if not user.is_authenticated:
        return None
    return (
        Application.objects.filter(mission=mission, volunteer=user, status=ACCEPTED)
        .select_related("agreement__covered_by", "completion", "credential")
        .first()
    )


def _page(sender, mission: Mission, user, member: bool, **kwargs) -> dict:
    insider = member or (user.is_authenticated and user.is_staff)
    team = next_steps.with_engagement_rows(team_of(mission)) if insider else []
    engagement = None if member else engagement_of(mission, user)
    teammates = []
    if engagement is not None:
        next_steps.with_engagement_rows([engagement])
        # A class project shares its work: each student sees what her teammates handed over.
        roles = teammates_of(user, mission)
        if roles:
            teammates = [a for a in team_of(mission) if a.volunteer_id in roles]
            next_steps.with_engagement_rows(teammates)
            for application in teammates:
                application.role = roles[application.volunteer_id]  # type: ignore[attr-defined]
    context: dict = {
        "teammates": teammates,
        "team": team,
        "next_step": next_steps.for_association(mission, user, team) if member else None,
        "engagement": engagement,
        "my_next_step": next_steps.for_volunteer(engagement) if engagement else None,
    }
    if insider:  # what the table's `start` guard reads, known here without a query
        context["lifecycle_context"] = {
            "confirmed_agreement": any(a.agreement_confirmed for a in team)
        }
    return context


def _answer_delivery(sender, mission: Mission, action: str, by, reason: str = "", **kwargs):
    mission_finish(mission=mission, action=action, by=by, reason=reason)
    return True


def connect() -> None:
    mission_page.connect(_page, dispatch_uid="completion-mission-page")
    mission_delivery_answered.connect(_answer_delivery, dispatch_uid="completion-answer-delivery")
