"""Reads of the teacher's dashboard, and the lookups that check who is asking.

Who sees what: a cohort's dashboard is for its teachers (named on the cohort and members of
its school), nobody else, staff included: the same 404 as for a cohort that does not exist.
A teacher sees, of each student, her engagements that are part of the cohort's work
(`cohort_work`): never her messages, her files or her other cohorts' missions.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    CharField,
    Count,
    FilteredRelation,
    IntegerField,
    Q,
    QuerySet,
)
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from completion.models import Completion, Deliverable, Review
from core.sql import table
from engagements.models import Application
from missions.models import Status as MissionStatus
from missions.reminders import PAST_END_STATES
from schools.models import ClassProject, ClassProjectMember, Cohort, CohortMembership, PinnedMission

from .models import Validation

# What a teacher follows of a student: the applications she sent and the engagements.
FOLLOWED = (Application.Status.PENDING, Application.Status.ACCEPTED)


# --- who may look --------------------------------------------------------------------------
def taught_by(user) -> Q:
    """The cohorts `user` teaches: named on them, and still a member of their school.
    Joins (one row each: one place per teacher, one membership per organisation) rather
    than a subquery, which took longer to build, on every page of a teacher."""
    return Q(teachers=user, school__memberships__user=user)


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
    try:
        return Cohort.objects.select_related("school").get(taught_by(request.user), pk=pk)
    except Cohort.DoesNotExist:
        raise Http404 from None


# --- the cohort's work ---------------------------------------------------------------------
def cohort_work(cohort: Cohort) -> RawSQL:
    """A condition on Application: the engagements that are part of `cohort`'s work.

    An application belongs to it when it was sent while the student was in the cohort
    (between joining and leaving or being removed), or, sent before she left, when it is
    for a mission a teacher chose for the cohort. What she does after leaving is hers, and
    a class project of another of her cohorts belongs to that cohort only.

    Written in SQL: the dashboard asks it on every view, and the ORM took longer to build
    its four subqueries than the database to run them. It names the application table, so
    it filters a queryset of Application itself (not one nested in another query).
    """
    application = table(Application)
    # Her place in the cohort (one per student and cohort), while she is or was in it when
    # she applied.
    place = (
        f"SELECT 1 FROM {table(CohortMembership)} cm"
        f" WHERE cm.cohort_id = %s AND cm.student_id = {application}.volunteer_id"
        f" AND (cm.ended_at IS NULL OR cm.ended_at >= {application}.created_at)"
    )
    students = f"SELECT student_id FROM {table(CohortMembership)} WHERE cohort_id = %s"
    sql = (
        # The students first, so that the database reads their applications by the
        # volunteer's index rather than testing every application of the site.
        f"{application}.volunteer_id IN ({students})"
        # Sent while she was in the cohort, or for a mission chosen for it before she left.
        f" AND (EXISTS ({place} AND cm.joined_at <= {application}.created_at)"
        f" OR ({application}.mission_id IN"
        f" (SELECT mission_id FROM {table(PinnedMission)} WHERE cohort_id = %s)"
        f" AND EXISTS ({place})))"
        # A class project of another of her cohorts (its team accepted) is that cohort's
        # work, whenever it began. NOT IN (no column of it is ever null), read once, rather
        # than NOT EXISTS per row: a third less for the database to plan.
        f" AND ({application}.volunteer_id, {application}.mission_id) NOT IN"
        f" (SELECT m.student_id, p.mission_id FROM {table(ClassProjectMember)} m"
        f" JOIN {table(ClassProject)} p ON p.id = m.project_id"
        f" WHERE m.student_id IN ({students})"
        " AND p.status IN (%s, %s) AND p.cohort_id <> %s)"
    )
    taken_on = [ClassProject.Status.ACCEPTED.value, ClassProject.Status.COMPLETED.value]
    params = [cohort.pk] * 5 + [*taken_on, cohort.pk]
    return RawSQL(sql, params, output_field=BooleanField())


def in_cohort_work(cohort: Cohort, application: Application) -> bool:
    return Application.objects.filter(cohort_work(cohort), pk=application.pk).exists()


# --- the dashboard -------------------------------------------------------------------------
# Forty students and their missions on one page: the rows are read as plain values in four
# queries, however many; `rendering` writes them (a template tag per cell cost more than all
# the SQL of the page).
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


@dataclass(slots=True)
class EngagementRow:
    """One engagement of a student for the cohort, as the dashboard and the CSV show it."""

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


@dataclass(slots=True)
class StudentRow:
    membership_id: int
    student_id: int
    name: str
    is_joined: bool
    ended_at: datetime.datetime | None
    has_profile: bool
    engagements: list[EngagementRow] = field(default_factory=list)
    hours: int = 0


@dataclass
class Dashboard:
    cohort: Cohort
    students: list[StudentRow]
    # (state, its label, how many engagements are in it), in State.ORDER.
    by_state: list[tuple[str, Promise, int]]
    engagement_count: int
    # (the student's name, her engagement) of each engagement late, student by student.
    late: list[tuple[str, EngagementRow]]
    # A digest of every value read to make the board, and of the day: equal digests, equal
    # boards (the view keeps the HTML it wrote under it).
    fingerprint: str = ""

    @property
    def late_count(self) -> int:
        return len(self.late)


def cohort_applications(cohort: Cohort) -> QuerySet:
    """The applications and engagements of the cohort's work, as rows of the values the
    dashboard and the CSV show: the mission, its association, the delivery and how many
    files or links it holds, the association's published review, the cohort's verdict and
    the class project that took the student on.

    One query. What the ORM would add as subqueries is written in SQL: each of its own
    cost about a millisecond to build, more than the database takes to run them all."""
    application = table(Application)

    def column(sql: str, params: list, field=None) -> RawSQL:
        return RawSQL(f"({sql})", params, output_field=field or CharField())

    def verdict(name: str) -> RawSQL:
        """The cohort's verdict (one per engagement and cohort)."""
        return column(
            f"SELECT v.{name} FROM {table(Validation)} v"
            f" WHERE v.application_id = {application}.id AND v.cohort_id = %s",
            [cohort.pk],
        )

    def class_project(name: str) -> RawSQL:
        """The latest of the cohort's class projects that took the student on the mission
        (its team accepted): the cohort's work holds none of another cohort's."""
        return column(
            f"SELECT {name} FROM {table(ClassProjectMember)} m"
            f" JOIN {table(ClassProject)} p ON p.id = m.project_id"
            f" WHERE m.student_id = {application}.volunteer_id"
            f" AND p.mission_id = {application}.mission_id"
            " AND p.cohort_id = %s AND p.status IN (%s, %s)"
            " ORDER BY p.created_at DESC, p.id DESC LIMIT 1",
            [cohort.pk, ClassProject.Status.ACCEPTED.value, ClassProject.Status.COMPLETED.value],
        )

    # Of the delivery joined below (`completion__…`, named after its table), if any.
    delivery = f"{table(Completion)}.id"
    deliverables = column(
        f"CASE WHEN {delivery} IS NULL THEN 0 ELSE (SELECT COUNT(*) FROM {table(Deliverable)} d"
        f" WHERE d.completion_id = {delivery}) END",
        [],
        IntegerField(),
    )
    published_review = FilteredRelation(
        "reviews",
        condition=Q(
            reviews__direction=Review.Direction.ASSOCIATION, reviews__published_at__isnull=False
        ),
    )
    return (
        Application.objects.filter(cohort_work(cohort), status__in=FOLLOWED)
        # One review per side and application (`one_review_per_side`): no row doubles.
        .annotate(
            published_review=published_review,
            deliverable_count=deliverables,
            verdict=verdict("verdict"),
            comment=verdict("comment"),
            class_project=class_project("p.name"),
            class_project_role=class_project("m.role"),
        )
        .order_by("created_at", "pk")
        .values_list(
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
            "published_review__quality",
            "published_review__communication",
            "published_review__deadlines",
            "deliverable_count",
            "verdict",
            "comment",
            "class_project",
            "class_project_role",
        )
    )


def dashboard_of(cohort: Cohort, *, today: datetime.date) -> Dashboard:
    """Each student of the cohort with her engagements of its work: two queries, however
    many students and missions. A student who left stays listed while she has work done
    for the cohort (its teachers may still validate it); otherwise she is gone."""
    memberships = list(
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
    applications = list(cohort_applications(cohort))
    digest = hashlib.blake2b(repr((today, memberships, applications)).encode(), digest_size=16)
    rows: dict[int, list[EngagementRow]] = {}
    for (
        pk,
        status,
        created_at,
        volunteer_id,
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
        verdict,
        comment,
        project,
        role,
    ) in applications:
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
        validation = (
            None
            if verdict is None
            else Validation(application_id=pk, cohort=cohort, verdict=verdict, comment=comment)
        )
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
                validation=validation,
                class_project=project or "",
                class_project_role=role or "",
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
                has_profile=profile_id is not None,
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
        fingerprint=digest.hexdigest(),
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
