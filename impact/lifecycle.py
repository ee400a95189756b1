"""The adoption follow-up as a table: one question per completed mission, 30 and 90 days
after its end.

    pending --ask--> asked --answer--> answered (--answer--> answered: a changed mind)
    pending --expire--> expired   (its day passed by more than LATE: asked too late)
    asked --expire--> expired     (no answer within ANSWER_WINDOW)

The system asks and expires (`by=None`, the periodic job); only the association's admins
answer, while the question is open. Context a caller may pass: `now`, and `is_admin`
(what the page already knows of the person).
"""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.lifecycle import Lifecycle, Transition
from organizations.models import Membership

from .models import AdoptionCheck

S = AdoptionCheck.Status

# An asked question waits this long for its answer; then it is closed.
ANSWER_WINDOW = timedelta(days=30)
# A question that could not be asked on its day (the job did not run) is still asked this
# long after; later, it would come too late to mean "30 (or 90) days after".
LATE = timedelta(days=14)


def _now(context: dict) -> datetime:
    return context.get("now") or timezone.now()


def is_admin_of_mission_association(user, check: AdoptionCheck) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user,
        organization_id=check.mission.organization_id,
        role=Membership.Role.ADMIN,
    ).exists()


def _system_on_its_day(check: AdoptionCheck, user, **context) -> str:
    if user is not None:
        return str(_("Cette question est posée d’elle-même, au bon moment."))
    now = _now(context)
    if now < check.due_at:
        return str(_("Ce n’est pas encore le moment de poser cette question."))
    if now > check.due_at + LATE:
        return str(_("Le moment de poser cette question est passé."))
    return ""


def _admin_while_open(check: AdoptionCheck, user, **context) -> str:
    admin = context.get("is_admin")
    if admin is None:
        admin = is_admin_of_mission_association(user, check)
    if not admin:
        return str(_("Seuls les administrateurs de l’association peuvent répondre."))
    if check.asked_at is not None and _now(context) > check.asked_at + ANSWER_WINDOW:
        return str(_("Cette question est close : merci quand même !"))
    return ""


def _system_once_late(check: AdoptionCheck, user, **context) -> str:
    if user is not None:
        return str(_("Cette question se ferme d’elle-même."))
    now = _now(context)
    if check.status == S.PENDING and now <= check.due_at + LATE:
        return str(_("Cette question peut encore être posée."))
    asked_at = check.asked_at
    if check.status == S.ASKED and (asked_at is None or now <= asked_at + ANSWER_WINDOW):
        return str(_("L’association a encore le temps de répondre."))
    return ""


ADOPTION = Lifecycle(
    "adoption",
    [
        Transition("ask", frozenset({S.PENDING}), S.ASKED, guard=_system_on_its_day),
        Transition("answer", frozenset({S.ASKED, S.ANSWERED}), S.ANSWERED, guard=_admin_while_open),
        Transition("expire", frozenset({S.PENDING, S.ASKED}), S.EXPIRED, guard=_system_once_late),
    ],
    wrong_state=_("Cette question est close : merci quand même !"),
)
