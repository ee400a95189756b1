"""Every moderation decision goes through here, and each one leaves a trace: who, when, why.

Organisations keep theirs in `verified_by`/`verified_at`/`verification_note`, missions in
`MissionEvent`, reports in `resolved_by`/`resolved_at`/`resolution`.
"""

from typing import TypeIs

from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

import audit
from accounts.models import User
from core.templatetags.text import elide
from missions import lifecycle
from missions.models import Mission, Status
from missions.services import mission_approve, mission_cancel
from notifications.services import notify
from organizations.models import Organization
from organizations.services import organization_verify

from .models import Report


class AlreadyReported(Exception):
    """The same person already reported the same thing, and nobody has handled it yet."""


class NotAllowed(Exception):
    """The action does not apply to this report (already handled, wrong target, staff…)."""


# --- Organisations -------------------------------------------------------------------------
@transaction.atomic
def organization_decide(
    *, organization: Organization, by: User, verified: bool, note: str = ""
) -> list[Mission]:
    """Verify or reject an organisation; its admins are told why.

    Missions of verified associations publish directly, so verifying one also publishes
    the missions it submitted while it waited. Returns the missions published.
    """
    organization_verify(organization=organization, by=by, verified=verified, note=note)
    if not verified:
        return []
    waiting = list(
        Mission.objects.filter(organization=organization, status=Status.SUBMITTED)
        .select_related("organization")
        .order_by("created_at", "pk")
    )
    for mission in waiting:
        mission_approve(mission=mission, by=by)
    return waiting


# --- Reports -------------------------------------------------------------------------------
def open_report_exists(
    *, reporter: User, mission=None, organization=None, profile_user=None
) -> bool:
    return Report.objects.filter(
        reporter=reporter,
        mission=mission,
        organization=organization,
        profile_user=profile_user,
        resolved_at__isnull=True,
    ).exists()


@transaction.atomic
def report_create(
    *,
    reporter: User,
    reason: str,
    details: str = "",
    mission: Mission | None = None,
    organization: Organization | None = None,
    profile_user: User | None = None,
) -> Report:
    """Record a report on exactly one thing and tell the moderators.

    Raises AlreadyReported when this person's earlier report on it is still open.
    """
    targets = [t for t in (mission, organization, profile_user) if t is not None]
    if len(targets) != 1:
        raise ValueError("a report is about exactly one thing")
    # Lock the reporter's row so that a double click cannot create two reports.
    User.objects.select_for_update().filter(pk=reporter.pk).first()
    target = {"mission": mission, "organization": organization, "profile_user": profile_user}
    if open_report_exists(reporter=reporter, **target):
        raise AlreadyReported
    report = Report.objects.create(
        reporter=reporter, reason=reason, details=details.strip(), **target
    )
    notify(
        users=User.objects.filter(is_staff=True, is_active=True),
        kind="report_received",
        context={
            "target": str(targets[0]),
            "reason": Report.Reason(reason).label,  # lazy: read in the reader's language
            "details": report.details,
            "reporter": reporter.full_name,
        },
        url=reverse("moderation:report_detail", args=[report.pk]),
    )
    return report


def _stamp(*, by: User, text: str) -> str:
    # Written in the site's language (French): it is an internal record for moderators.
    with override("fr"):
        when = formats.date_format(timezone.localtime(), "j F Y à H:i")
        return _("%(text)s (par %(who)s, le %(when)s)") % {
            "text": text,
            "who": by.full_name or by.email,
            "when": when,
        }


def _resolve(report: Report, *, by: User, resolution: str) -> Report:
    report.resolved_at = timezone.now()
    report.resolved_by = by
    report.resolution = resolution
    report.save(update_fields=["resolved_at", "resolved_by", "resolution"])
    return report


def _lock_open(report: Report) -> Report:
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.resolved_at is not None:
        raise NotAllowed("this report has already been handled")
    return locked


@transaction.atomic
def report_resolve(*, report: Report, by: User, resolution: str) -> Report:
    """Close a report with what was done about it."""
    locked = _lock_open(report)
    audit.log(actor=by, verb="report.resolved", target=locked, data={"reason": resolution.strip()})
    _resolve(locked, by=by, resolution=_stamp(by=by, text=resolution.strip()))
    report.refresh_from_db()
    return report


@transaction.atomic
def report_cancel_mission(*, report: Report, by: User, reason: str) -> Report:
    """Cancel the reported mission, tell its association and volunteers why, close the report."""
    locked = _lock_open(report)
    mission = locked.mission
    if mission is None or lifecycle.who_refusal(mission, "cancel", by):
        raise NotAllowed("this mission cannot be cancelled")
    reason = reason.strip()
    # The missions app tells the association's members and the volunteers, with the reason.
    mission_cancel(mission=mission, by=by, reason=reason)
    data = {"mission": mission.pk, "reason": reason}
    audit.log(actor=by, verb="report.mission_cancelled", target=locked, data=data)
    with override("fr"):
        text = _("Mission annulée : %(reason)s") % {"reason": reason}
    _resolve(locked, by=by, resolution=_stamp(by=by, text=text))
    report.refresh_from_db()
    return report


def account_to_suspend(report: Report) -> User | None:
    """Whose account the report is about: the reported person, or the mission's author."""
    if report.profile_user_id:
        return report.profile_user
    if report.mission is not None:
        return report.mission.created_by
    return None


def may_suspend(user: User | None) -> TypeIs[User]:
    # Moderators cannot lock each other out; that is the administrators' call.
    return user is not None and user.is_active and not (user.is_staff or user.is_superuser)


@transaction.atomic
def report_suspend_account(*, report: Report, by: User, reason: str) -> Report:
    """Suspend the account the report is about: it can no longer log in. Closes the report."""
    locked = _lock_open(report)
    user = account_to_suspend(locked)
    if not may_suspend(user):
        raise NotAllowed("this account cannot be suspended")
    user.is_active = False
    user.save(update_fields=["is_active"])
    data = {"report": locked.pk, "reason": reason.strip()}
    audit.log(actor=by, verb="account.suspended", target=user, data=data)
    with override("fr"):
        text = elide(
            _("Compte de %(name)s suspendu : %(reason)s")
            % {"name": user.full_name or user.email, "reason": reason.strip()}
        )
    _resolve(locked, by=by, resolution=_stamp(by=by, text=text))
    report.refresh_from_db()
    return report
