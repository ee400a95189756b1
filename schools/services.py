"""Every write to cohorts and to the students' places in them goes through here."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import audit
from accounts.models import User
from core.errors import ActionRefused
from engagements.services import TeamFull, agreement_confirm, team_join  # noqa: F401
from geo.models import Departement
from missions.models import Mission, Status
from missions.selectors import is_member
from notifications.services import notify
from organizations.models import Membership, Organization
from organizations.selectors import mission_members
from volunteers.services import profile_set_school

from .lifecycle import CALL, CLASS_PROJECT, COHORT_MEMBERSHIP, proposal_refused
from .models import (
    CallForNeeds,
    CallResponse,
    ClassProject,
    ClassProjectMember,
    Cohort,
    CohortMembership,
    PinnedMission,
    new_code,
)
from .selectors import PROPOSABLE, is_teacher_of

COHORT_FIELDS = ("name", "programme", "level", "year")


class NotATeacher(ActionRefused):
    """A teacher named for a cohort must be a member of its school."""


class SchoolNotVerified(ActionRefused):
    message = _(
        "Cette promotion ne peut pas encore être rejointe : son école attend d’être vérifiée "
        "par l’équipe A-lasso. Réessayez dans quelques jours."
    )


class NotPinnable(ActionRefused):
    """Only a mission open to applications can be chosen for a cohort."""

    message = _("Seule une mission ouverte aux candidatures peut être choisie.")


class NotProposable(ActionRefused):
    """A mission proposed for a call: one of the proposer's association, in the call's
    département, not finished; and the call still open."""

    message = _("Cette mission ne peut pas être proposée pour cet appel.")


def _unique_code() -> str:
    while True:
        code = new_code()
        if not Cohort.objects.filter(code=code).exists():
            return code


def _check_teachers(school: Organization, teachers) -> None:
    members = set(Membership.objects.filter(organization=school).values_list("user_id", flat=True))
    if any(teacher.pk not in members for teacher in teachers):
        raise NotATeacher


@transaction.atomic
def cohort_create(*, school: Organization, by: User, teachers, **fields) -> Cohort:
    """A new cohort of `school` with its invite code; `by` (a member) made it."""
    teachers = list(teachers) or [by]
    _check_teachers(school, teachers)
    cohort = Cohort(school=school, created_by=by, code=_unique_code(), **fields)
    cohort.full_clean()
    cohort.save()
    cohort.teachers.set(teachers)
    audit.log(actor=by, verb="cohort.created", target=cohort)
    return cohort


@transaction.atomic
def cohort_update(*, cohort: Cohort, by: User, teachers=None, **fields) -> Cohort:
    """Save a teacher's changes; the journal names the fields changed and the teachers
    added or taken off (who may see the students is part of what changed)."""
    given = [name for name in COHORT_FIELDS if name in fields]
    changed = [name for name in given if getattr(cohort, name) != fields[name]]
    for name in given:
        setattr(cohort, name, fields[name])
    cohort.full_clean()
    cohort.save(update_fields=[*given, "updated_at"])
    added: list[int] = []
    removed: list[int] = []
    if teachers is not None:
        teachers = list(teachers) or [by]
        _check_teachers(cohort.school, teachers)
        before = set(cohort.teachers.values_list("pk", flat=True))
        after = {teacher.pk for teacher in teachers}
        added, removed = sorted(after - before), sorted(before - after)
        cohort.teachers.set(teachers)
    if changed or added or removed:
        data = {"fields": changed, "teachers_added": added, "teachers_removed": removed}
        data = {key: value for key, value in data.items() if value}
        audit.log(actor=by, verb="cohort.updated", target=cohort, data=data)
    return cohort


@transaction.atomic
def cohort_new_code(*, cohort: Cohort, by: User) -> Cohort:
    """A fresh invite code (the old one, shared too widely, stops working). Students already
    in the cohort stay in it."""
    cohort.code = _unique_code()
    cohort.save(update_fields=["code", "updated_at"])
    audit.log(actor=by, verb="cohort.code_changed", target=cohort)
    return cohort


def _sync_school(student: User) -> None:
    """Her profile names the school of the cohort she joined last, or none once she is in
    no cohort (the matching engine reads it)."""
    latest = (
        CohortMembership.objects.filter(student=student, status=CohortMembership.Status.JOINED)
        .select_related("cohort__school")
        .order_by("-joined_at", "-pk")
        .first()
    )
    profile_set_school(user=student, school=latest.cohort.school if latest else None)


@transaction.atomic
def cohort_join(*, cohort: Cohort, student: User) -> CohortMembership:
    """`student` joins `cohort` (she had its code or link). Joining again a cohort she left
    is allowed; one the school removed her from is not. A school moderators have not
    verified yet takes no student."""
    if not cohort.is_open:
        raise SchoolNotVerified
    membership = (
        CohortMembership.objects.select_for_update().filter(cohort=cohort, student=student).first()
    )
    now = timezone.now()
    if membership is None:
        try:
            with transaction.atomic():
                membership = CohortMembership.objects.create(
                    cohort=cohort, student=student, joined_at=now
                )
        except IntegrityError:  # she pressed twice: the other request made the row
            return CohortMembership.objects.get(cohort=cohort, student=student)
    elif membership.is_joined:
        return membership
    else:
        COHORT_MEMBERSHIP.check(membership, "join", student)
        membership.status = CohortMembership.Status.JOINED
        membership.joined_at, membership.ended_at, membership.ended_by = now, None, None
        membership.save(update_fields=["status", "joined_at", "ended_at", "ended_by"])
    audit.log(actor=student, verb="cohort.joined", target=cohort, data={"user": student.pk})
    _sync_school(student)
    return membership


def _end(membership: CohortMembership, action: str, by: User, verb: str, **context) -> None:
    locked = CohortMembership.objects.select_for_update().get(pk=membership.pk)
    transition = COHORT_MEMBERSHIP.check(locked, action, by, **context)
    locked.status = transition.target
    locked.ended_at = timezone.now()
    locked.ended_by = by
    locked.save(update_fields=["status", "ended_at", "ended_by"])
    membership.status, membership.ended_at = locked.status, locked.ended_at
    audit.log(actor=by, verb=verb, target=locked.cohort, data={"user": locked.student_id})
    _sync_school(locked.student)


@transaction.atomic
def cohort_leave(*, membership: CohortMembership, by: User) -> None:
    """The student leaves the cohort; her missions and history stay hers."""
    _end(membership, "leave", by, "cohort.left")


@transaction.atomic
def cohort_remove(*, membership: CohortMembership, by: User) -> None:
    """A member of the school takes a student out of the cohort (the wrong class, someone
    who got the code by mistake)."""
    _end(membership, "remove", by, "cohort.removed", is_teacher=_is_member(by, membership))


@transaction.atomic
def cohort_readmit(*, membership: CohortMembership, by: User) -> None:
    """Undo a removal: the student is back in the cohort."""
    locked = CohortMembership.objects.select_for_update().get(pk=membership.pk)
    COHORT_MEMBERSHIP.check(locked, "readmit", by, is_teacher=_is_member(by, locked))
    locked.status = CohortMembership.Status.JOINED
    locked.joined_at, locked.ended_at, locked.ended_by = timezone.now(), None, None
    locked.save(update_fields=["status", "joined_at", "ended_at", "ended_by"])
    membership.status = locked.status
    audit.log(
        actor=by, verb="cohort.readmitted", target=locked.cohort, data={"user": locked.student_id}
    )
    _sync_school(locked.student)


def _is_member(user: User, membership: CohortMembership) -> bool:
    return Membership.objects.filter(
        user=user, organization_id=membership.cohort.school_id
    ).exists()


def _is_school_member(user: User, school_id: int) -> bool:
    return Membership.objects.filter(user=user, organization_id=school_id).exists()


# --- Missions chosen for a cohort -------------------------------------------------------------
@transaction.atomic
def mission_pin(*, cohort: Cohort, mission: Mission, by: User) -> PinnedMission:
    """A member of the school chooses an open mission for the cohort: its students see it
    first. Pinning it twice changes nothing."""
    if not _is_school_member(by, cohort.school_id):
        raise NotATeacher
    if mission.status != Status.OPEN:
        raise NotPinnable
    pin, created = PinnedMission.objects.get_or_create(
        cohort=cohort, mission=mission, defaults={"pinned_by": by, "pinned_at": timezone.now()}
    )
    if created:
        audit.log(
            actor=by, verb="cohort.mission_pinned", target=cohort, data={"mission": mission.pk}
        )
    return pin


@transaction.atomic
def mission_unpin(*, cohort: Cohort, mission_id: int, by: User) -> None:
    if not _is_school_member(by, cohort.school_id):
        raise NotATeacher
    deleted, _rows = PinnedMission.objects.filter(cohort=cohort, mission_id=mission_id).delete()
    if deleted:
        audit.log(
            actor=by, verb="cohort.mission_unpinned", target=cohort, data={"mission": mission_id}
        )


# --- Calls for needs --------------------------------------------------------------------------
@transaction.atomic
def call_publish(
    *,
    cohort: Cohort,
    by: User,
    theme: str,
    starts_on,
    ends_on,
    departement: Departement,
    description: str = "",
    skills=(),
) -> CallForNeeds:
    """A member of the school asks the associations of `departement` for missions fitting
    the cohort's programme, between `starts_on` and `ends_on`."""
    if not _is_school_member(by, cohort.school_id):
        raise NotATeacher
    call = CallForNeeds(
        cohort=cohort,
        created_by=by,
        theme=theme,
        description=description,
        starts_on=starts_on,
        ends_on=ends_on,
        departement=departement,
    )
    call.full_clean()
    call.save()
    call.skills.set(skills)
    audit.log(actor=by, verb="call.published", target=call)
    return call


@transaction.atomic
def call_close(*, call: CallForNeeds, by: User) -> None:
    locked = CallForNeeds.objects.select_for_update().get(pk=call.pk)
    is_teacher = _is_school_member(by, call.cohort.school_id)
    transition = CALL.check(locked, "close", by, is_teacher=is_teacher)
    locked.status, locked.closed_at = transition.target, timezone.now()
    locked.save(update_fields=["status", "closed_at"])
    call.status, call.closed_at = locked.status, locked.closed_at
    audit.log(actor=by, verb="call.closed", target=call)


@transaction.atomic
def call_propose(*, call: CallForNeeds, mission: Mission, by: User) -> CallResponse:
    """A member of an association of the call's département proposes one of its missions
    (a draft too: the teacher sees it once it is open, and may pin it then)."""
    if not call.is_open_on(timezone.localdate()):
        raise NotProposable(_("Cet appel est clos : il n’attend plus de proposition."))
    if (
        mission.status not in PROPOSABLE
        or mission.organization.departement_code != call.departement_id
        or not Membership.objects.filter(user=by, organization_id=mission.organization_id).exists()
    ):
        raise NotProposable
    response, created = CallResponse.objects.get_or_create(
        call=call, mission=mission, defaults={"proposed_by": by, "proposed_at": timezone.now()}
    )
    if created:
        audit.log(actor=by, verb="call.mission_proposed", target=call, data={"mission": mission.pk})
        notify(
            users=call.cohort.teachers.all(),
            kind="call_mission_proposed",
            context={
                "call": call.theme,
                "mission": mission.title,
                "association": mission.organization.name,
            },
            url=call.get_absolute_url(),
        )
    return response


# --- Class projects -----------------------------------------------------------------------------
def _project_context(project: ClassProject, mission: Mission, **extra) -> dict:
    return {
        "project": project.name,
        "mission": mission.title,
        "organization": mission.organization.name,
        "school": project.cohort.school.name,
        "cohort": project.cohort.name,
        **extra,
    }


def _refuse(refusal) -> None:
    if isinstance(refusal, ActionRefused):
        raise refusal
    if refusal:
        raise ActionRefused(refusal)


@transaction.atomic
def class_project_propose(
    *,
    cohort: Cohort,
    mission: Mission,
    by: User,
    name: str,
    roles: dict[User, str],
    lead: User,
    message: str = "",
) -> ClassProject:
    """A teacher of `cohort` proposes a team of its students for `mission`: `roles` gives
    each student her role. The association's members are told and answer for the team."""
    mission = Mission.objects.select_for_update().select_related("organization").get(pk=mission.pk)
    students = list(roles)
    _refuse(
        proposal_refused(
            cohort=cohort,
            mission=mission,
            students=students,
            lead=lead,
            is_teacher=is_teacher_of(by, cohort),
        )
    )
    project = ClassProject.objects.create(
        cohort=cohort,
        mission=mission,
        name=name.strip(),
        message=message.strip(),
        teacher=by,
        lead=lead,
    )
    ClassProjectMember.objects.bulk_create(
        ClassProjectMember(project=project, student=student, role=role.strip())
        for student, role in roles.items()
    )
    audit.log(
        actor=by,
        verb="class_project.proposed",
        target=project,
        data={"mission": mission.pk, "count": len(students)},
    )
    notify(
        users=mission_members(mission),
        kind="class_project_proposed",
        context=_project_context(project, mission, count=len(students)),
        url=project.get_absolute_url(),
    )
    return project


def _lock_project(project: ClassProject) -> tuple[ClassProject, Mission]:
    # The mission first, then the project: the order engagements locks in too.
    mission = (
        Mission.objects.select_for_update()
        .select_related("organization")
        .get(pk=project.mission_id)
    )
    locked = (
        ClassProject.objects.select_for_update(of=("self",))
        .select_related("cohort__school")
        .get(pk=project.pk)
    )
    locked.mission = mission
    return locked, mission


def _team(project: ClassProject) -> list[ClassProjectMember]:
    return list(project.members.select_related("student").order_by("pk"))


def _tell_team(project: ClassProject, mission: Mission, kind: str, **extra) -> None:
    people = [member.student for member in _team(project)]
    notify(
        users=[*people, *([project.teacher] if project.teacher else [])],
        kind=kind,
        context=_project_context(project, mission, **extra),
        url=project.get_absolute_url(),
    )


@transaction.atomic
def class_project_accept(*, project: ClassProject, by: User) -> ClassProject:
    """A member of the association takes the team, as a whole: every student gets her
    engagement, and the team one agreement that the lead and the teacher confirm.

    Raises TeamFull when places ran out, even when two answers cross."""
    locked, mission = _lock_project(project)
    members = _team(locked)
    students = [member.student for member in members]
    transition = CLASS_PROJECT.check(
        locked, "accept", by, is_association=is_member(by, mission), students=students
    )
    lead = next((s for s in students if s.pk == locked.lead_id), students[0])
    agreement, _applications = team_join(
        mission=mission, volunteers=students, lead=lead, cosigner=locked.teacher, by=by
    )
    now = timezone.now()
    locked.status = transition.target
    locked.agreement = agreement
    locked.answered_by, locked.answered_at = by, now
    locked.save(update_fields=["status", "agreement", "answered_by", "answered_at"])
    _copy_project(locked, project)
    audit.log(actor=by, verb="class_project.accepted", target=locked, data={"mission": mission.pk})
    _tell_team(locked, mission, "class_project_accepted")
    return locked


def _copy_project(source: ClassProject, target: ClassProject) -> None:
    for name in ("status", "agreement_id", "answer", "answered_by_id", "answered_at"):
        setattr(target, name, getattr(source, name))


@transaction.atomic
def class_project_decline(*, project: ClassProject, by: User, reason: str = "") -> ClassProject:
    """A member of the association says no to the team, kindly; students and teacher read
    the reason."""
    locked, mission = _lock_project(project)
    transition = CLASS_PROJECT.check(locked, "decline", by, is_association=is_member(by, mission))
    locked.status = transition.target
    locked.answer = reason.strip()
    locked.answered_by, locked.answered_at = by, timezone.now()
    locked.save(update_fields=["status", "answer", "answered_by", "answered_at"])
    _copy_project(locked, project)
    audit.log(actor=by, verb="class_project.declined", target=locked, data={"mission": mission.pk})
    _tell_team(locked, mission, "class_project_declined", reason=locked.answer)
    return locked


@transaction.atomic
def class_project_withdraw(*, project: ClassProject, by: User) -> ClassProject:
    """The teacher takes the proposal back before the association answers."""
    locked, mission = _lock_project(project)
    transition = CLASS_PROJECT.check(
        locked, "withdraw", by, is_teacher=is_teacher_of(by, locked.cohort)
    )
    locked.status = transition.target
    locked.save(update_fields=["status"])
    _copy_project(locked, project)
    audit.log(actor=by, verb="class_project.withdrawn", target=locked, data={"mission": mission.pk})
    return locked


@transaction.atomic
def class_project_sign(*, project: ClassProject, by: User) -> None:
    """The lead student, the teacher or a member of the association confirms the team's
    agreement (engagements checks who may, and whether it is still to confirm)."""
    if project.agreement is None:
        raise ActionRefused(_("L’association n’a pas encore accepté l’équipe."))
    agreement_confirm(agreement=project.agreement, by=by)


@transaction.atomic
def class_projects_follow_mission(*, mission_id: int) -> int:
    """Accepted projects of a mission that is completed are completed too (the system)."""
    if not Mission.objects.filter(pk=mission_id, status=Status.COMPLETED).exists():
        return 0
    done = 0
    for project in ClassProject.objects.select_for_update().filter(
        mission_id=mission_id, status=ClassProject.Status.ACCEPTED
    ):
        transition = CLASS_PROJECT.check(project, "complete", None)
        project.status, project.completed_at = transition.target, timezone.now()
        project.save(update_fields=["status", "completed_at"])
        audit.log(
            actor=None, verb="class_project.completed", target=project, data={"mission": mission_id}
        )
        done += 1
    return done
