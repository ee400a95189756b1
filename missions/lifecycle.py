"""The mission lifecycle: one table of named actions, one function that applies them.

    draft → submitted → open → in_progress → delivered → completed
    (and cancelled / expired from the live states)

Each action says who may take it: a member of the mission's organisation, staff
(moderators), or the system (scheduled jobs, `by=None`); its guard then says, in words,
what is still missing. Guards read what the caller knows in `context`, or ask the apps
above missions through `selectors.facts_of` (the `mission_facts` signal), never by
importing them:

- `confirmed_agreement` (bool): a volunteer and the association both confirmed an
  agreement (engagements answers it); `start` needs it.

`mission_transition` applies a move: it locks the row, checks the table, records a
MissionEvent and an audit entry, and sends `mission_changed`.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

import audit
from core.errors import ActionRefused
from core.lifecycle import Guard, Lifecycle, Transition

from . import selectors
from .models import SYSTEM_REASONS, Mission, MissionEvent, Reason, Status
from .signals import mission_changed

MEMBER = "member"
STAFF = "staff"
# A moderator a local authority appointed: approves or sends back its territory's missions.
MODERATOR = "moderator"
SYSTEM = "system"

# States in which volunteers may still apply, and in which the mission is publicly visible.
ACCEPTING_APPLICATIONS = frozenset({Status.OPEN})
PUBLIC = frozenset({Status.OPEN, Status.IN_PROGRESS, Status.DELIVERED, Status.COMPLETED})
# The states in which the association may still change what the mission says.
EDITABLE = frozenset({Status.DRAFT, Status.SUBMITTED})


class TransitionNotAllowed(ActionRefused, PermissionDenied):
    """Not this person, or not from this state: the page never offered it (a 403)."""


class NotReady(ActionRefused):
    """This person may take the action, but something is missing first: the words say what."""


def actor_of(user, mission: Mission) -> str | None:
    """The role in which `user` may act on `mission`, or None. `user=None` is the system."""
    if user is None:
        return SYSTEM
    if not user.is_authenticated:
        return None
    if selectors.is_member(user, mission):
        return MEMBER
    if user.is_staff:
        return STAFF
    if selectors.is_moderator(user, mission):
        return MODERATOR
    return None


# --- the words of the guards -----------------------------------------------------------------
WHO = {
    frozenset({MEMBER}): _("Seuls les membres de l’association de la mission peuvent le faire."),
    frozenset({STAFF}): _("Seule l’équipe de modération peut le faire."),
    frozenset({SYSTEM}): _("Cette étape se fait d’elle-même, à la date prévue."),
    frozenset({MEMBER, STAFF}): _(
        "Seuls les membres de l’association et l’équipe de modération peuvent le faire."
    ),
    frozenset({MEMBER, SYSTEM}): _(
        "Seuls les membres de l’association de la mission peuvent le faire."
    ),
    frozenset({STAFF, MODERATOR}): _("Seule l’équipe de modération peut le faire."),
}


def _missing_step(mission: Mission, user, **context) -> str:
    missing = selectors.missing_steps(mission)
    if missing:
        return str(_("Il manque encore quelque chose à l’étape %(step)s.") % {"step": missing[0]})
    return ""


def _agreement_confirmed(mission: Mission, user, **context) -> str:
    confirmed = context.get("confirmed_agreement")
    if confirmed is None:
        confirmed = selectors.facts_of(mission).get("confirmed_agreement", False)
    if confirmed:
        return ""
    return str(
        _(
            "Vous pourrez démarrer la mission quand un ou une bénévole et votre association "
            "auront confirmé l’accord d’engagement."
        )
    )


# --- the table -------------------------------------------------------------------------------
_ACTORS: dict[str, frozenset[str]] = {}
_READY: dict[str, Guard | None] = {}


def _move(
    action: str,
    sources: Iterable[str],
    target: str,
    actors: Iterable[str],
    ready: Guard | None = None,
    *,
    wrong_state: str | Promise = "",
) -> Transition:
    """A transition whose guard asks first who acts (`actors`), then whether it is `ready`."""
    who = frozenset(actors)
    _ACTORS[action], _READY[action] = who, ready

    def guard(mission: Mission, user, **context) -> str:
        if actor_of(user, mission) not in who:
            return str(WHO[who])
        return str(ready(mission, user, **context) or "") if ready else ""

    return Transition(action, frozenset(sources), target, guard=guard, wrong_state=wrong_state)


S = Status
LIVE = {S.SUBMITTED, S.OPEN, S.IN_PROGRESS}

MISSION = Lifecycle(
    "mission",
    [
        # A finished draft goes to the moderators, or straight online for a verified
        # association: `services.mission_submit` picks which, after the organisation.
        _move("submit", {S.DRAFT}, S.SUBMITTED, {MEMBER}, _missing_step),
        _move("publish", {S.DRAFT}, S.OPEN, {MEMBER}, _missing_step),
        _move("approve", {S.SUBMITTED}, S.OPEN, {STAFF, MODERATOR}),
        _move("send_back", {S.SUBMITTED}, S.DRAFT, {STAFF, MODERATOR}),
        # The association takes back a mission waiting for moderation, to change it.
        _move("back_to_draft", {S.SUBMITTED}, S.DRAFT, {MEMBER}),
        _move(
            "start",
            {S.OPEN},
            S.IN_PROGRESS,
            {MEMBER},
            _agreement_confirmed,
            wrong_state=_("La mission a déjà démarré."),
        ),
        # The system marks it delivered once every volunteer handed their work over.
        _move("deliver", {S.IN_PROGRESS}, S.DELIVERED, {MEMBER, SYSTEM}),
        _move("request_changes", {S.DELIVERED}, S.IN_PROGRESS, {MEMBER}),
        _move("complete", {S.DELIVERED}, S.COMPLETED, {MEMBER}),
        # Abandoning a draft concerns only its association.
        _move("abandon", {S.DRAFT}, S.CANCELLED, {MEMBER}),
        _move("cancel", LIVE, S.CANCELLED, {MEMBER, STAFF}),
        _move("expire", {S.OPEN}, S.EXPIRED, {SYSTEM}),
    ],
    wrong_state=_("Cette action n’est plus possible pour cette mission."),
)


def who_refusal(mission: Mission, action: str, user) -> str:
    """Why `user` may never take `action` on `mission` as it is (state or role), "" if they
    may; what is still missing (`MISSION.refusal`) aside."""
    transition = MISSION[action]
    if mission.status not in transition.sources:
        return str(transition.wrong_state or MISSION.wrong_state)
    who = _ACTORS[action]
    return "" if actor_of(user, mission) in who else str(WHO[who])


def check(mission: Mission, action: str, user, **context) -> Transition:
    """The transition if `user` may take `action` now; else `TransitionNotAllowed` (never
    offered: a 403) or `NotReady` (offered, with the words of what is missing)."""
    refusal = who_refusal(mission, action, user)
    if refusal:
        raise TransitionNotAllowed(refusal)
    ready = _READY[action]
    refusal = str(ready(mission, user, **context) or "") if ready else ""
    if refusal:
        raise NotReady(refusal)
    return MISSION[action]


def action_to(mission: Mission, target: str, user) -> str | None:
    """The action that takes `mission` to `target` for `user` (the forms post a target)."""
    actor = actor_of(user, mission)
    candidates = [
        t.action for t in MISSION.transitions if mission.status in t.sources and t.target == target
    ]
    for action in candidates:
        if actor in _ACTORS[action]:
            return action
    return candidates[0] if candidates else None


def allowed_actions(mission: Mission, user) -> list[str]:
    """The actions this person may take from the mission's state (offered or blocked)."""
    actor = actor_of(user, mission)
    return [a for a in MISSION.actions_from(mission.status) if actor in _ACTORS[a]]


@transaction.atomic
def mission_transition(
    *,
    mission: Mission,
    target: str = "",
    action: str = "",
    by,
    reason: str | Reason = "",
    **context,
) -> MissionEvent:
    """Take `action` (or the action that leads to `target`) on `mission` if `by` may; record
    who, when and why.

    `reason` is what a person typed, or a `Reason` when the system explains the move;
    `context` is what the guards read (see the module's docstring). The row is locked
    first, so two people clicking at once cannot both move it.
    """
    locked = Mission.objects.select_for_update().get(pk=mission.pk)
    # Who `by` is was perhaps asked already on this page: the lock does not ask again.
    locked.__dict__["_members"] = mission.__dict__.get("_members", {})
    if not action:
        action = action_to(locked, target, by) or ""
        if not action:
            raise TransitionNotAllowed(MISSION.wrong_state)
    transition = check(locked, action, by, **context)
    target, actor = transition.target, actor_of(by, locked)
    now = timezone.now()
    code, args = "", dict[str, object]()
    if isinstance(reason, Reason):
        code, args = reason
        with translation.override(settings.LANGUAGE_CODE):
            reason = str(SYSTEM_REASONS[code] % args)
    event = MissionEvent.objects.create(
        mission=locked,
        from_status=locked.status,
        to_status=target,
        by=by,
        reason=reason,
        reason_code=code,
        reason_args=args,
    )
    # A moderator's reason is kept in the journal; members' words stay in MissionEvent.
    moderating = actor in (STAFF, MODERATOR)
    data = {"from": locked.status} | ({"reason": reason} if reason and moderating else {})
    audit.log(actor=by, verb=f"mission.{target}", target=locked, data=data)
    locked.status = target
    locked.last_activity_at = now
    fields = ["status", "last_activity_at", "updated_at"]
    if target == Status.OPEN and locked.published_at is None:
        locked.published_at = now
        fields.append("published_at")
    locked.save(update_fields=fields)
    mission_changed.send(sender=Mission, mission_id=locked.pk)
    mission.status, mission.published_at = locked.status, locked.published_at
    mission.last_activity_at = now
    return event
