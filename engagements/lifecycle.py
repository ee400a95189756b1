"""The application lifecycle: one table, asked by the services, the views and the templates.

    (nothing) --apply--> pending --accept--> accepted --confirm_agreement--> accepted
                         pending --decline--> declined
                         pending --expire--> expired            (the scheduled job)
    (nothing) --invite--> invited --join--> accepted
                          invited --refuse--> declined
    pending, accepted --withdraw--> withdrawn                   (before the work starts)

Applying and inviting create the row, so they are not moves of the table: each has a
function that says why it is refused (`application_refused`, `invitation_refused`), asked by
the page and by the service alike.

Guards answer in the words the person reads; `check` raises them as the named refusal
(`TeamFull`, `WrongStatus`…) so that a caller may catch one kind. Context a caller may pass
to spare a query: `viewer` (engagements.selectors.Viewer), `agreement`, `team` (how many are
accepted already).
"""

from django.utils.translation import gettext_lazy as _

from core.errors import ActionRefused
from core.lifecycle import Lifecycle, Refusal, Transition
from missions.lifecycle import ACCEPTING_APPLICATIONS
from missions.models import Mission
from missions.models import Status as MissionStatus
from missions.selectors import is_member
from volunteers.selectors import findable_volunteers

from .models import Application

Status = Application.Status
# A volunteer may still join a mission that has started, as long as the team has room.
ACCEPTING_VOLUNTEERS = ACCEPTING_APPLICATIONS | {MissionStatus.IN_PROGRESS}


# --- the refusals, by name -------------------------------------------------------------------
class MissionClosed(ActionRefused):
    message = _("Cette mission ne reçoit plus de candidatures.")


class AlreadyApplied(ActionRefused):
    message = _("Une candidature existe déjà pour cette personne et cette mission.")


class MemberCannotApply(ActionRefused):
    message = _("Vous faites partie de l’association qui propose cette mission.")


class TeamFull(ActionRefused):
    message = _(
        "L’équipe est déjà complète : le nombre de bénévoles prévu pour cette mission est atteint."
    )


class NotFindable(ActionRefused):
    message = _("Cette personne ne peut pas être invitée.")


class WrongStatus(ActionRefused):
    message = _("Cette candidature a déjà reçu une réponse ; rien n’a été changé.")


class AlreadyConfirmed(ActionRefused):
    message = _("Vous avez déjà confirmé cet accord.")


class NotYours(ActionRefused):
    message = _("Seules les personnes concernées par cette candidature peuvent le faire.")


ALREADY_MEMBER = _("Cette personne fait déjà partie de votre association.")
TOO_LATE_TO_WITHDRAW = _("Cette candidature ne peut plus être retirée.")
AGREEMENT_COVERED = _(
    "Cet accord est celui de toute l’équipe : l’élève responsable et son enseignant·e le "
    "confirment pour elle."
)
TEAM_TOO_BIG = _(
    "L’équipe est trop nombreuse : il reste %(places)s place(s) sur cette mission pour "
    "%(count)s élève(s) proposé·es."
)
ALREADY_ON_MISSION = _("%(name)s a déjà une candidature ou une place sur cette mission.")
TEAM_MEMBER_OF_ASSOCIATION = _("%(name)s fait partie de l’association qui propose cette mission.")
AGREEMENT_VOID = _("Cette candidature n’est plus acceptée : l’accord n’a plus d’effet.")
ASSOCIATION_CONFIRMED = _("L’association a déjà confirmé cet accord.")
NO_AGREEMENT = _("Il n’y a pas d’accord à confirmer pour cette candidature.")
SYSTEM_ONLY = _("Cela se fait tout seul, au bout de 10 jours sans réponse.")


# --- who asks --------------------------------------------------------------------------------
def _is_volunteer(application: Application, user, context: dict) -> bool:
    viewer = context.get("viewer")
    if viewer is not None:
        return viewer.is_volunteer
    return user is not None and user.pk == application.volunteer_id


def _is_member(application: Application, user, context: dict) -> bool:
    viewer = context.get("viewer")
    if viewer is not None:
        return viewer.is_member
    return user is not None and is_member(user, application.mission)


def _team_full(mission: Mission, context: dict) -> bool:
    # Asked by a service, counted after the mission row is locked: a concurrent accept waits
    # on that lock and then sees this one.
    team = context.get("team")
    if team is None:
        team = Application.objects.filter(mission=mission, status=Status.ACCEPTED).count()
    return team >= mission.team_size


# --- guards ----------------------------------------------------------------------------------
def _joining(application: Application, context: dict) -> Refusal:
    mission = application.mission
    if mission.status not in ACCEPTING_VOLUNTEERS:
        return MissionClosed()
    if _team_full(mission, context):
        return TeamFull()
    return ""


def _member_takes(application: Application, user, **context) -> Refusal:
    if not _is_member(application, user, context):
        return NotYours()
    return _joining(application, context)


def _member_answers(application: Application, user, **context) -> Refusal:
    return "" if _is_member(application, user, context) else NotYours()


def _volunteer_joins(application: Application, user, **context) -> Refusal:
    if not _is_volunteer(application, user, context):
        return NotYours()
    return _joining(application, context)


def _volunteer_answers(application: Application, user, **context) -> Refusal:
    return "" if _is_volunteer(application, user, context) else NotYours()


def _volunteer_withdraws(application: Application, user, **context) -> Refusal:
    if not _is_volunteer(application, user, context):
        return NotYours()
    # Once the work has started, leaving is a conversation with the association, not a button.
    if application.status == Status.ACCEPTED and (
        application.mission.status not in ACCEPTING_APPLICATIONS
    ):
        return WrongStatus(TOO_LATE_TO_WITHDRAW)
    return ""


def _system_only(application: Application, user, **context) -> Refusal:
    return "" if user is None else NotYours(SYSTEM_ONLY)


def _side_confirms(application: Application, user, **context) -> Refusal:
    """Each side confirms the agreement once: the volunteer, then (or before) a member."""
    agreement = context.get("agreement") or getattr(application, "agreement", None)
    if agreement is None:
        return WrongStatus(NO_AGREEMENT)
    if agreement.covered_by_id is not None:
        return WrongStatus(AGREEMENT_COVERED)
    if _is_volunteer(application, user, context):
        return AlreadyConfirmed() if agreement.volunteer_confirmed_at else ""
    if user is not None and agreement.cosigner_id == user.pk:
        return AlreadyConfirmed() if agreement.cosigner_confirmed_at else ""
    if _is_member(application, user, context):
        return AlreadyConfirmed(ASSOCIATION_CONFIRMED) if agreement.association_confirmed_at else ""
    return NotYours()


APPLICATION = Lifecycle(
    "application",
    [
        Transition("accept", frozenset({Status.PENDING}), Status.ACCEPTED, guard=_member_takes),
        Transition("decline", frozenset({Status.PENDING}), Status.DECLINED, guard=_member_answers),
        # The invited volunteer's yes and no (the addresses say join / refuse).
        Transition("join", frozenset({Status.INVITED}), Status.ACCEPTED, guard=_volunteer_joins),
        Transition(
            "refuse", frozenset({Status.INVITED}), Status.DECLINED, guard=_volunteer_answers
        ),
        Transition(
            "withdraw",
            frozenset({Status.PENDING, Status.ACCEPTED}),
            Status.WITHDRAWN,
            guard=_volunteer_withdraws,
            wrong_state=WrongStatus(TOO_LATE_TO_WITHDRAW),
        ),
        Transition("expire", frozenset({Status.PENDING}), Status.EXPIRED, guard=_system_only),
        Transition(
            "confirm_agreement",
            frozenset({Status.ACCEPTED}),
            Status.ACCEPTED,
            guard=_side_confirms,
            wrong_state=WrongStatus(AGREEMENT_VOID),
        ),
    ],
    wrong_state=WrongStatus(),
)


def check(application: Application, action: str, user, **context) -> Transition:
    """`APPLICATION.check`: raises the named refusal (call it on the locked row)."""
    return APPLICATION.check(application, action, user, **context)


# --- creating a row --------------------------------------------------------------------------
def live_applications(mission: Mission, volunteer):
    """The person's applications or invitations to `mission` that were not withdrawn: at
    most one (a constraint says so)."""
    return Application.objects.filter(mission=mission, volunteer=volunteer).exclude(
        status=Status.WITHDRAWN
    )


def application_refused(
    mission: Mission, volunteer, *, member: bool | None = None
) -> ActionRefused | None:
    """Why `volunteer` may not apply to `mission` now (None when they may).

    `member`: whether they belong to the mission's association, when the caller knows.
    """
    if mission.status not in ACCEPTING_APPLICATIONS:
        return MissionClosed()
    if member if member is not None else is_member(volunteer, mission):
        return MemberCannotApply()
    if live_applications(mission, volunteer).exists():
        return AlreadyApplied()
    return None


def invitation_refused(mission: Mission, volunteer, by) -> ActionRefused | None:
    """Why `by` may not invite `volunteer` to `mission` now (None when they may)."""
    if by is None or not is_member(by, mission):
        return NotYours()
    if mission.status not in ACCEPTING_APPLICATIONS:
        return MissionClosed()
    if is_member(volunteer, mission):
        return MemberCannotApply(ALREADY_MEMBER)
    if not findable_volunteers().filter(user=volunteer).exists():
        # Staff, closed accounts, people without a profile: the pages never name them.
        return NotFindable()
    if live_applications(mission, volunteer).exists():
        return AlreadyApplied()
    if _team_full(mission, {}):
        return TeamFull()
    return None


def team_refused(
    mission: Mission, volunteers: list, *, accepting=ACCEPTING_VOLUNTEERS
) -> ActionRefused | None:
    """Why `volunteers` may not join `mission` together, as one team (None when they may).

    Asked when a school proposes a class (`accepting`: open missions only) and again when
    the association accepts it, under the lock of the mission row (started missions too).
    """
    if mission.status not in accepting:
        return MissionClosed()
    for volunteer in volunteers:
        if is_member(volunteer, mission):
            return MemberCannotApply(TEAM_MEMBER_OF_ASSOCIATION % {"name": volunteer.full_name})
    taken = set(
        Application.objects.filter(mission=mission, volunteer__in=volunteers)
        .exclude(status=Status.WITHDRAWN)
        .values_list("volunteer_id", flat=True)
    )
    for volunteer in volunteers:
        if volunteer.pk in taken:
            return AlreadyApplied(ALREADY_ON_MISSION % {"name": volunteer.full_name})
    team = Application.objects.filter(mission=mission, status=Status.ACCEPTED).count()
    places = max(mission.team_size - team, 0)
    if len(volunteers) > places:
        return TeamFull(TEAM_TOO_BIG % {"places": places, "count": len(volunteers)})
    return None
