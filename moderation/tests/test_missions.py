"""Approving or sending back a mission from an association that is not verified yet."""

from django.core import mail
from django.urls import reverse

from missions.models import MissionEvent, Status
from moderation.tests.factories import MissionFactory, PendingAssociationFactory


def decide(client, commit, mission, **data):
    return commit(client.post, reverse("moderation:mission", args=[mission.pk]), data)


def test_the_page_shows_the_mission_and_its_association(client, staff):
    organization = PendingAssociationFactory(name="Amicale des Boulistes")
    mission = MissionFactory(organization=organization, deliverables="Une affiche\nUn flyer")
    client.force_login(staff)

    response = client.get(reverse("moderation:mission", args=[mission.pk]))

    assert mission.title in response.text
    assert "Amicale des Boulistes" in response.text
    assert "Un flyer" in response.text
    assert "Publier la mission" in response.text


def test_approving_publishes_the_mission_and_tells_the_association(client, commit, staff, martine):
    mission = MissionFactory(organization=PendingAssociationFactory(admin=martine))
    client.force_login(staff)

    response = decide(client, commit, mission, decision="approve")

    assert response.url == reverse("moderation:queue")
    mission.refresh_from_db()
    assert mission.status == Status.OPEN
    assert mission.published_at is not None
    event = MissionEvent.objects.get(mission=mission)
    assert (event.from_status, event.to_status, event.by) == ("submitted", "open", staff)
    (message,) = mail.outbox
    assert message.to == [martine.email]
    assert mission.title in message.body


def test_sending_back_needs_a_reason(client, commit, staff):
    mission = MissionFactory(organization=PendingAssociationFactory())
    client.force_login(staff)

    response = decide(client, commit, mission, decision="send_back", reason="")

    assert response.status_code == 200
    assert "Dites à l’association ce qu’elle doit corriger" in response.text
    mission.refresh_from_db()
    assert mission.status == Status.SUBMITTED
    assert mail.outbox == []


def test_sending_back_returns_the_mission_to_draft_with_the_reason(client, commit, staff, martine):
    mission = MissionFactory(organization=PendingAssociationFactory(admin=martine))
    client.force_login(staff)
    reason = "Précisez le format de l’affiche : A3 ou A4 ?"

    decide(client, commit, mission, decision="send_back", reason=reason)

    mission.refresh_from_db()
    assert mission.status == Status.DRAFT
    assert MissionEvent.objects.get(mission=mission).reason == reason
    (message,) = mail.outbox
    assert message.to == [martine.email]
    assert reason in message.body


def test_a_mission_already_decided_cannot_be_decided_again(client, commit, staff):
    mission = MissionFactory(status=Status.OPEN)
    client.force_login(staff)

    page = client.get(reverse("moderation:mission", args=[mission.pk]))
    response = decide(client, commit, mission, decision="send_back", reason="Trop tard")

    assert "n’attend pas de décision" in page.text
    assert response.status_code == 302
    mission.refresh_from_db()
    assert mission.status == Status.OPEN
    assert not MissionEvent.objects.exists()
