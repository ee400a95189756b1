"""Moderation decisions go in the journal with the moderator's own words, not a formatted line."""

from audit.tests.helpers import journal
from missions.models import Status
from moderation import services
from moderation.tests.factories import MissionFactory, ReportFactory


def test_resolutions_cancellations_and_suspensions_are_journaled(staff, lea, martine):
    mission = MissionFactory(status=Status.OPEN, created_by=martine)
    resolved = ReportFactory(reporter=lea, mission=mission)
    services.report_resolve(report=resolved, by=staff, resolution="Rien d’anormal")
    cancelled = ReportFactory(reporter=lea, mission=mission)
    services.report_cancel_mission(report=cancelled, by=staff, reason="Travail déguisé")
    suspended = ReportFactory(reporter=lea, mission=mission)
    services.report_suspend_account(report=suspended, by=staff, reason="Récidive")

    assert journal(resolved) == [("report.resolved", staff, resolved, {"reason": "Rien d’anormal"})]
    assert journal(cancelled) == [
        (
            "report.mission_cancelled",
            staff,
            cancelled,
            {"mission": mission.pk, "reason": "Travail déguisé"},
        )
    ]
    assert journal(mission)[-1] == (
        "mission.cancelled",
        staff,
        mission,
        {"from": "open", "reason": "Travail déguisé"},
    )
    assert journal(martine) == [
        ("account.suspended", staff, martine, {"report": suspended.pk, "reason": "Récidive"})
    ]
