"""What engagements answer when the apps below ask (missions, organisations, volunteers),
and do when a mission moves: receivers of their signals, connected in
`EngagementsConfig.ready`."""

from statistics import median

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from missions.models import Mission
from missions.signals import mission_cancelled, mission_facts, mission_started, mission_team
from notifications.services import notify
from organizations.models import Organization
from organizations.selectors import mission_members
from organizations.signals import organization_page
from volunteers.signals import profile_readers

from .models import Application
from .selectors import shows_profile, team_of

Status = Application.Status


def _facts(sender, missions: list[Mission], **kwargs) -> dict[int, dict]:
    """`confirmed_agreement` and `pending_applications` of each mission (one query)."""
    rows = (
        Application.objects.filter(mission__in=missions)
        .values("mission_id")
        .annotate(
            pending=Count("pk", filter=Q(status=Status.PENDING)),
            # An agreement both sides confirmed (and its cosigner, a team's teacher, when it
            # has one): the mission is ready to start.
            confirmed=Count(
                "pk",
                filter=Q(
                    status=Status.ACCEPTED,
                    agreement__association_confirmed_at__isnull=False,
                    agreement__volunteer_confirmed_at__isnull=False,
                )
                & (
                    Q(agreement__cosigner__isnull=True)
                    | Q(agreement__cosigner_confirmed_at__isnull=False)
                ),
            ),
        )
        .order_by()
    )
    known = {
        row["mission_id"]: {
            "confirmed_agreement": row["confirmed"] > 0,
            "pending_applications": row["pending"],
        }
        for row in rows
    }
    nothing = {"confirmed_agreement": False, "pending_applications": 0}
    return {mission.pk: known.get(mission.pk, nothing) for mission in missions}


def _team_but(mission: Mission, by) -> list:
    """The team, except `by` and the association's members (missions tells those)."""
    others = {user.pk for user in mission_members(mission)} | {getattr(by, "pk", None)}
    return [user for user in team_of(mission) if user.pk not in others]


def _team(sender, mission: Mission, **kwargs) -> list:
    return team_of(mission)


def _started(sender, mission: Mission, by, **kwargs) -> None:
    notify(
        users=_team_but(mission, by),
        kind="mission_started",
        context={"mission": mission.title, "organization": mission.organization.name},
        url=reverse("missions:detail", args=[mission.pk]),
    )


def _cancelled(sender, mission: Mission, by, reason: str = "", **kwargs) -> None:
    if mission.published_at is None:  # a draft never published had no team
        return
    notify(
        users=_team_but(mission, by),
        kind="mission_cancelled",
        context={
            "mission": mission.title,
            "organization": mission.organization.name,
            "reason": reason,
        },
        url=reverse("missions:detail", args=[mission.pk]),
    )


# The response time is the median over an association's most recent answers: recent
# behaviour is what a volunteer applying today can expect.
RESPONSE_TIME_SAMPLE = 100


def response_stats(organization: Organization) -> dict:
    """How an association answers the applications it receives (two queries).

    `received` counts the applications whose fate is known: answered (accepted or declined)
    or left to expire. Those still waiting, withdrawn by the volunteer, or sent by the
    association itself as invitations are not the association's answers, so they are left
    out. `rate` is the percentage answered; `median_hours` the usual delay of an answer.
    """
    answered_statuses = [Status.ACCEPTED, Status.DECLINED]
    received_by_association = Application.objects.filter(
        mission__organization=organization, invited_by__isnull=True
    )
    counts = received_by_association.aggregate(
        answered=Count("pk", filter=Q(status__in=answered_statuses)),
        expired=Count("pk", filter=Q(status=Status.EXPIRED)),
    )
    answered, received = counts["answered"], counts["answered"] + counts["expired"]
    delays = [
        (answered_at - created_at).total_seconds() / 3600
        for created_at, answered_at in received_by_association.filter(
            status__in=answered_statuses, answered_at__isnull=False
        )
        .order_by("-answered_at")
        .values_list("created_at", "answered_at")[:RESPONSE_TIME_SAMPLE]
        if answered_at is not None  # always, by the filter: said for the type checker
    ]
    return {
        "rate": round(100 * answered / received) if received else None,
        "median_hours": round(median(delays)) if delays else None,
        "answered": answered,
        "received": received,
    }


def _organization_page(sender, organization: Organization, **kwargs) -> dict:
    return {"stats": response_stats(organization)} if organization.is_association else {}


def _profile_readers(sender, viewer, **kwargs):
    """The volunteers who showed their profile to one of `viewer`'s organisations."""
    return Exists(
        Application.objects.filter(
            shows_profile(),
            volunteer_id=OuterRef("user_id"),
            mission__organization__memberships__user=viewer,
        )
    )


def connect() -> None:
    organization_page.connect(_organization_page, dispatch_uid="engagements-organization-page")
    profile_readers.connect(_profile_readers, dispatch_uid="engagements-profile-readers")
    mission_facts.connect(_facts, dispatch_uid="engagements-mission-facts")
    mission_team.connect(_team, dispatch_uid="engagements-mission-team")
    mission_started.connect(_started, dispatch_uid="engagements-mission-started")
    mission_cancelled.connect(_cancelled, dispatch_uid="engagements-mission-cancelled")
