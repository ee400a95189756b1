"""The mission lifecycle: one table of allowed transitions, one function that applies them.

    draft → submitted → open → in_progress → delivered → completed
    (and cancelled / expired from the live states)

Who may move a mission is part of the table: a member of the mission's organisation, staff
(moderators), or the system (scheduled jobs). Every change is recorded in MissionEvent.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation

import audit

from .models import SYSTEM_REASONS, Mission, MissionEvent, Reason, Status
from .signals import mission_changed

MEMBER = "member"
STAFF = "staff"
SYSTEM = "system"


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    actors: frozenset[str]


TRANSITIONS = [
    Transition(Status.DRAFT, Status.SUBMITTED, frozenset({MEMBER})),
    # Missions of verified associations skip the queue (mission_submit decides).
    Transition(Status.DRAFT, Status.OPEN, frozenset({MEMBER})),
    Transition(Status.SUBMITTED, Status.OPEN, frozenset({STAFF})),
    Transition(Status.SUBMITTED, Status.DRAFT, frozenset({STAFF, MEMBER})),  # sent back / edited
    Transition(Status.OPEN, Status.IN_PROGRESS, frozenset({MEMBER})),
    Transition(Status.IN_PROGRESS, Status.DELIVERED, frozenset({MEMBER, SYSTEM})),
    Transition(Status.DELIVERED, Status.IN_PROGRESS, frozenset({MEMBER})),  # changes requested
    Transition(Status.DELIVERED, Status.COMPLETED, frozenset({MEMBER})),
    Transition(Status.DRAFT, Status.CANCELLED, frozenset({MEMBER})),
    Transition(Status.SUBMITTED, Status.CANCELLED, frozenset({MEMBER, STAFF})),
    Transition(Status.OPEN, Status.CANCELLED, frozenset({MEMBER, STAFF})),
    Transition(Status.IN_PROGRESS, Status.CANCELLED, frozenset({MEMBER, STAFF})),
    Transition(Status.OPEN, Status.EXPIRED, frozenset({SYSTEM})),
]
_TABLE = {(t.source, t.target): t for t in TRANSITIONS}

# States in which volunteers may still apply, and in which the mission is publicly visible.
ACCEPTING_APPLICATIONS = frozenset({Status.OPEN})
PUBLIC = frozenset({Status.OPEN, Status.IN_PROGRESS, Status.DELIVERED, Status.COMPLETED})


class TransitionNotAllowed(PermissionDenied):
    pass


def actor_of(user, mission: Mission) -> str | None:
    """The role in which `user` may act on `mission`, or None. `user=None` is the system."""
    if user is None:
        return SYSTEM
    if not user.is_authenticated:
        return None
    if mission.organization.memberships.filter(user=user).exists():
        return MEMBER
    if user.is_staff:
        return STAFF
    return None


def can_transition(mission: Mission, target: str, user) -> bool:
    transition = _TABLE.get((mission.status, target))
    return transition is not None and actor_of(user, mission) in transition.actors


def allowed_targets(mission: Mission, user) -> list[str]:
    actor = actor_of(user, mission)
    return [t.target for t in TRANSITIONS if t.source == mission.status and actor in t.actors]


@transaction.atomic
def mission_transition(
    *, mission: Mission, target: str, by, reason: str | Reason = ""
) -> MissionEvent:
    """Move `mission` to `target` if `by` may; record who, when and why.

    `reason` is what a person typed, or a `Reason` when the system explains the move.
    The row is locked first, so two people clicking at once cannot both move it.
    """
    locked = Mission.objects.select_for_update().get(pk=mission.pk)
    transition = _TABLE.get((locked.status, target))
    actor = actor_of(by, locked)
    if transition is None or actor not in transition.actors:
        raise TransitionNotAllowed(f"{locked.status} → {target} is not allowed here")
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
    data = {"from": locked.status} | ({"reason": reason} if reason and actor == STAFF else {})
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
