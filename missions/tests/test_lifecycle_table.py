"""The mission table walked whole: every action from every state, for every kind of person,
allowed or refused with the words the page shows."""

import pytest

from accounts.tests.factories import UserFactory
from missions.lifecycle import MISSION
from missions.models import Status
from missions.tests.factories import MissionFactory

# Written out here, apart from the code: from which states, and who.
ALLOWED = {
    "submit": ({"draft"}, {"member"}),
    "publish": ({"draft"}, {"member"}),
    "approve": ({"submitted"}, {"staff"}),
    "send_back": ({"submitted"}, {"staff"}),
    "back_to_draft": ({"submitted"}, {"member"}),
    "start": ({"open"}, {"member"}),
    "deliver": ({"in_progress"}, {"member", "system"}),
    "request_changes": ({"delivered"}, {"member"}),
    "complete": ({"delivered"}, {"member"}),
    "abandon": ({"draft"}, {"member"}),
    "cancel": ({"submitted", "open", "in_progress"}, {"member", "staff"}),
    "expire": ({"open"}, {"system"}),
}
MEMBERS_ONLY = "Seuls les membres de l’association de la mission peuvent le faire."
WHO_WORDS = {
    frozenset({"member"}): MEMBERS_ONLY,
    frozenset({"member", "system"}): MEMBERS_ONLY,
    frozenset({"staff"}): "Seule l’équipe de modération peut le faire.",
    frozenset({"system"}): "Cette étape se fait d’elle-même, à la date prévue.",
    frozenset({"member", "staff"}): (
        "Seuls les membres de l’association et l’équipe de modération peuvent le faire."
    ),
}
NOT_NOW = "Cette action n’est plus possible pour cette mission."


def test_the_table_declares_exactly_these_actions():
    assert set(MISSION.actions) == set(ALLOWED)


@pytest.fixture
def people(yacine):
    return {
        "member": yacine,
        "staff": UserFactory(is_staff=True),
        "outsider": UserFactory(),
        "system": None,
    }


@pytest.mark.parametrize("state", Status.values)
def test_every_action_from_every_state_is_allowed_or_refused_in_words(state, association, people):
    mission = MissionFactory(organization=association, status=state)
    for action, (sources, actors) in ALLOWED.items():
        for who, user in people.items():
            refusal = MISSION.refusal(mission, action, user, confirmed_agreement=True)
            if state not in sources:
                wording = "La mission a déjà démarré." if action == "start" else NOT_NOW
                assert refusal == wording, (action, who)
            elif who not in actors:
                assert refusal == WHO_WORDS[frozenset(actors)], (action, who)
            else:
                assert refusal == "", (action, who)


def test_a_mission_starts_only_with_a_confirmed_agreement(association, yacine):
    mission = MissionFactory(organization=association, status=Status.OPEN)

    assert MISSION.refusal(mission, "start", yacine, confirmed_agreement=False) == (
        "Vous pourrez démarrer la mission quand un ou une bénévole et votre association "
        "auront confirmé l’accord d’engagement."
    )
    # Not told by the caller: engagements answers (no agreement here).
    assert not MISSION.allows(mission, "start", yacine)
    assert MISSION.allows(mission, "start", yacine, confirmed_agreement=True)


def test_an_unfinished_draft_cannot_be_sent(association, yacine):
    draft = MissionFactory(organization=association, status=Status.DRAFT, need="")

    for action in ("submit", "publish"):
        assert MISSION.refusal(draft, action, yacine) == (
            "Il manque encore quelque chose à l’étape 1."
        )


def test_templates_read_can_from_the_table(association, yacine):
    mission = MissionFactory(organization=association, status=Status.DELIVERED)

    can = MISSION.can(mission, yacine)

    assert can.complete and can.request_changes
    assert not can.cancel and not can.start
