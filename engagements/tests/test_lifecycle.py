"""The application table, walked: every action from every state, for each side, with the
words the person reads when it is refused."""

from types import SimpleNamespace

import pytest

from engagements import lifecycle
from engagements.lifecycle import APPLICATION, application_refused
from engagements.models import Agreement, Application
from engagements.selectors import Viewer
from missions.models import Mission

from .factories import ApplicationFactory

Status = Application.Status
VOLUNTEER = Viewer(is_volunteer=True, is_member=False, is_staff=False)
MEMBER = Viewer(is_volunteer=False, is_member=True, is_staff=False)
SOMEONE = SimpleNamespace(pk=7)

NOT_YOURS = "Seules les personnes concernées par cette candidature peuvent le faire."
ANSWERED = "Cette candidature a déjà reçu une réponse ; rien n’a été changé."
TOO_LATE = "Cette candidature ne peut plus être retirée."
VOID = "Cette candidature n’est plus acceptée : l’accord n’a plus d’effet."

# (action, state, side) allowed on an open mission with room in its team, the agreement
# not yet confirmed; `None` as side is the system.
ALLOWED = {
    ("accept", Status.PENDING, "member"),
    ("decline", Status.PENDING, "member"),
    ("join", Status.INVITED, "volunteer"),
    ("refuse", Status.INVITED, "volunteer"),
    ("withdraw", Status.PENDING, "volunteer"),
    ("withdraw", Status.ACCEPTED, "volunteer"),
    ("expire", Status.PENDING, None),
    ("confirm_agreement", Status.ACCEPTED, "volunteer"),
    ("confirm_agreement", Status.ACCEPTED, "member"),
}
WRONG_STATE = {
    "accept": ANSWERED,
    "decline": ANSWERED,
    "join": ANSWERED,
    "refuse": ANSWERED,
    "withdraw": TOO_LATE,
    "expire": ANSWERED,
    "confirm_agreement": VOID,
}
SIDES = {"volunteer": VOLUNTEER, "member": MEMBER, None: None}


def _application(status, *, mission_status="open", team_size=2) -> Application:
    mission = Mission(status=mission_status, team_size=team_size)
    application = Application(status=status, mission=mission, volunteer_id=SOMEONE.pk)
    application.agreement = Agreement()
    return application


def _ask(application, action, side, **context):
    viewer = SIDES[side]
    user = None if side is None else SOMEONE
    if viewer is not None:
        context["viewer"] = viewer
    context.setdefault("team", 0)
    return APPLICATION.refusal(application, action, user, **context)


def test_the_table_names_every_state_and_action():
    states = {source for source, _, _ in APPLICATION.edges()}
    states |= {target for _, _, target in APPLICATION.edges()}
    assert states <= set(Status.values)
    assert set(APPLICATION.actions) == set(WRONG_STATE)


@pytest.mark.parametrize("action", sorted(WRONG_STATE))
@pytest.mark.parametrize("state", Status.values)
@pytest.mark.parametrize("side", ["volunteer", "member", None])
def test_every_action_from_every_state(action, state, side):
    refusal = _ask(_application(state), action, side)
    if (action, state, side) in ALLOWED:
        assert refusal == ""
    elif state not in APPLICATION[action].sources:
        assert refusal == WRONG_STATE[action]
    elif action == "expire":
        assert refusal == "Cela se fait tout seul, au bout de 10 jours sans réponse."
    else:
        assert refusal == NOT_YOURS


def test_taking_someone_in_needs_an_open_mission_and_room_in_the_team():
    pending = _application(Status.PENDING, team_size=1)
    assert APPLICATION.refusal(pending, "accept", SOMEONE, viewer=MEMBER, team=1) == (
        "L’équipe est déjà complète : le nombre de bénévoles prévu pour cette mission est atteint."
    )
    closed = _application(Status.PENDING, mission_status="cancelled")
    assert _ask(closed, "accept", "member") == "Cette mission ne reçoit plus de candidatures."
    # Invited to a mission that has started: one may still join a team with room.
    started = _application(Status.INVITED, mission_status="in_progress")
    assert _ask(started, "join", "volunteer") == ""
    full = _application(Status.INVITED, team_size=1)
    assert _ask(full, "join", "volunteer", team=1).startswith("L’équipe est déjà complète")


def test_once_the_work_has_started_leaving_is_a_conversation():
    started = _application(Status.ACCEPTED, mission_status="in_progress")
    assert _ask(started, "withdraw", "volunteer") == TOO_LATE
    assert (
        _ask(_application(Status.PENDING, mission_status="in_progress"), "withdraw", "volunteer")
        == ""
    )


def test_each_side_confirms_the_agreement_once():
    application = _application(Status.ACCEPTED)
    application.agreement.volunteer_confirmed_at = "2026-04-01"
    assert (
        _ask(application, "confirm_agreement", "volunteer") == "Vous avez déjà confirmé cet accord."
    )
    assert _ask(application, "confirm_agreement", "member") == ""
    application.agreement.association_confirmed_at = "2026-04-02"
    assert _ask(application, "confirm_agreement", "member") == (
        "L’association a déjà confirmé cet accord."
    )
    without = Application(status=Status.ACCEPTED, mission=Mission(status="open"), volunteer_id=7)
    assert _ask(without, "confirm_agreement", "volunteer") == (
        "Il n’y a pas d’accord à confirmer pour cette candidature."
    )


def test_can_reads_the_table_for_templates():
    can = APPLICATION.can(_application(Status.PENDING), SOMEONE, viewer=MEMBER, team=0)
    assert can.accept and can.decline and not can.withdraw and not can.join


def test_check_raises_the_refusal_under_its_name():
    full = _application(Status.PENDING, team_size=1)
    with pytest.raises(lifecycle.TeamFull):
        lifecycle.check(full, "accept", SOMEONE, viewer=MEMBER, team=1)
    with pytest.raises(lifecycle.WrongStatus, match="ne peut plus être retirée"):
        lifecycle.check(_application(Status.DECLINED), "withdraw", SOMEONE, viewer=VOLUNTEER)


def application_refusal(mission, volunteer) -> str:
    refused = application_refused(mission, volunteer)
    return "" if refused is None else str(refused)


@pytest.mark.django_db
def test_applying_is_asked_of_one_guard(mission, lea, martine):
    assert application_refusal(mission, lea) == ""
    assert application_refusal(mission, martine) == (
        "Vous faites partie de l’association qui propose cette mission."
    )
    ApplicationFactory(mission=mission, volunteer=lea)
    assert application_refusal(mission, lea) == (
        "Une candidature existe déjà pour cette personne et cette mission."
    )
    mission.status = "cancelled"
    assert application_refusal(mission, lea) == "Cette mission ne reçoit plus de candidatures."
