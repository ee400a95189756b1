"""The states of an event and of a challenge brought to it.

An event:

    draft → published     (publish: the organiser; dates in order, rules written)
    published → running   (start: the organiser, once registration has closed)
    running → judging     (judge: the organiser, once the submission deadline has passed)
    judging → results     (announce: the organiser, every assignment of the jury scored or
                           skipped: `challenges.jury.results_publish`)
    results → closed      (close: the organiser)

A challenge:

    submitted → accepted  (accept: the organiser)
    submitted → declined  (decline: the organiser, with a reason)
    submitted, accepted → withdrawn   (withdraw: a member of its association, before the
                                       event starts)

Guards take `is_organiser=` / `is_proposer=` (the page has already checked who is asking)
and `now=` (a datetime: tests and pages pass the same clock).
"""

from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.lifecycle import Lifecycle, Transition

from .models import Assignment, Challenge, Event, Team

DRAFT: str = Event.Status.DRAFT
PUBLISHED: str = Event.Status.PUBLISHED
RUNNING: str = Event.Status.RUNNING
JUDGING: str = Event.Status.JUDGING
RESULTS: str = Event.Status.RESULTS
CLOSED: str = Event.Status.CLOSED


def _organiser(event, user, *, is_organiser: bool = False, **context) -> str:
    if not is_organiser:
        return gettext("Seule l’équipe qui organise l’événement peut faire cela.")
    return ""


def _publishable(event, user, **context) -> str:
    if refusal := _organiser(event, user, **context):
        return refusal
    if not event.dates_in_order():
        return gettext(
            "Impossible de publier : les dates ne se suivent pas. Il faut, dans l’ordre : "
            "ouverture puis clôture des inscriptions, lancement, remise des réponses, "
            "délibération du jury, résultats."
        )
    if not event.rules.strip():
        return gettext("Impossible de publier sans règlement.")
    return ""


def _startable(event, user, *, now=None, **context) -> str:
    if refusal := _organiser(event, user, **context):
        return refusal
    today = timezone.localdate(now or timezone.now())
    if today <= event.registration_closes:
        return gettext(
            "Les inscriptions sont encore ouvertes : l’événement commence après leur clôture."
        )
    return ""


def _judgeable(event, user, *, now=None, **context) -> str:
    if refusal := _organiser(event, user, **context):
        return refusal
    if (now or timezone.now()) < event.submission_deadline:
        return gettext(
            "Impossible d’ouvrir la délibération avant la date limite de remise des réponses."
        )
    return ""


def publication_refusal(event: Event) -> str:
    """Every assignment scored (each criterion) or explicitly skipped, and a rubric."""
    criteria_count = event.criteria.count()
    if not criteria_count:
        return gettext("Impossible de publier : la grille du jury n’a aucun critère.")
    assignments = Assignment.objects.filter(juror__event=event, skipped=False)
    if not assignments.exists():
        return gettext("Impossible de publier : aucune réponse n’a été confiée au jury.")
    pending = 0
    for assignment in assignments.prefetch_related("scores"):
        if len(assignment.scores.all()) < criteria_count:
            pending += 1
    if pending:
        return gettext(
            "Impossible de publier : %(count)s notation(s) du jury ne sont pas finies "
            "(notez-les ou marquez-les comme passées)."
        ) % {"count": pending}
    return ""


EVENT = Lifecycle(
    "challenge_event",
    [
        Transition("publish", frozenset({DRAFT}), PUBLISHED, guard=_publishable),
        Transition("start", frozenset({PUBLISHED}), RUNNING, guard=_startable),
        Transition("judge", frozenset({RUNNING}), JUDGING, guard=_judgeable),
        Transition("announce", frozenset({JUDGING}), RESULTS, guard=_organiser),
        Transition("close", frozenset({RESULTS}), CLOSED, guard=_organiser),
    ],
    wrong_state=_("Cette étape n’est pas possible à ce moment de l’événement."),
)

SUBMITTED: str = Challenge.Status.SUBMITTED
ACCEPTED: str = Challenge.Status.ACCEPTED
DECLINED: str = Challenge.Status.DECLINED
WITHDRAWN: str = Challenge.Status.WITHDRAWN


def _organiser_of_event(challenge, user, *, is_organiser: bool = False, **context) -> str:
    if not is_organiser:
        return gettext("Seule l’équipe qui organise l’événement retient les défis.")
    return ""


def _proposer(challenge, user, *, is_proposer: bool = False, **context) -> str:
    if not is_proposer:
        return gettext("Seuls les membres de l’association peuvent retirer ce défi.")
    if challenge.event.status != PUBLISHED:
        return gettext("L’événement a commencé : le défi ne peut plus être retiré.")
    return ""


CHALLENGE = Lifecycle(
    "challenge",
    [
        Transition("accept", frozenset({SUBMITTED}), ACCEPTED, guard=_organiser_of_event),
        Transition("decline", frozenset({SUBMITTED}), DECLINED, guard=_organiser_of_event),
        Transition("withdraw", frozenset({SUBMITTED, ACCEPTED}), WITHDRAWN, guard=_proposer),
    ],
    wrong_state=_("Ce défi a déjà reçu une réponse ou a été retiré."),
)


# --- Submissions ----------------------------------------------------------------------------
def deadline_text(event: Event) -> str:
    """« 14 mars 2027 à 08:00 », in the site's time zone."""
    moment = timezone.localtime(event.submission_deadline)
    return gettext("%(date)s à %(time)s") % {
        "date": formats.date_format(moment, "DATE_FORMAT"),
        "time": formats.time_format(moment, "TIME_FORMAT"),
    }


def submission_refusal(team: Team, user, now=None) -> str:
    """Why `user` cannot submit or revise `team`'s answer now ("" when she can).

    Asked by the page (to show the form or the reason) and by every submission service (which
    refuses with the same words): any member of the team, while the event runs, before its
    submission deadline, once the team has chosen a challenge.
    """
    event = team.event
    if not (
        user is not None and user.is_authenticated and team.members.filter(student=user).exists()
    ):
        return gettext("Seuls les membres de l’équipe peuvent remettre sa réponse.")
    if (now or timezone.now()) >= event.submission_deadline or event.status in (
        JUDGING,
        RESULTS,
        CLOSED,
    ):
        return gettext(
            "La date limite de remise des réponses était le %(deadline)s : elle est passée. "
            "La réponse ne peut plus être remise ni modifiée."
        ) % {"deadline": deadline_text(event)}
    if event.status != RUNNING:
        return gettext(
            "Les réponses se remettent une fois l’événement lancé, jusqu’au %(deadline)s."
        ) % {"deadline": deadline_text(event)}
    if team.challenge_id is None:
        return gettext("Choisissez d’abord le défi auquel votre équipe répond.")
    return ""
