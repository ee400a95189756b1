"""Reads of the teacher's dashboard, and the lookups that check who is asking.

Who sees what: a cohort's dashboard is for its teachers (named on the cohort and members of
its school), nobody else, staff included: the same 404 as for a cohort that does not exist.
A teacher sees, of each student, her engagements that are part of the cohort's work
(`cohort_work`): never her messages, her files or her other cohorts' missions.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, FilteredRelation, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, localize
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from completion.models import Completion, Review
from engagements.models import Application
from missions.models import Status as MissionStatus
from missions.reminders import PAST_END_STATES
from organizations.models import Membership
from schools.models import ClassProject, ClassProjectMember, Cohort, CohortMembership, PinnedMission

from .models import Validation

# What a teacher follows of a student: the applications she sent and the engagements.
FOLLOWED = (Application.Status.PENDING, Application.Status.ACCEPTED)


# --- who may look --------------------------------------------------------------------------
def taught_by(user) -> Q:
    """The cohorts `user` teaches: named on them, and still a member of their school."""
    return Q(teachers=user) & Q(
        Exists(Membership.objects.filter(user=user, organization_id=OuterRef("school_id")))
    )


def is_teacher_of(user, cohort: Cohort) -> bool:
    if not user.is_authenticated:
        return False
    return Cohort.objects.filter(taught_by(user), pk=cohort.pk).exists()


def cohorts_taught(user) -> list[Cohort]:
    """The cohorts `user` teaches, with their school and number of students (one query)."""
    if not user.is_authenticated:
        return []
    return list(
        Cohort.objects.filter(taught_by(user))
        .select_related("school")
        .annotate(
            student_count=Count(
                "memberships",
                filter=Q(memberships__status=CohortMembership.Status.JOINED),
                distinct=True,
            )
        )
        .order_by("-year", "school__name", "name", "pk")
    )


def get_cohort_taught(request, pk: int) -> Cohort:
    """The cohort `pk` (with its school) if the requester teaches it, else 404."""
    if not request.user.is_authenticated:
        raise Http404
    cohort = Cohort.objects.filter(taught_by(request.user), pk=pk).select_related("school").first()
    if cohort is None:
        raise Http404
    return cohort


# --- the cohort's work ---------------------------------------------------------------------
def _class_project_place():
    """The student's place in the class project that took her on the application's mission
    (the project's team was accepted: it is how the application came to be)."""
    return ClassProjectMember.objects.filter(
        student_id=OuterRef("volunteer_id"),
        project__mission_id=OuterRef("mission_id"),
        project__status__in=(ClassProject.Status.ACCEPTED, ClassProject.Status.COMPLETED),
    ).order_by("-project__created_at")


def cohort_work(cohort: Cohort) -> Q:
    """A condition on Application: the engagements that are part of `cohort`'s work.

    An application belongs to it when it was sent while the student was in the cohort
    (between joining and leaving or being removed), or, sent before she left, when it is
    for a mission a teacher chose for the cohort. What she does after leaving is hers, and
    a class project of another of her cohorts belongs to that cohort only.
    """
    before_leaving = Q(ended_at__isnull=True) | Q(ended_at__gte=OuterRef("created_at"))
    place = CohortMembership.objects.filter(
        before_leaving, cohort_id=cohort.pk, student_id=OuterRef("volunteer_id")
    )
    while_in = Exists(place.filter(joined_at__lte=OuterRef("created_at")))
    pinned = Exists(
        PinnedMission.objects.filter(cohort_id=cohort.pk, mission_id=OuterRef("mission_id"))
    ) & Exists(place)
    # The students first, so that the database reads their applications by the volunteer's
    # index rather than testing every application of the site.
    students = CohortMembership.objects.filter(cohort_id=cohort.pk).values("student_id")
    # A class project of another of her cohorts is that cohort's work, whenever it began.
    elsewhere = Exists(_class_project_place().exclude(project__cohort_id=cohort.pk))
    return Q(volunteer_id__in=students) & (Q(while_in) | Q(pinned)) & ~Q(elsewhere)


def in_cohort_work(cohort: Cohort, application: Application) -> bool:
    return Application.objects.filter(cohort_work(cohort), pk=application.pk).exists()


# --- the dashboard -------------------------------------------------------------------------
# Forty students and their missions on one page: the rows are read as plain values (no model
# instance per cell) and each cell's words are made here, once, so that the template only
# prints them (a template tag or filter per cell costs more than the whole SQL).
class State:
    """Where an engagement stands, as the teacher reads it (from the application, the
    mission and the delivery: engagements, missions and completion decide; this names)."""

    APPLIED = "applied"
    STARTING = "starting"
    IN_PROGRESS = "in_progress"
    DELIVERED = "delivered"
    CHANGES_REQUESTED = "changes_requested"
    COMPLETED = "completed"
    STOPPED = "stopped"

    LABELS: dict[str, Promise] = {
        APPLIED: _("candidature envoyée"),
        STARTING: _("acceptée, pas encore commencée"),
        IN_PROGRESS: _("en cours"),
        DELIVERED: _("travail remis"),
        CHANGES_REQUESTED: _("retouches demandées"),
        COMPLETED: _("terminée"),
        STOPPED: _("mission arrêtée"),
    }
    ORDER = list(LABELS)


_DELIVERY_STATES: dict[str, str] = {
    Completion.Status.COMPLETED: State.COMPLETED,
    Completion.Status.DELIVERED: State.DELIVERED,
    Completion.Status.CHANGES_REQUESTED: State.CHANGES_REQUESTED,
}


def state_of(status: str, mission_status: str, completion: Completion | None) -> str:
    """The state of an application (`status`) for a mission (`mission_status`)."""
    if status == Application.Status.PENDING:
        return State.APPLIED
    if completion is not None:
        return _DELIVERY_STATES[completion.status]
    if mission_status == MissionStatus.OPEN:
        return State.STARTING
    if mission_status in (MissionStatus.IN_PROGRESS, MissionStatus.DELIVERED):
        return State.IN_PROGRESS
    return State.STOPPED


def lateness(
    status: str,
    mission_status: str,
    end_date: datetime.date | None,
    completion: Completion | None,
    today: datetime.date,
) -> str:
    """What is late about an engagement, in words, or "": its mission past its end date
    (the reminders' definition, `missions.reminders.remind_past_end`) while the work is
    not handed over, or handed over and still waiting for the association's answer."""
    if status != Application.Status.ACCEPTED:
        return ""
    if completion is not None and completion.is_completed:
        return ""
    if mission_status not in PAST_END_STATES or not end_date or end_date >= today:
        return ""
    if completion is not None and completion.is_delivered:
        return gettext("date de fin passée : le travail remis attend la réponse de l’association")
    return gettext("date de fin passée : travail pas encore remis")


def average_rating(*marks: int | None) -> float | None:
    given = [mark for mark in marks if mark]
    return round(sum(given) / len(given), 1) if given else None


def _day(value: datetime.datetime | datetime.date) -> str:
    """A date as the page writes it: "7 décembre 2026" (the `date:"j F Y"` filter)."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return date_format(value, "j F Y")


NOTHING = "—"


@dataclass(slots=True)
class EngagementRow:
    """One engagement of a student for the cohort: its facts, and their words on the page."""

    application_id: int
    applied_at: datetime.datetime
    title: str
    organization: str
    end_date: datetime.date | None
    state: str
    late: str
    completion: Completion | None
    deliverable_count: int
    rating: float | None
    validation: Validation | None
    class_project: str
    class_project_role: str

    @property
    def state_label(self) -> Promise:
        return State.LABELS[self.state]

    @property
    def is_completed(self) -> bool:
        return self.state == State.COMPLETED

    @property
    def hours(self) -> int | None:
        return self.completion.hours if self.completion is not None else None

    @property
    def confirmed_hours(self) -> int:
        completion = self.completion
        return (completion.confirmed_hours or 0) if completion and completion.is_completed else 0

    # What the page writes in each cell.
    @property
    def state_text(self) -> str:
        return capfirst(str(State.LABELS[self.state]))

    @property
    def hours_text(self) -> str:
        hours = self.hours
        if hours is None:
            return NOTHING
        if self.is_completed:
            return localize(hours)
        return f"{localize(hours)} {gettext('(selon l’élève)')}"

    @property
    def delivered_text(self) -> str:
        completion = self.completion
        if completion is None or not completion.delivered_at:
            return NOTHING
        n = self.deliverable_count
        return ngettext("le %(date)s, %(n)s livrable", "le %(date)s, %(n)s livrables", n) % {
            "date": _day(completion.delivered_at),
            "n": localize(n),
        }

    @property
    def rating_text(self) -> str:
        if not self.rating:
            return NOTHING
        return gettext("%(rating)s sur 5") % {"rating": localize(self.rating)}

    @property
    def validation_text(self) -> str:
        validation = self.validation
        if validation is None:
            return NOTHING
        verdict = capfirst(str(validation.get_verdict_display()))
        return f"{verdict} : « {validation.comment} »" if validation.comment else verdict

    @property
    def end_text(self) -> str:
        if not self.end_date:
            return ""
        return gettext("fin prévue le %(date)s") % {"date": _day(self.end_date)}


@dataclass(slots=True)
class StudentRow:
    membership_id: int
    student_id: int
    name: str
    is_joined: bool
    ended_at: datetime.datetime | None
    # Her profile page, when it exists and she is still in the cohort (its teachers may
    # read it then: `receivers`), else "".
    profile_url: str
    engagements: list[EngagementRow] = field(default_factory=list)
    hours: int = 0

    @property
    def left_text(self) -> str:
        if self.is_joined:
            return ""
        return gettext("a quitté la promotion le %(date)s") % {
            "date": _day(self.ended_at) if self.ended_at else ""
        }

    @property
    def hours_text(self) -> str:
        return ngettext("%(n)s heure confirmée", "%(n)s heures confirmées", self.hours) % {
            "n": localize(self.hours)
        }


@dataclass
class Dashboard:
    cohort: Cohort
    students: list[StudentRow]
    # (state, its label, how many engagements are in it), in State.ORDER.
    by_state: list[tuple[str, Promise, int]]
    engagement_count: int
    # (the student's name, her engagement) of each engagement late, student by student.
    late: list[tuple[str, EngagementRow]]

    @property
    def late_count(self) -> int:
        return len(self.late)


def cohort_applications(cohort: Cohort) -> QuerySet:
    """The applications and engagements of the cohort's work, as rows of the values the
    dashboard and the CSV show: the mission, its association, the delivery and how many
    files or links it holds, the association's published review. Joins rather than
    subqueries: each subquery costs about a millisecond to build and plan."""
    published_review = FilteredRelation(
        "reviews",
        condition=Q(
            reviews__direction=Review.Direction.ASSOCIATION, reviews__published_at__isnull=False
        ),
    )
    return (
        Application.objects.filter(cohort_work(cohort), status__in=FOLLOWED)
        # One review per side and application (`one_review_per_side`): no row doubles.
        .annotate(published_review=published_review)
        .order_by("created_at", "pk")
        .values_list(
            "pk",
            "status",
            "created_at",
            "volunteer_id",
            "mission_id",
            "mission__title",
            "mission__status",
            "mission__end_date",
            "mission__organization__name",
            "completion__status",
            "completion__proposed_hours",
            "completion__confirmed_hours",
            "completion__delivered_at",
            "completion__completed_at",
            "published_review__quality",
            "published_review__communication",
            "published_review__deadlines",
        )
        .annotate(deliverable_count=Count("completion__deliverables"))
    )


def class_project_places(cohort: Cohort) -> dict[tuple[int, int], tuple[str, str]]:
    """{(student, mission): (class project, her role)} of the cohort's class projects that
    took their team on (accepted, then completed), the latest one for each.

    The cohort's work never includes an engagement taken on by another cohort's class
    project (`cohort_work`): what is shown is always one of these."""
    places = (
        ClassProjectMember.objects.filter(
            project__cohort_id=cohort.pk,
            project__status__in=(ClassProject.Status.ACCEPTED, ClassProject.Status.COMPLETED),
        )
        .order_by("project__created_at", "project_id")
        .values_list("student_id", "project__mission_id", "project__name", "role")
    )
    return {(student, mission): (name, role) for student, mission, name, role in places}


def dashboard_of(cohort: Cohort, *, today: datetime.date) -> Dashboard:
    """Each student of the cohort with her engagements of its work: four queries, however
    many students and missions. A student who left stays listed while she has work done
    for the cohort (its teachers may still validate it); otherwise she is gone."""
    memberships = (
        CohortMembership.objects.filter(cohort=cohort)
        .order_by("student__full_name", "pk")
        .values_list(
            "pk",
            "student_id",
            "student__full_name",
            "student__volunteer_profile__id",
            "status",
            "ended_at",
        )
    )
    places = class_project_places(cohort)
    validations = {
        validation.application_id: validation
        for validation in Validation.objects.filter(cohort=cohort).only(
            "application_id", "verdict", "comment"
        )
    }
    rows: dict[int, list[EngagementRow]] = {}
    for (
        pk,
        status,
        created_at,
        volunteer_id,
        mission_id,
        title,
        mission_status,
        end_date,
        organization,
        completion_status,
        proposed_hours,
        confirmed_hours,
        delivered_at,
        completed_at,
        quality,
        communication,
        deadlines,
        deliverable_count,
    ) in cohort_applications(cohort):
        completion = (
            None
            if completion_status is None
            else Completion(
                application_id=pk,
                status=completion_status,
                proposed_hours=proposed_hours,
                confirmed_hours=confirmed_hours,
                delivered_at=delivered_at,
                completed_at=completed_at,
            )
        )
        project, role = places.get((volunteer_id, mission_id), ("", ""))
        rows.setdefault(volunteer_id, []).append(
            EngagementRow(
                application_id=pk,
                applied_at=created_at,
                title=title,
                organization=organization,
                end_date=end_date,
                state=state_of(status, mission_status, completion),
                late=lateness(status, mission_status, end_date, completion, today),
                completion=completion,
                deliverable_count=deliverable_count,
                rating=average_rating(quality, communication, deadlines),
                validation=validations.get(pk),
                class_project=project,
                class_project_role=role,
            )
        )
    students, late = [], []
    counts = dict.fromkeys(State.ORDER, 0)
    for membership_id, student_id, name, profile_id, status, ended_at in memberships:
        is_joined = status == CohortMembership.Status.JOINED
        engagements = rows.get(student_id, [])
        if not (is_joined or engagements):
            continue
        for row in engagements:
            counts[row.state] += 1
            if row.late:
                late.append((name, row))
        students.append(
            StudentRow(
                membership_id=membership_id,
                student_id=student_id,
                name=name,
                is_joined=is_joined,
                ended_at=ended_at,
                profile_url=(
                    reverse("volunteers:detail", args=[student_id])
                    if is_joined and profile_id is not None
                    else ""
                ),
                engagements=engagements,
                hours=sum(row.confirmed_hours for row in engagements),
            )
        )
    return Dashboard(
        cohort,
        students,
        by_state=[(state, State.LABELS[state], counts[state]) for state in State.ORDER],
        engagement_count=sum(counts.values()),
        late=late,
    )


def get_engagement_for_teacher(request, pk: int, application_pk: int):
    """(cohort, application with its completion) when the requester teaches the cohort and
    the application is part of its work, else 404."""
    cohort = get_cohort_taught(request, pk)
    application = (
        Application.objects.filter(cohort_work(cohort), pk=application_pk, status__in=FOLLOWED)
        .select_related("mission__organization", "completion", "volunteer")
        .first()
    )
    if application is None:
        raise Http404
    return cohort, application


def validation_of(application: Application, cohort: Cohort) -> Validation | None:
    return Validation.objects.filter(application=application, cohort=cohort).first()


# --- the student's side --------------------------------------------------------------------
def validations_for_student(user, *, limit: int = 10) -> list[Validation]:
    """The verdicts her teachers gave on her missions, latest first (one query)."""
    if not user.is_authenticated:
        return []
    return list(
        Validation.objects.filter(application__volunteer_id=user.pk)
        .select_related("application__mission__organization", "cohort__school", "teacher")
        .order_by("-updated_at", "-pk")[:limit]
    )


def verdicts_on(application_id: int) -> list[Validation]:
    """Every teacher's verdict on one engagement, latest first (one query)."""
    return list(
        Validation.objects.filter(application_id=application_id)
        .select_related("cohort__school", "teacher")
        .order_by("-updated_at", "-pk")
    )


def validated_for_attestation(application_id: int) -> list[Validation]:
    """The validations printed on the attestation of an engagement (one query)."""
    return list(
        Validation.objects.filter(
            application_id=application_id, verdict=Validation.Verdict.VALIDATED
        )
        .select_related("cohort__school", "teacher")
        .order_by("updated_at", "pk")
    )
