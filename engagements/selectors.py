"""Reads about applications, and the lookups that check who is asking on the way.

Missions are looked up through `missions.selectors` (`get_mission_for_member`,
`get_mission_for_viewer`), so that every page agrees on who may see a mission.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.shortcuts import get_object_or_404

from accounts.models import User
from core.roles import roles_of
from missions.lifecycle import ACCEPTING_APPLICATIONS
from missions.models import Mission
from missions.models import Status as MissionStatus
from missions.selectors import is_member
from organizations.models import Organization
from volunteers.models import VolunteerSkill

from .models import Application

Status = Application.Status
# How "Mes candidatures" groups and orders a volunteer's applications.
GROUP_ORDER = [Status.INVITED, Status.ACCEPTED, Status.PENDING]
# Then the finished ones: declined, withdrawn, expired, and engagements that ended.
FINISHED = len(GROUP_ORDER)


def shows_profile() -> Q:
    """The applications through which a volunteer showed her profile to the association:
    she applied herself, or she said yes to its invitation (and may have left since). An
    invitation she has not accepted shows nothing she keeps private."""
    return Q(invited_by__isnull=True) | Q(status__in=[Status.ACCEPTED, Status.WITHDRAWN])


def profile_shown(application: Application) -> bool:
    """Whether the association sees `application`'s volunteer as she chose to show herself
    (full name, profile page), or only as a suggestion shows a private profile."""
    profile = getattr(application.volunteer, "volunteer_profile", None)
    if profile is not None and profile.is_public:
        return True
    return application.invited_by_id is None or application.status in (
        Status.ACCEPTED,
        Status.WITHDRAWN,
    )


def is_volunteer(user) -> bool:
    """Whether the header shows "Mes candidatures"."""
    return roles_of(user).volunteer


def has_volunteer_profile(user) -> bool:
    return roles_of(user).has_profile


@dataclass(frozen=True)
class Viewer:
    """Who looks at an application, decided once per request."""

    is_volunteer: bool
    is_member: bool
    is_staff: bool


def _application(pk: int) -> Application:
    return get_object_or_404(
        Application.objects.select_related(
            "volunteer__volunteer_profile",
            "invited_by",
            "answered_by",
            "mission__organization",
            "agreement__association_confirmed_by",
        ),
        pk=pk,
    )


def get_application_for_viewer(request, pk: int) -> tuple[Application, Viewer]:
    """The application `pk` for its volunteer, the organisation's members, or staff."""
    application = _application(pk)
    user = request.user
    viewer = Viewer(
        is_volunteer=user.is_authenticated and user.pk == application.volunteer_id,
        is_member=is_member(user, application.mission),
        is_staff=user.is_authenticated and user.is_staff,
    )
    if not (viewer.is_volunteer or viewer.is_member or viewer.is_staff):
        raise PermissionDenied
    return application, viewer


def get_agreement_application_for_reader(request, pk: int) -> tuple[Application, Viewer]:
    """The application `pk` for its agreement's page: those of `get_application_for_viewer`,
    and, for a team's agreement, its cosigner (the teacher) and the members it covers, who
    read it without a say (the lead and the cosigner confirm it for them)."""
    try:
        return get_application_for_viewer(request, pk)
    except PermissionDenied:
        user = request.user
        readers = Q(agreement__cosigner=user) | Q(agreement__covered__application__volunteer=user)
        if not Application.objects.filter(readers, pk=pk).exists():
            raise
    return _application(pk), Viewer(is_volunteer=False, is_member=False, is_staff=False)


def applicants_of(mission: Mission) -> QuerySet[Application]:
    """Applications of `mission` for its members: waiting ones first, with each profile."""
    return (
        Application.objects.filter(mission=mission)
        .select_related("volunteer__volunteer_profile", "agreement__covered_by")
        .prefetch_related(
            Prefetch(
                "volunteer__volunteer_profile__skills",
                queryset=VolunteerSkill.objects.select_related("skill").order_by("-level"),
            )
        )
        .annotate(
            group=Case(
                When(status=Status.PENDING, then=Value(0)),
                When(status=Status.ACCEPTED, then=Value(1)),
                When(status=Status.INVITED, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            )
        )
        .order_by("group", "created_at", "pk")
    )


def applications_of(user) -> QuerySet[Application]:
    """A volunteer's applications, grouped: invitations to answer, accepted, waiting, closed.

    An accepted application whose engagement ended (the association confirmed the end, or
    the mission itself is over) is among the finished ones, not the accepted ones.
    """
    ended = Q(status=Status.ACCEPTED) & (
        Q(completion__status="completed")
        | Q(mission__status__in=[MissionStatus.COMPLETED, MissionStatus.CANCELLED])
    )
    whens = [When(ended, then=Value(FINISHED))]
    whens += [When(status=status, then=Value(i)) for i, status in enumerate(GROUP_ORDER)]
    return (
        Application.objects.filter(volunteer=user)
        .select_related("mission__organization", "agreement__covered_by", "completion")
        .annotate(
            group=Case(*whens, default=Value(FINISHED), output_field=IntegerField()),
            # An engagement that ended, and whether it ended because the mission was called off.
            ended=ExpressionWrapper(ended, output_field=BooleanField()),
            mission_cancelled=ExpressionWrapper(
                Q(mission__status=MissionStatus.CANCELLED), output_field=BooleanField()
            ),
        )
        .order_by("group", "-created_at", "-pk")
    )


def team_count(mission: Mission) -> int:
    return Application.objects.filter(mission=mission, status=Status.ACCEPTED).count()


def response_rate(organization: Organization) -> int | None:
    """Share of applications the association answered (in %), once it has had a few."""
    counts = Application.objects.filter(mission__organization=organization).aggregate(
        answered=Count("pk", filter=Q(status__in=[Status.ACCEPTED, Status.DECLINED])),
        expired=Count("pk", filter=Q(status=Status.EXPIRED)),
    )
    total = counts["answered"] + counts["expired"]
    if total < 3:
        return None  # too few to say anything fair
    return round(100 * counts["answered"] / total)


@dataclass(frozen=True)
class Panel:
    """What the mission page offers the person looking at it."""

    kind: str  # "anonymous", "apply", "applied", "member", "closed"
    accepting: bool
    application: Application | None = None
    pending: int = 0


def mission_panel_for(mission: Mission, user) -> Panel:
    """At most two queries: membership, then either the pending count or one's application."""
    accepting = mission.status in ACCEPTING_APPLICATIONS
    if not user.is_authenticated:
        return Panel("anonymous" if accepting else "closed", accepting)
    if is_member(user, mission):
        pending = Application.objects.filter(mission=mission, status=Status.PENDING).count()
        return Panel("member", accepting, pending=pending)
    # The latest: one who withdrew and came back has two.
    application = (
        Application.objects.filter(mission=mission, volunteer=user)
        .only("pk", "status")
        .order_by("-created_at", "-pk")
        .first()
    )
    if application is not None and (application.status != Status.WITHDRAWN or not accepting):
        return Panel("applied", accepting, application=application)
    return Panel("apply" if accepting else "closed", accepting, application=application)


def team_of(mission: Mission) -> list[User]:
    """The volunteers whose application to the mission was accepted."""
    return list(
        User.objects.filter(
            applications__mission=mission, applications__status=Application.Status.ACCEPTED
        )
    )
