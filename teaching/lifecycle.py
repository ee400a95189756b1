"""The states of a teacher's verdict on a student's mission (a `Validation`).

    not_given → validated     (validate: a teacher of the cohort)
    not_given → to_improve    (ask_improvement: a teacher of the cohort)
    to_improve → validated    (validate: the student improved her work)
    to_improve → to_improve   (ask_improvement again: a new comment)
    validated → to_improve    (ask_improvement: the teacher changes her mind; the
                               attestation no longer prints the validation)

Guards take what the caller checked on the rows it loaded: `is_teacher=` (a teacher of the
cohort and a member of its school), `in_scope=` (the engagement is part of the cohort's
work: `selectors.cohort_work`) and `completed=` (the association confirmed its end).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.lifecycle import Lifecycle, Transition

from .models import Validation

NOT_GIVEN: str = Validation.NOT_GIVEN
VALIDATED: str = Validation.Verdict.VALIDATED
TO_IMPROVE: str = Validation.Verdict.TO_IMPROVE


def not_given(application, cohort) -> Validation:
    """The verdict on an engagement before the teacher gave one (never saved)."""
    return Validation(application=application, cohort=cohort)


def _a_teacher_of_the_work(
    validation: Validation,
    user,
    *,
    is_teacher: bool = False,
    in_scope: bool = False,
    completed: bool = False,
    **context,
) -> str:
    if not is_teacher:
        return gettext("Seul·es les enseignant·es de la promotion peuvent donner cet avis.")
    if user is not None and user.pk == validation.application.volunteer_id:
        return gettext("Vous ne pouvez pas valider votre propre mission.")
    if not in_scope:
        return gettext("Cette mission ne fait pas partie du travail de la promotion.")
    if not completed:
        return gettext(
            "La mission n’est pas encore terminée : l’association doit d’abord confirmer "
            "la fin du travail."
        )
    return ""


VALIDATION = Lifecycle(
    "validation",
    [
        Transition(
            "validate",
            frozenset({NOT_GIVEN, TO_IMPROVE}),
            VALIDATED,
            guard=_a_teacher_of_the_work,
            wrong_state=_("Cette mission est déjà validée."),
        ),
        Transition(
            "ask_improvement",
            frozenset({NOT_GIVEN, TO_IMPROVE, VALIDATED}),
            TO_IMPROVE,
            guard=_a_teacher_of_the_work,
        ),
    ],
    state_field="state",
)
