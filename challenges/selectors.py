"""Reads of events, challenges and teams, and the lookups that check who is asking.

Who sees what: anyone sees a published event (and its accepted challenges); a draft is seen
by its organiser's members only; the organiser sees every challenge brought to its event,
an association the ones it brought; a team's page is for its members and the organiser.
Anyone else gets a 404, the same answer as for a thing that does not exist.

A team's submission (`can_see_submission`): its members always; the organiser once the
submission deadline has passed; a juror it is assigned to, while the jury deliberates; the
association whose challenge it answers once the results are published; nobody else (other
teams never).
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from missions.models import MissionTemplate
from organizations.models import Organization

from .models import (
    ORGANISER_KINDS,
    Assignment,
    Challenge,
    Event,
    Registration,
    Submission,
    SubmissionFile,
    Team,
)

PER_PAGE = 20


def is_organiser(user, event: Event) -> bool:
    return bool(user.is_authenticated and event.organiser.memberships.filter(user=user).exists())


def organisers_of(user) -> list[Organization]:
    """The verified organisations of `user` that may organise an event."""
    if not user.is_authenticated:
        return []
    return list(
        Organization.objects.filter(
            kind__in=ORGANISER_KINDS,
            verification=Organization.Verification.VERIFIED,
            memberships__user=user,
        )
        .order_by("name")
        .distinct()
    )


def associations_of(user) -> list[Organization]:
    if not user.is_authenticated:
        return []
    return list(
        Organization.objects.filter(kind=Organization.Kind.ASSOCIATION, memberships__user=user)
        .order_by("name")
        .distinct()
    )


def get_organiser_for_member(request, slug: str) -> Organization:
    for organisation in organisers_of(request.user):
        if organisation.slug == slug:
            return organisation
    raise Http404


def upcoming_events(*, page=1) -> Page:
    """Published and running events, soonest first, with their accepted challenges and
    registrations counted (a constant number of queries, however many events)."""
    events = (
        Event.objects.filter(status__in=[Event.Status.PUBLISHED, Event.Status.RUNNING])
        .select_related("organiser")
        .annotate(
            accepted_count=Count(
                "challenges",
                filter=Q(challenges__status=Challenge.Status.ACCEPTED),
                distinct=True,
            ),
            registered_count=Count("registrations", distinct=True),
        )
        .order_by("kick_off", "pk")
    )
    return Paginator(events, PER_PAGE).get_page(page)


def events_of_organiser(user) -> QuerySet[Event]:
    return (
        Event.objects.filter(organiser__memberships__user=user)
        .select_related("organiser")
        .order_by("-kick_off", "pk")
        .distinct()
    )


def get_event(request, pk: int) -> Event:
    """The event `pk`, if it is published or the requester organises it; else 404."""
    event = Event.objects.select_related("organiser").filter(pk=pk).first()
    if event is None or not (event.is_public or is_organiser(request.user, event)):
        raise Http404
    return event


def get_event_for_organiser(request, pk: int) -> Event:
    event = Event.objects.select_related("organiser").filter(pk=pk).first()
    if event is None or not is_organiser(request.user, event):
        raise Http404
    return event


def accepted_challenges(event: Event) -> list[Challenge]:
    return list(
        event.challenges.filter(status=Challenge.Status.ACCEPTED)
        .select_related("association")
        .annotate(team_count=Count("teams"))
        .order_by("title", "pk")
    )


def challenges_to_review(event: Event, *, page=1) -> Page:
    """Every challenge brought to `event`, the ones awaiting an answer first."""
    challenges = (
        event.challenges.select_related("association")
        .annotate(waiting=Q(status=Challenge.Status.SUBMITTED))
        .order_by("-waiting", "submitted_at", "pk")
    )
    return Paginator(challenges, PER_PAGE).get_page(page)


def challenges_of_associations(event: Event, user) -> list[Challenge]:
    """The challenges `user`'s associations brought to `event`."""
    if not user.is_authenticated:
        return []
    return list(
        event.challenges.filter(association__memberships__user=user)
        .select_related("association")
        .order_by("submitted_at", "pk")
        .distinct()
    )


def get_challenge_for_organiser(request, pk: int) -> Challenge:
    challenge = (
        Challenge.objects.select_related("event__organiser", "association").filter(pk=pk).first()
    )
    if challenge is None or not is_organiser(request.user, challenge.event):
        raise Http404
    return challenge


def get_challenge_for_proposer(request, pk: int) -> Challenge:
    challenge = (
        Challenge.objects.select_related("event", "association")
        .filter(pk=pk, association__memberships__user=request.user)
        .first()
    )
    if challenge is None:
        raise Http404
    return challenge


def registration_of(user, event: Event) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.select_related("team").filter(event=event, student=user).first()


def places_left(event: Event) -> int:
    return max(event.capacity - event.registrations.count(), 0)


def get_team_for_member(request, pk: int) -> Team:
    """The team `pk` for one of its members or its event's organiser; else 404."""
    team = (
        Team.objects.select_related("event__organiser", "challenge", "leader").filter(pk=pk).first()
    )
    if team is None or not request.user.is_authenticated:
        raise Http404
    if not (
        team.members.filter(student=request.user).exists() or is_organiser(request.user, team.event)
    ):
        raise Http404
    return team


def get_team_for_teammate(request, pk: int) -> Team:
    """The team `pk` for one of its members only (what changes it); else 404."""
    team = Team.objects.select_related("event").filter(pk=pk, members__student=request.user).first()
    if team is None:
        raise Http404
    return team


def get_team_by_code(code: str) -> Team:
    team = Team.objects.select_related("event", "leader").filter(code=code.upper().strip()).first()
    if team is None or not team.event.is_public:
        raise Http404
    return team


def members_of(team: Team) -> list[Registration]:
    return list(team.members.select_related("student").order_by("registered_at", "pk"))


def teams_of(event: Event, *, page=1) -> Page:
    teams = (
        event.teams.select_related("challenge", "leader")
        .annotate(member_count=Count("members"))
        .order_by("name", "pk")
    )
    return Paginator(teams, PER_PAGE).get_page(page)


def templates() -> list[MissionTemplate]:
    return list(MissionTemplate.objects.filter(is_active=True))


def today():
    return timezone.localdate()


# --- Submissions ----------------------------------------------------------------------------
# The association of the challenge reads the answers once results are out.
RESULTS_OUT = frozenset({Event.Status.RESULTS, Event.Status.CLOSED})


def is_teammate(user, team: Team) -> bool:
    return bool(user.is_authenticated and team.members.filter(student=user).exists())


def can_see_submission(user, submission: Submission, now=None) -> bool:
    """Whether `user` may read `submission` and download its files (see the module's
    docstring); later slices (jury, books) add their readers here."""
    if not user.is_authenticated:
        return False
    team = submission.team
    event = team.event
    if is_teammate(user, team):
        return True
    if is_organiser(user, event) and (now or timezone.now()) >= event.submission_deadline:
        return True
    if (
        event.status == Event.Status.JUDGING
        and Assignment.objects.filter(
            team=team, juror__user=user, juror__accepted_at__isnull=False
        ).exists()
    ):
        return True
    challenge = team.challenge
    return bool(
        event.status in RESULTS_OUT
        and challenge is not None
        and challenge.association.memberships.filter(user=user).exists()
    )


def submission_of(team: Team) -> Submission | None:
    return Submission.objects.filter(team=team).first()


def submission_files(submission: Submission | None) -> list[SubmissionFile]:
    return list(submission.files.all()) if submission is not None else []


def get_team_for_submission(request, pk: int) -> Team:
    """The team `pk`, for anyone who may see its page or its answer (the view says which)."""
    team = (
        Team.objects.select_related("event__organiser", "challenge__association", "leader")
        .filter(pk=pk)
        .first()
    )
    if team is None or not request.user.is_authenticated:
        raise Http404
    return team


def get_submission_file(request, team_pk: int, pk: int) -> SubmissionFile:
    """A file of team `team_pk`'s answer, for whoever may see that answer; else 404."""
    file = (
        SubmissionFile.objects.select_related(
            "submission__team__event__organiser", "submission__team__challenge__association"
        )
        .filter(pk=pk, submission__team_id=team_pk)
        .first()
    )
    if file is None or not can_see_submission(request.user, file.submission):
        raise Http404
    return file


def submissions_of(event: Event, *, page=1) -> Page:
    """The event's teams with their answer (or none yet) and its number of files, the ones
    that answered first (a constant number of queries, however many teams)."""
    teams = (
        event.teams.select_related("challenge__association", "submission")
        .annotate(file_count=Count("submission__files"))
        .order_by(F("submission__submitted_at").asc(nulls_last=True), "name", "pk")
    )
    return Paginator(teams, PER_PAGE).get_page(page)
