"""Every write to missions: creation, the wizard's steps, submission and state changes.

State changes go through `lifecycle.mission_transition`, which asks the table
(`lifecycle.MISSION`) who may and whether it is ready; the services here add what each
change means for people (who is told). What the apps above missions do when a mission
moves, they do in receivers of `signals` (engagements tells the team).
"""

from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from accounts.models import User
from notifications.services import notify
from organizations.models import Organization
from organizations.selectors import mission_members
from taxonomy.models import Level, Skill
from taxonomy.selectors import TOOL_SKILLS

from . import lifecycle, selectors
from .models import Mission, MissionEvent, MissionSkill, MissionTemplate, Reason, Status, WorkMode
from .signals import mission_cancelled, mission_changed, mission_delivery_answered, mission_started

# The fields each wizard screen edits ("skills" is a list of (Skill, level) pairs).
STEP_FIELDS = {
    1: ["title", "need", "deliverables"],
    2: ["skills", "effort_hours", "team_size"],
    3: ["start_date", "end_date", "work_mode", "commune", "licence"],
}
EDITABLE = lifecycle.EDITABLE
# A new mission's first end date, changed on the last screen if need be: long enough for a
# volunteer to find it and do a small mission beside their studies.
DEFAULT_DURATION = timedelta(days=60)


class MissionNotEditable(ValidationError):
    pass


class MissionNotReady(ValidationError):
    """The mission lacks something before it can move on (sent, started)."""


class AlreadyDone(Exception):
    """The change asked for was made already (a double click, two members at once): nothing
    to do; `str(error)` says so to the person."""

    def __str__(self) -> str:
        return str(self.args[0])


ALREADY_STARTED = lifecycle.MISSION["start"].wrong_state
NOT_READY_TO_START = gettext_lazy(
    "La mission pourra démarrer quand un accord d’engagement aura été confirmé "
    "par l’association et par le ou la bénévole."
)


def _url(mission: Mission) -> str:
    return reverse("missions:detail", args=[mission.pk])


def _other_members(mission: Mission, by: User | None) -> list[User]:
    """The association's members, except `by` itself (the team is told by engagements)."""
    return [user for user in mission_members(mission) if user.pk != getattr(by, "pk", None)]


def _copy_territory(mission: Mission) -> None:
    # A remote mission belongs to its association's territory: a département filter or a
    # local authority's dashboard still finds it.
    if mission.commune is not None:
        mission.departement_code = mission.commune.departement_id
        mission.region_code = mission.commune.region_id
    else:
        mission.departement_code = mission.organization.departement_code
        mission.region_code = mission.organization.region_code


def _set_skills(mission: Mission, skills: Iterable[tuple[Skill, int]]) -> None:
    mission.required_skills.all().delete()
    MissionSkill.objects.bulk_create(
        MissionSkill(mission=mission, skill=skill, min_level=level) for skill, level in skills
    )


@transaction.atomic
def mission_create(
    *,
    organization: Organization,
    template: MissionTemplate | None,
    by: User,
    need: str = "",
    sponsor: Organization | None = None,
) -> Mission:
    """A draft for `organization`, pre-filled from `template` (or blank) and from the
    association: a first end date, and its commune when the work is done on site. Given
    `need` too, the draft may be complete: ready to send from the wizard's last screen.
    `sponsor`: the local authority that offers it (a claimed pack numérique)."""
    mission = Mission(
        organization=organization, template=template, created_by=by, need=need, sponsor=sponsor
    )
    if template is not None:
        mission.title = template.title
        mission.deliverables = template.deliverables
        mission.effort_hours = (template.effort_min + template.effort_max) // 2
        mission.work_mode = template.work_mode
    mission.end_date = timezone.localdate() + DEFAULT_DURATION
    if mission.work_mode != WorkMode.REMOTE:
        mission.commune_id = organization.commune_id
    _copy_territory(mission)
    mission.last_activity_at = timezone.now()
    mission.save()
    if template is not None:
        # Software names are the volunteers' business: the association asks for the work.
        skills = [s for s in template.skills.all() if s.slug not in TOOL_SKILLS]
        _set_skills(mission, [(skill, Level.LEARNING) for skill in skills])
    if need and not selectors.missing_steps(mission):
        mission.wizard_step = 3
        mission.save(update_fields=["wizard_step"])
    audit.log(actor=by, verb="mission.created", target=mission)
    mission_changed.send(sender=Mission, mission_id=mission.pk)
    return mission


@transaction.atomic
def mission_save_step(
    *, mission: Mission, step: int, data: dict, by: User, complete: bool = True
) -> Mission:
    """Save what one wizard screen holds. `data` may be partial ("continue later" keeps
    what was valid); `complete` says the screen was filled in, so the wizard moves on.

    A mission waiting for moderation goes back to draft when its association edits it: it
    must be sent again, and the moderators see the new version.
    """
    if mission.status not in EDITABLE:
        raise MissionNotEditable(_("Cette mission ne peut plus être modifiée."))
    if mission.status == Status.SUBMITTED:
        lifecycle.mission_transition(
            mission=mission,
            action="back_to_draft",
            by=by,
            reason=Reason("edited_before_publication", {}),
        )
    fields = [name for name in STEP_FIELDS[step] if name in data]
    for name in fields:
        if name != "skills":
            setattr(mission, name, data[name])
    if "skills" in fields:
        _set_skills(mission, data["skills"])
        fields.remove("skills")
    if step == 3:
        if mission.work_mode == WorkMode.REMOTE:
            mission.commune = None
        _copy_territory(mission)
        fields += ["commune", "departement_code", "region_code"]
    if complete and mission.wizard_step < step:
        mission.wizard_step = step
        fields.append("wizard_step")
    mission.last_activity_at = timezone.now()
    mission.save(update_fields=sorted({*fields, "last_activity_at", "updated_at"}))
    mission_changed.send(sender=Mission, mission_id=mission.pk)
    return mission


@transaction.atomic
def mission_submit(*, mission: Mission, by: User) -> Mission:
    """Send a finished draft: published at once for a verified association, otherwise put
    in the moderators' queue. The association's members (and, for the queue, staff) are told.
    """
    missing = selectors.missing_steps(mission)
    if missing:
        raise MissionNotReady(
            _("Il manque encore quelque chose à l’étape %(step)s.") % {"step": missing[0]},
            params={"step": missing[0]},
        )
    organization = mission.organization
    context = {"mission": mission.title, "organization": organization.name}
    if organization.is_verified:
        lifecycle.mission_transition(mission=mission, action="publish", by=by)
        notify(
            users=mission_members(mission),
            kind="mission_published",
            context=context,
            url=_url(mission),
        )
        return mission
    lifecycle.mission_transition(mission=mission, action="submit", by=by)
    notify(
        users=mission_members(mission), kind="mission_submitted", context=context, url=_url(mission)
    )
    notify(
        users=User.objects.filter(is_staff=True, is_active=True),
        kind="mission_submitted",
        context={**context, "for_staff": True},
        url=_url(mission),
    )
    return mission


@transaction.atomic
def mission_approve(*, mission: Mission, by: User) -> Mission:
    """A moderator publishes a submitted mission; its association is told."""
    lifecycle.mission_transition(mission=mission, action="approve", by=by)
    notify(
        users=mission_members(mission),
        kind="mission_published",
        context={"mission": mission.title, "organization": mission.organization.name},
        url=_url(mission),
    )
    return mission


@transaction.atomic
def mission_send_back(*, mission: Mission, by: User, reason: str) -> Mission:
    """A moderator sends a submitted mission back to draft, with advice for its association."""
    lifecycle.mission_transition(mission=mission, action="send_back", by=by, reason=reason)
    notify(
        users=mission_members(mission),
        kind="mission_sent_back",
        context={"mission": mission.title, "reason": reason},
        url=_url(mission),
    )
    return mission


@transaction.atomic
def mission_start(*, mission: Mission, by: User, **context) -> Mission:
    """Start an open mission, once a volunteer and the association confirmed an agreement
    (the table's `start` guard), so that nobody works without an agreed frame.

    Raises AlreadyDone when a member started it meanwhile (the row is locked first, so the
    second of two clicks sees the first one's change), `MissionNotReady` with the guard's
    words when no agreement is confirmed yet."""
    locked = Mission.objects.select_for_update().get(pk=mission.pk)
    if locked.status == Status.IN_PROGRESS and lifecycle.actor_of(by, locked) == lifecycle.MEMBER:
        mission.status = locked.status
        raise AlreadyDone(ALREADY_STARTED)
    try:
        lifecycle.mission_transition(mission=mission, action="start", by=by, **context)
    except lifecycle.NotReady:
        # The page showed the guard's words beside the missing button; after a click on a
        # page older than that, they are said as what is awaited.
        raise MissionNotReady(NOT_READY_TO_START) from None
    notify(
        users=_other_members(mission, by),
        kind="mission_started",
        context={"mission": mission.title, "organization": mission.organization.name},
        url=_url(mission),
    )
    mission_started.send(sender=Mission, mission=mission, by=by)
    return mission


@transaction.atomic
def mission_cancel(*, mission: Mission, by: User, reason: str = "") -> Mission:
    """Cancel a mission (abandon a draft); the other members and the volunteers already on
    it are told."""
    action = "abandon" if mission.status == Status.DRAFT else "cancel"
    lifecycle.mission_transition(mission=mission, action=action, by=by, reason=reason)
    if mission.published_at is not None:  # a draft never published concerns nobody else
        notify(
            users=_other_members(mission, by),
            kind="mission_cancelled",
            context={
                "mission": mission.title,
                "organization": mission.organization.name,
                "reason": reason,
            },
            url=_url(mission),
        )
    mission_cancelled.send(sender=Mission, mission=mission, by=by, reason=reason)
    return mission


@transaction.atomic
def mission_answer_delivery(
    *, mission: Mission, action: str, by: User, reason: str = ""
) -> Mission:
    """A member confirms the end of a delivered mission (`complete`) or asks for changes
    (`request_changes`). The team's engagements end (or go back to work) with it: the app
    that holds them does both and moves the mission; without it, the mission moves alone."""
    lifecycle.check(Mission.objects.select_for_update().get(pk=mission.pk), action, by)
    answered = mission_delivery_answered.send(
        sender=Mission, mission=mission, action=action, by=by, reason=reason
    )
    if not any(moved for _receiver, moved in answered):
        lifecycle.mission_transition(mission=mission, action=action, by=by, reason=reason)
    return mission


# Each action of the mission page, and the service that knows what it means for people.
_SERVICES = {
    "cancel": mission_cancel,
    "abandon": mission_cancel,
    "send_back": mission_send_back,
}


def mission_change_state(*, mission: Mission, target: str, by: User, reason: str = "") -> Mission:
    """The mission page's buttons: each change goes to the service that knows its meaning.

    Raises `lifecycle.TransitionNotAllowed` (a 403) when `by` may not make this change,
    `MissionNotReady` when a guard refuses it for now, and `AlreadyDone` when a member asks
    to start a mission that has started (a second click).
    """
    if (
        target == Status.IN_PROGRESS == mission.status
        and lifecycle.actor_of(by, mission) == lifecycle.MEMBER
    ):
        raise AlreadyDone(ALREADY_STARTED)
    action = lifecycle.action_to(mission, target, by)
    refusal = lifecycle.who_refusal(mission, action, by) if action else "no such move"
    if not action or refusal:
        raise lifecycle.TransitionNotAllowed(refusal)
    if action in ("submit", "publish"):
        return mission_submit(mission=mission, by=by)
    if action == "start":
        return mission_start(mission=mission, by=by)
    if action in ("complete", "request_changes"):
        return mission_answer_delivery(mission=mission, action=action, by=by, reason=reason)
    if action == "approve":
        return mission_approve(mission=mission, by=by)
    if action in _SERVICES:
        return _SERVICES[action](mission=mission, by=by, reason=reason)
    lifecycle.mission_transition(mission=mission, action=action, by=by, reason=reason)
    return mission


def missions_expire(*, today=None) -> int:
    """Expire the open missions whose end date has passed; returns how many.

    For the scheduler: run once a day (`manage.py missions_expire`, e.g. from cron or the
    task worker's periodic job). Each mission moves through the lifecycle as the system
    (`by=None`), so the change is recorded like any other; a mission someone moved in the
    meantime is skipped, and running it twice does nothing more.
    """
    today = today or timezone.localdate()
    expired = 0
    overdue = Mission.objects.filter(status=Status.OPEN, end_date__lt=today).only("pk", "status")
    for mission in list(overdue):
        try:
            lifecycle.mission_transition(
                mission=mission,
                action="expire",
                by=None,
                reason=Reason("end_date_passed", {}),
            )
        except lifecycle.TransitionNotAllowed:  # moved meanwhile
            continue
        expired += 1
    return expired


def anonymise_person_in_history(user: User) -> int:
    """Take the name of `user` (whose account is being deleted) out of the missions' history:
    the reasons that named them then read "une personne dont le compte a été supprimé"."""
    events = list(MissionEvent.objects.filter(reason_args__person=user.pk))
    for event in events:
        event.reason_args = {**event.reason_args, "name": None}
        with translation.override(settings.LANGUAGE_CODE):  # the record, as when written
            event.reason = event.reason_text
    MissionEvent.objects.bulk_update(events, ["reason_args", "reason"])
    return len(events)
