"""Reads of cohorts, and the lookups that check who is asking.

Who sees what: the members of a school (its teachers) see and manage all its cohorts;
a student sees only her own place in a cohort; anyone else gets a 404, the same answer as
for a cohort that does not exist.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from accounts.models import User
from organizations.models import Organization

from .models import CODE_ALPHABET, CODE_LENGTH, Cohort, CohortMembership, normalize_code

PER_PAGE = 20
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
