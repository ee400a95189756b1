"""The states of schools' things: a student's place in a cohort, a call for needs, and a
class project.

A student's place in a cohort: joined, then left (by her) or removed (by the school).

    joined → left      (leave: the student)
    joined → removed   (remove: a member of the school)
    left → joined      (join: the student, with the invite code again)
    removed → joined   (readmit: a member of the school; the code alone does not let her back)

Guards take `is_teacher=` (the caller knows whether the person is a member of the cohort's
school: the page that shows the buttons has checked it already).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.errors import ActionRefused
from core.lifecycle import Lifecycle, Refusal, Transition
from engagements.lifecycle import team_refused
from missions.lifecycle import ACCEPTING_APPLICATIONS

from .models import CallForNeeds, ClassProject, ClassProjectMember, CohortMembership

JOINED: str = CohortMembership.Status.JOINED
LEFT: str = CohortMembership.Status.LEFT
REMOVED: str = CohortMembership.Status.REMOVED


def _the_student(membership, user, **context) -> str:
    if user.pk != membership.student_id:
        return gettext("Seul·e l’élève peut faire cela.")
    return ""


def _a_teacher(membership, user, *, is_teacher: bool = False, **context) -> str:
    if not is_teacher:
        return gettext("Seuls les membres de l’école peuvent gérer cette promotion.")
    return ""


COHORT_MEMBERSHIP = Lifecycle(
    "cohort_membership",
    [
        Transition(
            "join",
            frozenset({LEFT}),
            JOINED,
            guard=_the_student,
            wrong_state=_(
                "Votre école vous a retiré·e de cette promotion : demandez à votre "
                "enseignant·e de vous y remettre."
            ),
        ),
        Transition("leave", frozenset({JOINED}), LEFT, guard=_the_student),
        Transition("remove", frozenset({JOINED}), REMOVED, guard=_a_teacher),
        Transition("readmit", frozenset({REMOVED}), JOINED, guard=_a_teacher),
    ],
    wrong_state=_("Cette action n’est plus possible pour cet·te élève."),
)


# --- A call for needs (« appel à missions ») --------------------------------------------------
# open → closed   (close: a member of the school, before its end date if the cohort has
#                  found enough; after its end date a call reads as closed without a write:
#                  `CallForNeeds.is_open_on(today)`, and every list filters on the date)
OPEN: str = CallForNeeds.Status.OPEN
CLOSED: str = CallForNeeds.Status.CLOSED


def _a_member(call, user, *, is_teacher: bool = False, **context) -> str:
    if not is_teacher:
        return gettext("Seuls les membres de l’école peuvent gérer cet appel.")
    return ""


CALL = Lifecycle(
    "call_for_needs",
    [Transition("close", frozenset({OPEN}), CLOSED, guard=_a_member)],
    wrong_state=_("Cet appel est déjà clos."),
)


# --- A class project --------------------------------------------------------------------------
#   (nothing) --propose--> proposed      (a teacher of the cohort: `proposal_refused`)
#   proposed --accept--> accepted         (the association, the team as a whole)
#   proposed --decline--> declined        (the association)
#   proposed --withdraw--> withdrawn      (a teacher of the cohort)
#   accepted --complete--> completed      (the system, when the mission is completed)
#
# Guards take `is_association=` / `is_teacher=` (the caller has looked the person up) and,
# for accept, `students=` (the team, to spare a query).
PROPOSED: str = ClassProject.Status.PROPOSED
ACCEPTED: str = ClassProject.Status.ACCEPTED
DECLINED: str = ClassProject.Status.DECLINED
WITHDRAWN: str = ClassProject.Status.WITHDRAWN
COMPLETED: str = ClassProject.Status.COMPLETED
# A project that holds its students and its mission: another one may not take them.
LIVE_PROJECT = frozenset({PROPOSED, ACCEPTED})

NOT_THE_ASSOCIATION = _("Seule l’association qui propose la mission peut répondre.")
NOT_A_TEACHER = _("Seul·e un·e enseignant·e de la promotion peut faire cela.")


def _association_takes(project, user, *, is_association: bool = False, **context) -> Refusal:
    if not is_association:
        return str(NOT_THE_ASSOCIATION)
    students = context.get("students")
    if students is None:
        students = [member.student for member in project.members.select_related("student")]
    return team_refused(project.mission, students) or ""


def _association_answers(project, user, *, is_association: bool = False, **context) -> Refusal:
    return "" if is_association else str(NOT_THE_ASSOCIATION)


def _teacher_withdraws(project, user, *, is_teacher: bool = False, **context) -> Refusal:
    return "" if is_teacher else str(NOT_A_TEACHER)


def _system_only(project, user, **context) -> Refusal:
    return "" if user is None else gettext("Un projet se termine avec sa mission.")


CLASS_PROJECT = Lifecycle(
    "class_project",
    [
        Transition("accept", frozenset({PROPOSED}), ACCEPTED, guard=_association_takes),
        Transition("decline", frozenset({PROPOSED}), DECLINED, guard=_association_answers),
        Transition("withdraw", frozenset({PROPOSED}), WITHDRAWN, guard=_teacher_withdraws),
        Transition("complete", frozenset({ACCEPTED}), COMPLETED, guard=_system_only),
    ],
    wrong_state=_("Ce projet a déjà reçu une réponse ; rien n’a été changé."),
)


def proposal_refused(
    *, cohort, mission, students: list, lead, is_teacher: bool
) -> ActionRefused | str | None:
    """Why a team of `cohort` may not be proposed for `mission` now (None when it may).

    `students`: the users named; `is_teacher`: the person proposing teaches the cohort."""
    if not is_teacher:
        return str(NOT_A_TEACHER)
    if not students:
        return gettext("Choisissez au moins un·e élève pour l’équipe.")
    if lead is None or lead.pk not in {student.pk for student in students}:
        return gettext("L’élève responsable doit faire partie de l’équipe.")
    active = set(
        CohortMembership.objects.filter(
            cohort=cohort, student__in=students, status=CohortMembership.Status.JOINED
        ).values_list("student_id", flat=True)
    )
    for student in students:
        if student.pk not in active:
            return gettext("%(name)s ne fait pas (ou plus) partie de la promotion.") % {
                "name": student.full_name
            }
    live = ClassProject.objects.filter(mission=mission, status__in=LIVE_PROJECT)
    if live.filter(cohort=cohort).exists():
        return gettext("Cette promotion a déjà un projet proposé ou en cours pour cette mission.")
    busy = (
        ClassProjectMember.objects.filter(project__in=live, student__in=students)
        .select_related("student")
        .first()
    )
    if busy is not None:
        return gettext("%(name)s fait déjà partie d’une équipe proposée pour cette mission.") % {
            "name": busy.student.full_name
        }
    return team_refused(mission, students, accepting=ACCEPTING_APPLICATIONS)
