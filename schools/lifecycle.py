"""The states of schools' things: a student's place in a cohort, and a call for needs.

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

from core.lifecycle import Lifecycle, Transition

from .models import CallForNeeds, CohortMembership

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
