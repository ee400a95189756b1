"""Every write to applications, invitations and agreements goes through here."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import audit
from accounts.models import User
from core.errors import ActionRefused
from missions.models import Mission
from missions.selectors import is_member
from notifications.services import notify
from organizations.selectors import mission_members as members_of

from . import lifecycle
from .lifecycle import (  # noqa: F401  (the refusals, by name, for the app's callers)
    ACCEPTING_VOLUNTEERS,
    APPLICATION,
    AlreadyApplied,
    AlreadyConfirmed,
    MemberCannotApply,
    MissionClosed,
    NotFindable,
    TeamFull,
    WrongStatus,
    live_applications,
)
from .models import Agreement, Application
from .signals import application_changed

REMIND_AFTER = timedelta(days=5)
EXPIRE_AFTER = timedelta(days=10)

# A refusal the person can act on (core.errors): kept under this name for the app's callers.
EngagementError = ActionRefused


# --- helpers ---------------------------------------------------------------------------------
def _require_member(user, mission: Mission) -> None:
    if user is None or not is_member(user, mission):
        raise PermissionDenied("only members of the mission's organisation may do this")


def lock_application(application: Application) -> tuple[Application, Mission]:
    """Lock the mission first, then the application: always in this order, so no deadlock
    (completion's services lock through here too)."""
    mission = Mission.objects.select_for_update().get(pk=application.mission_id)
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("volunteer")
        .get(pk=application.pk)
    )
    locked.mission = mission
    return locked, mission


def _touch(mission: Mission, now: datetime) -> None:
    mission.last_activity_at = now
    mission.save(update_fields=["last_activity_at"])


def _context(application: Application, mission: Mission, **extra) -> dict:
    return {
        "mission": mission.title,
        "volunteer": application.volunteer.full_name,
        "volunteer_first_name": application.volunteer.first_name,
        "message": application.message,
        **extra,
    }


def _detail_url(application: Application) -> str:
    return reverse("engagements:detail", args=[application.pk])


def _applicants_url(mission: Mission) -> str:
    return reverse("engagements:applicants", args=[mission.pk])


def _agreement_url(application: Application) -> str:
    return reverse("engagements:agreement", args=[application.pk])


def _changed(application: Application) -> None:
    application_changed.send(
        sender=Application, volunteer_id=application.volunteer_id, mission_id=application.mission_id
    )


def _copy_status(source: Application, target: Application) -> None:
    # Callers keep their instance; give it what the locked copy now holds.
    for name in ("status", "answer", "answered_by_id", "answered_at"):
        setattr(target, name, getattr(source, name))


def _join_team(*, application: Application, mission: Mission, by: User, now: datetime) -> Agreement:
    """Accept `application` into `mission`'s team (both rows locked, the move checked by the
    caller: the team was counted after the mission row was locked)."""
    application.status = Application.Status.ACCEPTED
    application.answered_by = by
    application.answered_at = now
    application.save(update_fields=["status", "answered_by", "answered_at"])
    _changed(application)
    agreement = _draft_agreement(application, mission)
    _touch(mission, now)
    return agreement


def _draft_agreement(application: Application, mission: Mission, **extra) -> Agreement:
    return Agreement.objects.create(
        application=application,
        scope=mission.need,
        deliverables=mission.deliverables,
        start_date=mission.start_date,
        end_date=mission.end_date,
        hours=mission.effort_hours,
        licence=mission.licence,
        **extra,
    )


# --- applications ----------------------------------------------------------------------------
@transaction.atomic
def application_create(
    *, mission: Mission, volunteer: User, message: str, parts: Iterable = ()
) -> Application:
    """`volunteer` offers to help on `mission`; the association's members are told. `parts`
    are the forms the apps above added to the page (`signals.apply_form_parts`), saved with
    the application."""
    mission = Mission.objects.select_for_update().get(pk=mission.pk)
    refused = lifecycle.application_refused(mission, volunteer)
    if refused is not None:
        raise refused
    # Someone who withdrew may change their mind: a fresh application, the withdrawn one
    # (and its agreement, if any) kept as it ended.
    application = Application.objects.create(mission=mission, volunteer=volunteer, message=message)
    for part in parts:
        part.save(application=application)
    _changed(application)
    audit.log(
        actor=volunteer,
        verb="application.created",
        target=application,
        data={"mission": mission.pk},
    )
    _touch(mission, timezone.now())
    notify(
        users=members_of(mission),
        kind="application_received",
        context=_context(application, mission),
        url=_applicants_url(mission),
    )
    return application


@transaction.atomic
def application_accept(*, application: Application, by: User) -> Agreement:
    """A member takes the volunteer into the team; the agreement is drafted from the mission.

    Raises TeamFull when the team is complete, even when two members click at once.
    """
    locked, mission = lock_application(application)
    _require_member(by, mission)
    lifecycle.check(locked, "accept", by)
    agreement = _join_team(application=locked, mission=mission, by=by, now=timezone.now())
    audit.log(actor=by, verb="application.accepted", target=locked, data={"mission": mission.pk})
    _copy_status(locked, application)
    context = _context(locked, mission, organization=mission.organization.name)
    notify(
        users=[locked.volunteer],
        kind="application_accepted",
        context=context,
        url=_detail_url(locked),
    )
    notify(
        users=[locked.volunteer],
        kind="agreement_to_confirm",
        context=context,
        url=_agreement_url(locked),
    )
    return agreement


@transaction.atomic
def application_decline(*, application: Application, by: User, reason: str) -> Application:
    """A member says no, kindly; the volunteer reads the reason."""
    locked, mission = lock_application(application)
    _require_member(by, mission)
    transition = lifecycle.check(locked, "decline", by)
    now = timezone.now()
    locked.status = transition.target
    locked.answer = reason.strip()
    locked.answered_by = by
    locked.answered_at = now
    locked.save(update_fields=["status", "answer", "answered_by", "answered_at"])
    _changed(locked)
    audit.log(actor=by, verb="application.declined", target=locked, data={"mission": mission.pk})
    _touch(mission, now)
    _copy_status(locked, application)
    notify(
        users=[locked.volunteer],
        kind="application_declined",
        context=_context(
            locked, mission, organization=mission.organization.name, reason=locked.answer
        ),
        url=_detail_url(locked),
    )
    return locked


@transaction.atomic
def application_withdraw(*, application: Application, by: User) -> Application:
    """The volunteer takes the application back (before the work starts)."""
    locked, mission = lock_application(application)
    if by is None or by.pk != locked.volunteer_id:
        raise PermissionDenied("only the volunteer may withdraw their application")
    transition = lifecycle.check(locked, "withdraw", by)
    was_accepted = locked.status == Application.Status.ACCEPTED
    now = timezone.now()
    locked.status = transition.target
    locked.save(update_fields=["status"])
    _changed(locked)
    audit.log(actor=by, verb="application.withdrawn", target=locked, data={"mission": mission.pk})
    _touch(mission, now)
    _copy_status(locked, application)
    notify(
        users=members_of(mission),
        kind="application_withdrawn",
        context=_context(locked, mission, was_accepted=was_accepted),
        url=_applicants_url(mission),
    )
    return locked


@transaction.atomic
def team_join(
    *, mission: Mission, volunteers: list[User], lead: User, cosigner: User | None, by: User
) -> tuple[Agreement, list[Application]]:
    """A member takes a whole team at once (a school's class project): each volunteer gets
    her accepted application, as if taken one by one, and the team one agreement: the
    lead's, which `cosigner` (their teacher) confirms as well; the others' agreements are
    covered by it. Returns the team's agreement and the applications, lead first.

    The caller vouches for who the team are; this checks the association's side, after
    locking the mission row: a member answers, the mission takes volunteers, nobody is on
    it already, and there is room for all (TeamFull otherwise, even when two answer at once).
    """
    mission = Mission.objects.select_for_update().get(pk=mission.pk)
    _require_member(by, mission)
    refused = lifecycle.team_refused(mission, volunteers)
    if refused is not None:
        raise refused
    now = timezone.now()
    ordered = [lead, *(v for v in volunteers if v.pk != lead.pk)]
    team_agreement: Agreement | None = None
    applications = []
    for volunteer in ordered:
        application = Application.objects.create(
            mission=mission,
            volunteer=volunteer,
            status=Application.Status.ACCEPTED,
            answered_by=by,
            answered_at=now,
        )
        _changed(application)
        if team_agreement is None:
            team_agreement = _draft_agreement(application, mission, cosigner=cosigner)
        else:
            _draft_agreement(application, mission, covered_by=team_agreement)
        audit.log(
            actor=by, verb="application.accepted", target=application, data={"mission": mission.pk}
        )
        applications.append(application)
    _touch(mission, now)
    assert team_agreement is not None  # a team has a lead
    return team_agreement, applications


# --- invitations -----------------------------------------------------------------------------
@transaction.atomic
def invitation_create(*, mission: Mission, volunteer: User, by: User, message: str) -> Application:
    """A member invites a volunteer to apply; the volunteer answers yes or no."""
    mission = Mission.objects.select_for_update().get(pk=mission.pk)
    _require_member(by, mission)
    refused = lifecycle.invitation_refused(mission, volunteer, by)
    if refused is not None:
        raise refused
    application = Application.objects.create(
        mission=mission,
        volunteer=volunteer,
        status=Application.Status.INVITED,
        invited_by=by,
        message=message.strip(),
    )
    _changed(application)
    audit.log(
        actor=by,
        verb="application.invited",
        target=application,
        data={"mission": mission.pk, "user": volunteer.pk},
    )
    _touch(mission, timezone.now())
    notify(
        users=[volunteer],
        kind="invitation_received",
        context=_context(
            application, mission, organization=mission.organization.name, by=by.full_name
        ),
        url=_detail_url(application),
    )
    return application


@transaction.atomic
def invitation_answer(*, application: Application, by: User, accept: bool) -> Application:
    """The invited volunteer says yes (joins the team, if it has room) or no."""
    locked, mission = lock_application(application)
    if by is None or by.pk != locked.volunteer_id:
        raise PermissionDenied("only the invited volunteer may answer")
    transition = lifecycle.check(locked, "join" if accept else "refuse", by)
    now = timezone.now()
    if accept:
        _join_team(application=locked, mission=mission, by=by, now=now)
    else:
        locked.status = transition.target
        locked.answered_by = by
        locked.answered_at = now
        locked.save(update_fields=["status", "answered_by", "answered_at"])
        _changed(locked)
        _touch(mission, now)
    audit.log(
        actor=by,
        verb="invitation.accepted" if accept else "invitation.declined",
        target=locked,
        data={"mission": mission.pk},
    )
    _copy_status(locked, application)
    notify(
        users=members_of(mission),
        kind="invitation_answered",
        context=_context(locked, mission, accepted=accept),
        url=_agreement_url(locked) if accept else _applicants_url(mission),
    )
    return locked


# --- agreement -------------------------------------------------------------------------------
@transaction.atomic
def agreement_confirm(*, agreement: Agreement, by: User) -> Agreement:
    """One side confirms the agreement; when both have, both are told it is settled."""
    application, mission = lock_application(agreement.application)
    locked = Agreement.objects.select_for_update(of=("self",)).get(pk=agreement.pk)
    locked.application = application
    volunteer_side = by is not None and by.pk == application.volunteer_id
    cosigner_side = by is not None and by.pk == locked.cosigner_id
    if not (volunteer_side or cosigner_side or (by is not None and is_member(by, mission))):
        raise PermissionDenied("only the volunteer, the cosigner or the association may confirm")
    lifecycle.check(application, "confirm_agreement", by, agreement=locked)
    now = timezone.now()
    if volunteer_side:
        locked.volunteer_confirmed_at = now
        fields = ["volunteer_confirmed_at"]
    elif cosigner_side:
        locked.cosigner_confirmed_at = now
        fields = ["cosigner_confirmed_at"]
    else:
        locked.association_confirmed_at = now
        locked.association_confirmed_by = by
        fields = ["association_confirmed_at", "association_confirmed_by"]
    locked.save(update_fields=fields)
    audit.log(
        actor=by,
        verb="agreement.confirmed",
        target=locked,
        data={
            "mission": mission.pk,
            "side": fields[0].split("_")[0].replace("association", "organization"),
        },
    )
    for name in fields:
        setattr(agreement, name, getattr(locked, name))
    if locked.is_confirmed:
        notify(
            users=[
                application.volunteer,
                *([locked.cosigner] if locked.cosigner else []),
                *members_of(mission),
            ],
            kind="agreement_confirmed",
            context=_context(application, mission, organization=mission.organization.name),
            url=_agreement_url(application),
        )
    return locked


# --- scheduled -------------------------------------------------------------------------------
def applications_remind_and_expire(now: datetime | None = None) -> dict[str, int]:
    """Remind associations of applications left unanswered for 5 days; expire them at 10.

    Each row is claimed with a conditional update before anyone is told, so running this
    twice, or in two workers at once, sends every reminder and every expiry only once.
    """
    now = now or timezone.now()
    expire = APPLICATION["expire"]
    pending = Application.objects.filter(status__in=expire.sources)
    reminded = expired = 0

    # A mission that no longer takes volunteers (cancelled…) is not worth a reminder.
    to_remind = pending.filter(
        mission__status__in=ACCEPTING_VOLUNTEERS,
        reminded_at__isnull=True,
        created_at__lte=now - REMIND_AFTER,
        created_at__gt=now - EXPIRE_AFTER,
    ).values_list("pk", flat=True)
    for pk in list(to_remind):
        with transaction.atomic():
            claimed = Application.objects.filter(
                pk=pk, status=Application.Status.PENDING, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not claimed:
                continue
            application = Application.objects.select_related(
                "volunteer", "mission__organization"
            ).get(pk=pk)
            mission = application.mission
            notify(
                users=members_of(mission),
                kind="application_reminder",
                context=_context(application, mission, days=(now - application.created_at).days),
                url=_applicants_url(mission),
            )
            reminded += 1

    to_expire = pending.filter(created_at__lte=now - EXPIRE_AFTER).values_list("pk", flat=True)
    for pk in list(to_expire):
        with transaction.atomic():
            # The table's move, claimed by a conditional update (the system is its actor).
            claimed = Application.objects.filter(pk=pk, status__in=expire.sources).update(
                status=expire.target, answered_at=now
            )
            if not claimed:
                continue
            application = Application.objects.select_related(
                "volunteer", "mission__organization"
            ).get(pk=pk)
            _changed(application)
            mission = application.mission
            audit.log(
                actor=None,
                verb="application.expired",
                target=application,
                data={"mission": mission.pk},
            )
            notify(
                users=[application.volunteer],
                kind="application_expired",
                context=_context(application, mission, organization=mission.organization.name),
                url=_detail_url(application),
            )
            expired += 1
    return {"reminded": reminded, "expired": expired}


@transaction.atomic
def invitations_for_team(
    *, mission: Mission, volunteers: list[User], by: User, message: str
) -> list[Application]:
    """A member invites a whole team she already worked with (a challenge event's team whose
    answer became this mission), even while the mission is a draft: each gets an invitation
    she answers once the mission is open (joining a draft is refused, `_joining`), and her
    agreement is drafted from the mission then. Who is already on it or invited is skipped."""
    mission = Mission.objects.select_for_update().get(pk=mission.pk)
    _require_member(by, mission)
    invited = []
    for volunteer in volunteers:
        if is_member(volunteer, mission):
            continue
        if lifecycle.live_applications(mission, volunteer).exists():
            continue
        application = Application.objects.create(
            mission=mission,
            volunteer=volunteer,
            status=Application.Status.INVITED,
            invited_by=by,
            message=message.strip(),
        )
        _changed(application)
        audit.log(
            actor=by,
            verb="application.invited",
            target=application,
            data={"mission": mission.pk, "user": volunteer.pk},
        )
        notify(
            users=[volunteer],
            kind="invitation_received",
            context=_context(
                application, mission, organization=mission.organization.name, by=by.full_name
            ),
            url=_detail_url(application),
        )
        invited.append(application)
    _touch(mission, timezone.now())
    return invited
