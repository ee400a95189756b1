"""Every action of each table, tried from every state: allowed where the table says, refused
with words elsewhere."""

import datetime

import pytest
from django.utils import timezone

from challenges.lifecycle import CHALLENGE, EVENT
from challenges.models import Challenge, Event

from .factories import ChallengeFactory, EventFactory

pytestmark = pytest.mark.django_db

# Once registration has closed and the deadline has passed: only the table decides.
LATER = timezone.now() + datetime.timedelta(days=30)

EVENT_ALLOWED = {
    ("draft", "publish"),
    ("published", "start"),
    ("running", "judge"),
    ("judging", "announce"),
    ("results", "close"),
}


@pytest.mark.parametrize("state", Event.Status.values)
@pytest.mark.parametrize("action", EVENT.actions)
def test_each_event_step_is_taken_only_from_its_state(state, action, sophie):
    event = EventFactory.build(status=state)
    refusal = EVENT.refusal(event, action, sophie, is_organiser=True, now=LATER)
    if (state, action) in EVENT_ALLOWED:
        assert refusal == ""
    else:
        assert refusal == "Cette étape n’est pas possible à ce moment de l’événement."


@pytest.mark.parametrize("action", EVENT.actions)
def test_nobody_but_the_organiser_moves_the_event(action, ines):
    state = next(source for source, allowed in EVENT_ALLOWED if allowed == action)
    event = EventFactory.build(status=state)
    assert EVENT.refusal(event, action, ines, is_organiser=False, now=LATER) == (
        "Seule l’équipe qui organise l’événement peut faire cela."
    )


def test_an_event_is_not_published_with_dates_out_of_order(sophie):
    event = EventFactory.build(status="draft")
    event.judging_on = event.registration_opens
    assert EVENT.refusal(event, "publish", sophie, is_organiser=True).startswith(
        "Impossible de publier : les dates ne se suivent pas."
    )


def test_an_event_is_not_published_without_rules(sophie):
    event = EventFactory.build(status="draft", rules="  ")
    assert EVENT.refusal(event, "publish", sophie, is_organiser=True) == (
        "Impossible de publier sans règlement."
    )


def test_an_event_starts_only_once_registration_has_closed(sophie):
    event = EventFactory.build(status="published")
    assert EVENT.refusal(event, "start", sophie, is_organiser=True, now=timezone.now()) == (
        "Les inscriptions sont encore ouvertes : l’événement commence après leur clôture."
    )


def test_judging_does_not_open_before_the_submission_deadline(sophie):
    event = EventFactory.build(status="running")
    assert EVENT.refusal(event, "judge", sophie, is_organiser=True, now=timezone.now()) == (
        "Impossible d’ouvrir la délibération avant la date limite de remise des réponses."
    )


CHALLENGE_ALLOWED = {
    ("submitted", "accept"),
    ("submitted", "decline"),
    ("submitted", "withdraw"),
    ("accepted", "withdraw"),
}


@pytest.mark.parametrize("state", Challenge.Status.values)
@pytest.mark.parametrize("action", CHALLENGE.actions)
def test_each_challenge_action_is_taken_only_from_its_state(state, action, sophie):
    challenge = ChallengeFactory.build(status=state, event=EventFactory.build(status="published"))
    refusal = CHALLENGE.refusal(challenge, action, sophie, is_organiser=True, is_proposer=True)
    if (state, action) in CHALLENGE_ALLOWED:
        assert refusal == ""
    else:
        assert refusal == "Ce défi a déjà reçu une réponse ou a été retiré."


def test_only_the_organiser_accepts_or_declines(ines):
    challenge = ChallengeFactory.build(status="submitted", event=EventFactory.build())
    for action in ("accept", "decline"):
        assert CHALLENGE.refusal(challenge, action, ines, is_organiser=False) == (
            "Seule l’équipe qui organise l’événement retient les défis."
        )


def test_only_its_association_withdraws_a_challenge_and_not_once_the_event_runs(ines):
    challenge = ChallengeFactory.build(status="accepted", event=EventFactory.build())
    assert CHALLENGE.refusal(challenge, "withdraw", ines, is_proposer=False) == (
        "Seuls les membres de l’association peuvent retirer ce défi."
    )
    challenge.event.status = "running"
    assert CHALLENGE.refusal(challenge, "withdraw", ines, is_proposer=True) == (
        "L’événement a commencé : le défi ne peut plus être retiré."
    )
