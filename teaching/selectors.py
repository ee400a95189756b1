"""Reads of the teacher's dashboard, and the lookups that check who is asking.

Who sees what: a cohort's dashboard is for its teachers (named on the cohort and members of
its school), nobody else, staff included: the same 404 as for a cohort that does not exist.
A teacher sees, of each student, her engagements that are part of the cohort's work
(`cohort_work`): never her messages, her files or her other cohorts' missions.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from completion.models import Completion, Deliverable, Review
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


def state_of(application: Application, completion: Completion | None) -> str:
    if application.status == Application.Status.PENDING:
        return State.APPLIED
    if completion is not None:
        delivery: dict[str, str] = {
            Completion.Status.COMPLETED: State.COMPLETED,
            Completion.Status.DELIVERED: State.DELIVERED,
            Completion.Status.CHANGES_REQUESTED: State.CHANGES_REQUESTED,
        }
        return delivery[completion.status]
    mission_status = application.mission.status
    if mission_status == MissionStatus.OPEN:
        return State.STARTING
    if mission_status in (MissionStatus.IN_PROGRESS, MissionStatus.DELIVERED):
        return State.IN_PROGRESS
    return State.STOPPED


def lateness(application: Application, completion: Completion | None, today) -> str | Promise:
    """What is late about an engagement, in words, or "": its mission past its end date
    (the reminders' definition, `missions.reminders.remind_past_end`) while the work is
    not handed over, or handed over and still waiting for the association's answer."""
    mission = application.mission
    if application.status != Application.Status.ACCEPTED:
        return ""
    if completion is not None and completion.is_completed:
        return ""
    if mission.status not in PAST_END_STATES or not mission.end_date or mission.end_date >= today:
        return ""
    if completion is not None and completion.is_delivered:
        return _("date de fin passée : le travail remis attend la réponse de l’association")
    return _("date de fin passée : travail pas encore remis")


def average_rating(review: Review | None) -> float | None:
    if review is None:
        return None
    marks = [m for m in (review.quality, review.communication, review.deadlines) if m]
    return round(sum(marks) / len(marks), 1) if marks else None


@dataclass
class EngagementRow:
    application: Application
    state: str
    completion: Completion | None
    review: Review | None
    validation: Validation | None
    late: str | Promise
    deliverable_count: int

    @property
    def mission(self):
        return self.application.mission

    @property
    def class_project(self) -> str:
        """The name of the class project this engagement is part of ("" if none)."""
        return getattr(self.application, "class_project", None) or ""

    @property
    def class_project_role(self) -> str:
        return getattr(self.application, "class_project_role", None) or ""

    @property
    def state_label(self) -> Promise:
        return State.LABELS[self.state]

    @property
    def hours(self) -> int | None:
        return self.completion.hours if self.completion is not None else None

    @property
    def confirmed_hours(self) -> int:
        completion = self.completion
        return (completion.confirmed_hours or 0) if completion and completion.is_completed else 0

    @property
    def rating(self) -> float | None:
        return average_rating(self.review)

    @property
    def is_completed(self) -> bool:
        return self.state == State.COMPLETED


@dataclass
class StudentRow:
    membership: CohortMembership
    engagements: list[EngagementRow] = field(default_factory=list)

    @property
    def student(self) -> User:
        return self.membership.student

    @property
    def has_profile(self) -> bool:
        """Whether her profile page exists (the teacher may read it: `receivers`)."""
        return hasattr(self.membership.student, "volunteer_profile")

    @property
    def hours(self) -> int:
        return sum(row.confirmed_hours for row in self.engagements)

    @property
    def late(self) -> list[EngagementRow]:
        return [row for row in self.engagements if row.late]


@dataclass
class Dashboard:
    cohort: Cohort
    students: list[StudentRow]

    @property
    def by_state(self) -> list[tuple[str, Promise, int]]:
        counts = dict.fromkeys(State.ORDER, 0)
        for student in self.students:
            for row in student.engagements:
                counts[row.state] += 1
        return [(state, State.LABELS[state], counts[state]) for state in State.ORDER]

    @property
    def late_count(self) -> int:
        return sum(len(student.late) for student in self.students)

    @property
    def engagement_count(self) -> int:
        return sum(len(student.engagements) for student in self.students)


def _deliverable_count():
    return Coalesce(
        Subquery(
            Deliverable.objects.filter(completion__application=OuterRef("pk"))
            .order_by()
            .values("completion")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


def cohort_applications(cohort: Cohort) -> QuerySet[Application]:
    """The applications and engagements of the cohort's work, with what the dashboard shows."""
    return (
        Application.objects.filter(cohort_work(cohort), status__in=FOLLOWED)
        .select_related("mission__organization", "completion")
        # What the page and the CSV show, no more: 40 students' rows are read in a blink.
        .only(
            "pk",
            "status",
            "created_at",
            "volunteer_id",
            "mission__title",
            "mission__status",
            "mission__end_date",
            "mission__organization__name",
            "completion__status",
            "completion__proposed_hours",
            "completion__confirmed_hours",
            "completion__delivered_at",
            "completion__completed_at",
            "completion__application_id",
        )
        .annotate(
            deliverable_count=_deliverable_count(),
            class_project=Subquery(_class_project_place().values("project__name")[:1]),
            class_project_role=Subquery(_class_project_place().values("role")[:1]),
        )
        .order_by("created_at", "pk")
    )


def dashboard_of(cohort: Cohort, *, today: datetime.date) -> Dashboard:
    """Each student of the cohort with her engagements of its work: four queries, however
    many students and missions. A student who left stays listed while she has work done
    for the cohort (its teachers may still validate it); otherwise she is gone."""
    memberships = list(
        CohortMembership.objects.filter(cohort=cohort)
        .select_related("student__volunteer_profile")
        .only(
            "pk",
            "status",
            "ended_at",
            "student__full_name",
            "student__volunteer_profile__id",
            "student__volunteer_profile__user_id",
        )
        .order_by("student__full_name", "pk")
    )
    applications = list(cohort_applications(cohort))
    ids = [application.pk for application in applications]
    reviews = {
        review.application_id: review
        for review in Review.objects.filter(
            application_id__in=ids,
            direction=Review.Direction.ASSOCIATION,
            published_at__isnull=False,
        )
    }
    validations = {
        validation.application_id: validation
        for validation in Validation.objects.filter(cohort=cohort).select_related("teacher")
    }
    rows: dict[int, list[EngagementRow]] = {}
    for application in applications:
        completion = getattr(application, "completion", None)
        rows.setdefault(application.volunteer_id, []).append(
            EngagementRow(
                application=application,
                state=state_of(application, completion),
                completion=completion,
                review=reviews.get(application.pk),
                validation=validations.get(application.pk),
                late=lateness(application, completion, today),
                deliverable_count=application.deliverable_count,  # type: ignore[attr-defined]
            )
        )
    students = [
        StudentRow(membership, rows.get(membership.student_id, []))
        for membership in memberships
        if membership.is_joined or membership.student_id in rows
    ]
    return Dashboard(cohort, students)


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
