"""Every change of a mission's state is written in the journal."""

from audit.tests.helpers import journal
from missions import lifecycle
from missions.models import Status
from missions.tests.factories import DraftFactory


def test_each_transition_is_journaled_with_a_moderator_reason_only(martine, staff, association):
    mission = DraftFactory(organization=association, created_by=martine)

    lifecycle.mission_transition(mission=mission, target=Status.SUBMITTED, by=martine)
    lifecycle.mission_transition(
        mission=mission, target=Status.DRAFT, by=staff, reason="Précisez la date."
    )
    lifecycle.mission_transition(
        mission=mission, target=Status.CANCELLED, by=martine, reason="Plus besoin, merci."
    )

    assert journal(mission) == [
        ("mission.submitted", martine, mission, {"from": "draft"}),
        ("mission.draft", staff, mission, {"from": "submitted", "reason": "Précisez la date."}),
        ("mission.cancelled", martine, mission, {"from": "draft"}),
    ]


def test_a_scheduled_expiry_is_the_system(association):
    mission = DraftFactory(organization=association, status=Status.OPEN)

    lifecycle.mission_transition(mission=mission, target=Status.EXPIRED, by=None)

    assert journal(mission) == [("mission.expired", None, mission, {"from": "open"})]
