"""The lifecycles of quick help: a question, and the public answer made from it.

    QUESTION:  open → answered → solved
               open | answered → closed
               open | answered | closed → mission (turned into a mission)
               answered → open (the system: the only call was cancelled, nothing written)

    PUBLIC_ANSWER:  (consent) draft → submitted → published → withdrawn
                    submitted → draft (sent back by the moderator)

Who acts: a member of the asking association (`MEMBER`), a volunteer who may help
(`HELPER`: one of the domain's skills, or asked), the helper credited on a public answer,
a moderator (staff, or a territorial moderator of the association), the system (`None`).
Guards say why in words; services `check` on the locked row.
"""

from django.utils.translation import gettext_lazy as _

from core.lifecycle import Lifecycle, Transition
from organizations.delegation import acts_for, may_moderate
from organizations.models import Membership

from .models import PublicAnswer, Question

Q = Question.Status
P = PublicAnswer.Status


def is_member(user, question: Question) -> bool:
    """A member of the asking association, or a mediator acting for it (kept on the row)."""
    if user is None or not user.is_authenticated:
        return False
    known = question.__dict__.setdefault("_members", {})
    if user.pk not in known:
        known[user.pk] = Membership.objects.filter(
            user=user, organization_id=question.organization_id
        ).exists() or acts_for(user, question.organization_id)
    return known[user.pk]


def is_moderator(user, organization_id: int) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or may_moderate(user, organization_id)


def _member(question: Question, user, **context) -> str:
    if is_member(user, question):
        return ""
    return str(_("Seuls les membres de l’association qui a posé la question peuvent le faire."))


def _helper(question: Question, user, **context) -> str:
    from . import selectors  # the guard reads who may help; selectors read this table

    if user is None or not user.is_authenticated:
        return str(_("Connectez-vous pour répondre."))
    if is_member(user, question):
        return str(_("Votre association a posé cette question : un ou une bénévole y répond."))
    if not selectors.may_help(user, question):
        return str(
            _(
                "Ce sujet ne fait pas partie des compétences de votre profil de bénévole : "
                "ajoutez-les à votre profil pour répondre."
            )
        )
    return ""


def _call_wanted(question: Question, user, **context) -> str:
    refusal = _helper(question, user)
    if refusal:
        return refusal
    if not question.wants_call:
        return str(_("L’association préfère une réponse écrite."))
    if context.get("booked", question.calls.filter(status="booked").exists()):
        return str(_("Quelqu’un a déjà pris cet appel."))
    return ""


def _system(question: Question, user, **context) -> str:
    return "" if user is None else str(_("Cette étape se fait d’elle-même."))


QUESTION = Lifecycle(
    "question",
    [
        Transition(
            "answer", frozenset({Q.OPEN.value, Q.ANSWERED.value}), Q.ANSWERED, guard=_helper
        ),
        Transition(
            "take_call", frozenset({Q.OPEN.value, Q.ANSWERED.value}), Q.ANSWERED, guard=_call_wanted
        ),
        Transition(
            "solve",
            frozenset({Q.ANSWERED.value}),
            Q.SOLVED,
            guard=_member,
            wrong_state=_("La question sera résolue quand quelqu’un y aura répondu."),
        ),
        Transition("close", frozenset({Q.OPEN.value, Q.ANSWERED.value}), Q.CLOSED, guard=_member),
        Transition(
            "to_mission",
            frozenset({Q.OPEN.value, Q.ANSWERED.value, Q.CLOSED.value}),
            Q.MISSION,
            guard=_member,
        ),
        Transition("reopen", frozenset({Q.ANSWERED.value}), Q.OPEN, guard=_system),
    ],
    wrong_state=_("Cette question n’attend plus cette action."),
)


# --- The public answer ------------------------------------------------------------------------
def _editor(public: PublicAnswer, user, **context) -> str:
    """The helper credited on it, or a moderator of the association."""
    if user is None or not user.is_authenticated:
        return str(_("Connectez-vous pour relire cette réponse."))
    if public.helper_id == user.pk:
        return ""
    organization_id = context.get("organization_id") or public.question.organization_id
    if is_moderator(user, organization_id):
        return ""
    return str(_("Seuls la personne qui a aidé et l’équipe de modération relisent la réponse."))


def _moderator(public: PublicAnswer, user, **context) -> str:
    organization_id = context.get("organization_id") or public.question.organization_id
    if is_moderator(user, organization_id):
        return ""
    return str(_("Seule l’équipe de modération peut le faire."))


def _moderator_or_member(public: PublicAnswer, user, **context) -> str:
    if _moderator(public, user, **context) == "" or is_member(user, public.question):
        return ""
    return str(_("Seules l’association et l’équipe de modération peuvent retirer la réponse."))


PUBLIC_ANSWER = Lifecycle(
    "public_answer",
    [
        Transition("edit", frozenset({P.DRAFT.value}), P.DRAFT, guard=_editor),
        Transition("submit", frozenset({P.DRAFT.value}), P.SUBMITTED, guard=_editor),
        Transition("publish", frozenset({P.SUBMITTED.value}), P.PUBLISHED, guard=_moderator),
        Transition("send_back", frozenset({P.SUBMITTED.value}), P.DRAFT, guard=_moderator),
        Transition(
            "withdraw",
            frozenset({P.DRAFT.value, P.SUBMITTED.value, P.PUBLISHED.value}),
            P.WITHDRAWN,
            guard=_moderator_or_member,
        ),
    ],
    wrong_state=_("Cette réponse n’attend plus cette action."),
)


def publication_refusal(question: Question, user) -> str:
    """Why `user` may not consent to publishing `question` now; "" if she may."""
    if not is_member(user, question):
        return str(_("Seuls les membres de l’association qui a posé la question peuvent le faire."))
    if not question.is_solved:
        return str(_("Une question peut être publiée une fois résolue."))
    if PublicAnswer.objects.filter(question=question).exists():
        return str(_("Votre accord est déjà enregistré."))
    return ""
