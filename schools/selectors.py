"""Reads of cohorts, and the lookups that check who is asking.

Who sees what: the members of a school (its teachers) see and manage all its cohorts,
their chosen missions and calls for needs; a student sees only her own place in a cohort
and the open missions chosen for it; the members of an association see the open calls of
its département; anyone else gets a 404, the same answer as for a cohort that does not
exist.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, QuerySet, When
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from missions.lifecycle import PUBLIC
from missions.models import Mission, Status
from missions.selectors import is_member
from organizations.models import Organization
from taxonomy.models import Skill

from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    CallForNeeds,
    CallResponse,
    ClassProject,
    ClassProjectMember,
    Cohort,
    CohortMembership,
    PinnedMission,
    normalize_code,
)

PER_PAGE = 20
# A mission an association may still propose for a call: its draft, one awaiting
# moderation, or open.
PROPOSABLE = frozenset({Status.DRAFT, Status.SUBMITTED, Status.OPEN})
STUDENTS_PER_PAGE = 50


def schools_of(user) -> list[Organization]:
    """The schools `user` is a member of (a teacher's)."""
    if not user.is_authenticated:
        return []
    return list(
        Organization.objects.filter(kind=Organization.Kind.SCHOOL, memberships__user=user)
        .order_by("name")
        .distinct()
    )


def get_school_for_teacher(request, slug: str) -> Organization:
    """The school `slug` if the requester is one of its members, else 404."""
    school = (
        Organization.objects.filter(
            kind=Organization.Kind.SCHOOL, slug=slug, memberships__user=request.user
        )
        .distinct()
        .first()
    )
    if school is None:
        raise Http404
    return school


def _teacher_names() -> Prefetch:
    return Prefetch("teachers", queryset=User.objects.order_by("full_name"))


def cohorts_of_teacher(user, *, page=1) -> Page:
    """The cohorts of the schools `user` is a member of, with their number of students (a
    constant number of queries, however many cohorts and students)."""
    cohorts = (
        Cohort.objects.filter(school__memberships__user=user)
        .select_related("school")
        .prefetch_related(_teacher_names())
        .annotate(
            student_count=Count(
                "memberships", filter=Q(memberships__status=CohortMembership.Status.JOINED)
            )
        )
        .order_by("-year", "school__name", "name", "pk")
    )
    return Paginator(cohorts, PER_PAGE).get_page(page)


def get_cohort_for_teacher(request, pk: int) -> Cohort:
    """The cohort `pk` (with its school and teachers) if the requester is a member of its
    school, else 404."""
    cohort = (
        Cohort.objects.filter(pk=pk, school__memberships__user=request.user)
        .select_related("school")
        .prefetch_related(_teacher_names())
        .first()
    )
    if cohort is None:
        raise Http404
    return cohort


def students_of(cohort: Cohort, *, page=1) -> Page:
    """The students in the cohort, first arrived first: name and date of arrival only."""
    memberships = (
        CohortMembership.objects.filter(cohort=cohort, status=CohortMembership.Status.JOINED)
        .select_related("student")
        .only("pk", "joined_at", "status", "cohort_id", "student__full_name", "student__id")
        .order_by("joined_at", "pk")
    )
    return Paginator(memberships, STUDENTS_PER_PAGE).get_page(page)


def removed_students_of(cohort: Cohort) -> list[CohortMembership]:
    """The students the school took out (the teacher may put them back)."""
    return list(
        CohortMembership.objects.filter(cohort=cohort, status=CohortMembership.Status.REMOVED)
        .select_related("student")
        .only("pk", "ended_at", "status", "cohort_id", "student__full_name", "student__id")
        .order_by("-ended_at", "pk")[:STUDENTS_PER_PAGE]
    )


def get_membership_for_teacher(request, pk: int, membership_pk: int) -> CohortMembership:
    cohort = get_cohort_for_teacher(request, pk)
    membership = (
        CohortMembership.objects.filter(pk=membership_pk, cohort=cohort)
        .select_related("student")
        .first()
    )
    if membership is None:
        raise Http404
    membership.cohort = cohort
    return membership


def get_own_membership(request, pk: int) -> CohortMembership:
    """The requester's own place in the cohort `pk` (while she is in it), else 404."""
    membership = (
        CohortMembership.objects.filter(
            cohort_id=pk, student_id=request.user.pk, status=CohortMembership.Status.JOINED
        )
        .select_related("cohort__school")
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def is_code_shaped(code: str) -> bool:
    return len(code) == CODE_LENGTH and all(char in CODE_ALPHABET for char in code)


def get_cohort_by_code(code: str) -> Cohort:
    """The cohort whose invite code is `code` (as typed: spaces and small letters do not
    matter), else 404. A school whose registration moderators refused invites nobody; one
    they have not checked yet is found, but takes no student (`Cohort.is_open`)."""
    code = normalize_code(code)
    cohort = (
        Cohort.objects.filter(code=code)
        .exclude(school__verification=Organization.Verification.REJECTED)
        .select_related("school__commune")
        .first()
        if is_code_shaped(code)
        else None
    )
    if cohort is None:
        raise Http404
    return cohort


def membership_of(user, cohort: Cohort) -> CohortMembership | None:
    if not user.is_authenticated:
        return None
    return CohortMembership.objects.filter(cohort=cohort, student_id=user.pk).first()


def cohorts_of_student(user) -> list[CohortMembership]:
    """The cohorts `user` is in now, with their school: what her profile shows."""
    if not user.is_authenticated:
        return []
    return list(
        CohortMembership.objects.filter(student_id=user.pk, status=CohortMembership.Status.JOINED)
        .select_related("cohort__school")
        .order_by("-joined_at", "pk")
    )


def cohorts_seen_on_profile(student: User, viewer) -> list[Cohort]:
    """The cohorts of `student` her profile shows to `viewer`: all of them to herself and to
    staff, to a teacher those of her own school only (a student in several cohorts is seen
    by each school for its own), none to anyone else."""
    if not viewer.is_authenticated:
        return []
    memberships = CohortMembership.objects.filter(
        student_id=student.pk, status=CohortMembership.Status.JOINED
    )
    if viewer.pk != student.pk and not viewer.is_staff:
        memberships = memberships.filter(cohort__school__memberships__user=viewer)
    return [
        membership.cohort
        for membership in memberships.select_related("cohort__school").order_by("-joined_at", "pk")
    ]


def members_of_school(school: Organization) -> QuerySet[User]:
    """Who may be named a teacher of one of its cohorts."""
    return User.objects.filter(memberships__organization=school).order_by("full_name")


# --- Missions chosen for a cohort -------------------------------------------------------------
PINS_SHOWN = 50


def pins_of(cohort: Cohort) -> list[PinnedMission]:
    """The missions chosen for the cohort, newest choice first, whatever their state (the
    teacher sees the closed ones too, to unpin them): one query."""
    pins = list(
        PinnedMission.objects.filter(cohort=cohort)
        .select_related("mission__organization", "pinned_by")
        .order_by("-pinned_at", "-pk")[:PINS_SHOWN]
    )
    for pin in pins:
        pin.is_shown = pin.mission.status == Status.OPEN  # type: ignore[attr-defined]
    return pins


def pinned_for_student(user, *, limit: int = PINS_SHOWN) -> list[Mission]:
    """The open missions her teachers chose for the cohorts she is in, newest choice first:
    one query, however many cohorts and pins. A mission that closes drops out."""
    if not user.is_authenticated:
        return []
    pins = PinnedMission.objects.filter(
        mission=OuterRef("pk"),
        cohort__memberships__student_id=user.pk,
        cohort__memberships__status=CohortMembership.Status.JOINED,
    )
    return list(
        Mission.objects.filter(Exists(pins), status=Status.OPEN)
        .select_related("organization", "commune")
        .order_by("-published_at", "-pk")[:limit]
    )


def pin_choices(user, mission: Mission) -> list[Cohort]:
    """The cohorts `user` may choose `mission` for (those of her schools), each with
    `is_pinned`: what the mission page's small form offers. One query; none when the
    mission is not open or `user` is no teacher."""
    if not user.is_authenticated or mission.status != Status.OPEN:
        return []
    return list(
        Cohort.objects.filter(school__memberships__user=user)
        .annotate(
            is_pinned=Exists(PinnedMission.objects.filter(cohort=OuterRef("pk"), mission=mission))
        )
        .order_by("-year", "name", "pk")
        .distinct()
    )


# --- Calls for needs --------------------------------------------------------------------------
CALLS_SHOWN = 20


def _skills() -> Prefetch:
    return Prefetch("skills", queryset=Skill.objects.order_by("domain__order", "order"))


def calls_of(cohort: Cohort) -> list[CallForNeeds]:
    """The cohort's calls, the latest first, each with its number of proposals (one query);
    `is_open` says whether associations still see it."""
    today = timezone.localdate()
    calls: list[CallForNeeds] = list(
        CallForNeeds.objects.filter(cohort=cohort)
        .annotate(response_count=Count("responses"))
        .order_by("-created_at", "-pk")[:CALLS_SHOWN]
    )
    for call in calls:
        call.is_open = call.is_open_on(today)  # type: ignore[attr-defined]
    return calls


def get_call_for_teacher(request, pk: int) -> CallForNeeds:
    """The call `pk` (with its cohort, school and skills) if the requester is a member of
    the school, else 404."""
    call = (
        CallForNeeds.objects.filter(pk=pk, cohort__school__memberships__user=request.user)
        .select_related("cohort__school", "departement")
        .prefetch_related(_skills())
        .first()
    )
    if call is None:
        raise Http404
    call.is_open = call.is_open_on(timezone.localdate())  # type: ignore[attr-defined]
    return call


def responses_of(call: CallForNeeds) -> list[CallResponse]:
    """The missions proposed for the call, each with `is_pinned` (chosen for the call's
    cohort already): one query."""
    responses: list[CallResponse] = list(
        CallResponse.objects.filter(call=call)
        .select_related("mission__organization")
        .annotate(
            is_pinned=Exists(
                PinnedMission.objects.filter(cohort_id=call.cohort_id, mission=OuterRef("mission"))
            )
        )
        .order_by("-proposed_at", "-pk")
    )
    for response in responses:
        # What the page may offer: a link to a public mission, a button for an open one.
        response.is_public = response.mission.status in PUBLIC  # type: ignore[attr-defined]
        response.can_pin = (  # type: ignore[attr-defined]
            response.mission.status == Status.OPEN and not response.is_pinned  # type: ignore[attr-defined]
        )
    return responses


def _open_calls() -> QuerySet[CallForNeeds]:
    return CallForNeeds.objects.filter(
        status=CallForNeeds.Status.OPEN, ends_on__gte=timezone.localdate()
    )


def open_calls_for(organizations: list[Organization], *, limit: int = 5) -> list[CallForNeeds]:
    """The open calls of the départements of `organizations` (an association's dashboard),
    ending soonest first: two queries (the calls, their skills)."""
    departements = {o.departement_code for o in organizations if o.departement_code}
    if not departements:
        return []
    return list(
        _open_calls()
        .filter(departement_id__in=departements)
        .select_related("cohort__school", "departement")
        .prefetch_related(_skills())
        .order_by("ends_on", "pk")[:limit]
    )


def associations_of(user) -> list[Organization]:
    return list(
        Organization.objects.filter(
            kind=Organization.Kind.ASSOCIATION, memberships__user=user
        ).distinct()
    )


def get_call_for_association(request, pk: int) -> CallForNeeds:
    """The open call `pk`, if the requester is a member of an association of its
    département, else 404 (associations elsewhere do not see it)."""
    call = (
        _open_calls()
        .filter(pk=pk)
        .filter(
            departement_id__in=Organization.objects.filter(
                kind=Organization.Kind.ASSOCIATION, memberships__user=request.user
            ).values("departement_code")
        )
        .select_related("cohort__school", "departement")
        .prefetch_related(_skills())
        .first()
        if request.user.is_authenticated
        else None
    )
    if call is None:
        raise Http404
    return call


def missions_to_propose(user, call: CallForNeeds) -> QuerySet[Mission]:
    """The missions `user` may propose for the call: her associations' in the call's
    département, draft, awaiting moderation or open, not proposed yet."""
    return (
        Mission.objects.filter(
            organization__memberships__user=user,
            organization__departement_code=call.departement_id,
            status__in=PROPOSABLE,
        )
        .exclude(pk__in=CallResponse.objects.filter(call=call).values("mission_id"))
        .select_related("organization")
        .order_by("-updated_at", "-pk")
        .distinct()
    )


def proposed_by(user, call: CallForNeeds) -> list[CallResponse]:
    """What the requester's associations proposed for the call already."""
    return list(
        CallResponse.objects.filter(call=call, mission__organization__memberships__user=user)
        .select_related("mission")
        .order_by("-proposed_at")
        .distinct()
    )


# --- Class projects -----------------------------------------------------------------------------
def is_teacher_of(user, cohort: Cohort) -> bool:
    """Whether `user` teaches `cohort`: named among its teachers, and still a member of its
    school (one query)."""
    if not user.is_authenticated:
        return False
    return Cohort.objects.filter(
        pk=cohort.pk, teachers=user, school__memberships__user=user
    ).exists()


def project_choices(user, mission: Mission) -> list[Cohort]:
    """The cohorts `user` teaches, for which she may propose a team for `mission` (the
    mission page's link): one query, none when the mission takes no one."""
    if not user.is_authenticated or mission.status != Status.OPEN:
        return []
    return list(
        Cohort.objects.filter(teachers=user, school__memberships__user=user)
        .order_by("-year", "name", "pk")
        .distinct()
    )


def get_cohort_for_its_teacher(request, pk: int) -> Cohort:
    """The cohort `pk` if the requester teaches it (and is a member of its school), else
    404: proposing a class for a mission is the cohort's teachers' business."""
    cohort = get_cohort_for_teacher(request, pk)
    if not any(teacher.pk == request.user.pk for teacher in cohort.teachers.all()):
        raise Http404
    return cohort


def active_students_of(cohort: Cohort) -> list[User]:
    """The students in the cohort now, by name (the team form's choices)."""
    return list(
        User.objects.filter(
            cohort_memberships__cohort=cohort,
            cohort_memberships__status=CohortMembership.Status.JOINED,
        ).order_by("full_name", "pk")
    )


@dataclass(frozen=True)
class ProjectViewer:
    """Who looks at a class project, decided once per request."""

    is_teacher: bool
    is_student: bool
    is_lead: bool
    is_association: bool


def get_project_for_viewer(request, pk: int) -> tuple[ClassProject, ProjectViewer]:
    """The class project `pk` for the cohort's teachers, the team's students and the
    members of the mission's association; 404 for anyone else."""
    user = request.user
    project = (
        ClassProject.objects.filter(pk=pk)
        .select_related(
            "cohort__school",
            "mission__organization",
            "teacher",
            "lead",
            "agreement__association_confirmed_by",
            "agreement__cosigner",
            "answered_by",
        )
        .prefetch_related(
            Prefetch("members", queryset=ClassProjectMember.objects.select_related("student"))
        )
        .first()
    )
    if project is None or not user.is_authenticated:
        raise Http404
    viewer = ProjectViewer(
        is_teacher=is_teacher_of(user, project.cohort),
        is_student=any(member.student_id == user.pk for member in project.members.all()),
        is_lead=project.lead_id == user.pk,
        is_association=is_member(user, project.mission),
    )
    if not (viewer.is_teacher or viewer.is_student or viewer.is_association):
        raise Http404
    return project, viewer


def projects_of_cohort(cohort: Cohort) -> list[ClassProject]:
    """The cohort's class projects, the latest first, with their mission and team size."""
    return list(
        ClassProject.objects.filter(cohort=cohort)
        .select_related("mission")
        .annotate(member_count=Count("members"))
        .order_by("-created_at", "-pk")[:PER_PAGE]
    )


def projects_for_mission(mission: Mission) -> list[ClassProject]:
    """The class projects proposed for `mission` (its association's applications page):
    those waiting first; each with its team (a constant number of queries)."""
    return list(
        ClassProject.objects.filter(mission=mission)
        .exclude(status=ClassProject.Status.WITHDRAWN)
        .select_related("cohort__school", "teacher")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=ClassProjectMember.objects.select_related("student").order_by("pk"),
            )
        )
        .order_by(Case(When(status=ClassProject.Status.PROPOSED, then=0), default=1), "-created_at")
    )


def project_of_student(application) -> ClassProjectMember | None:
    """The student's place in the class project through which she holds `application`
    (credentials name it on her attestation)."""
    return (
        ClassProjectMember.objects.filter(
            student_id=application.volunteer_id,
            project__mission_id=application.mission_id,
            project__status__in=[ClassProject.Status.ACCEPTED, ClassProject.Status.COMPLETED],
        )
        .select_related("project__cohort__school")
        .first()
    )


def teammates_of(user, mission: Mission) -> dict[int, str]:
    """The other students of `user`'s accepted (or completed) class project on `mission`,
    each with her role: {student id: role}; empty when she is in none (one query)."""
    if not user.is_authenticated:
        return {}
    rows = ClassProjectMember.objects.filter(
        project__mission=mission,
        project__status__in=[ClassProject.Status.ACCEPTED, ClassProject.Status.COMPLETED],
        project__members__student=user,
    ).values_list("student_id", "role")
    return {student_id: role for student_id, role in rows if student_id != user.pk}
