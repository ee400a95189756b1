"""Verifying or refusing an association: the admins hear the decision and its reason."""

from django.core import mail
from django.urls import reverse

from missions.models import MissionEvent, Status
from moderation.tests.factories import MissionFactory, PendingAssociationFactory
from notifications.models import Notification
from organizations.tests.factories import MembershipFactory


def decide(client, commit, organization, **data):
    return commit(client.post, reverse("moderation:organization", args=[organization.slug]), data)


def test_the_page_shows_the_numbers_with_their_format_check_and_the_directory_link(client, staff):
    organization = PendingAssociationFactory(rna="W751234567", siren="732829320")
    client.force_login(staff)

    response = client.get(reverse("moderation:organization", args=[organization.slug]))

    assert "W751234567" in response.text
    assert "732829320" in response.text
    assert "format correct" in response.text
    assert 'href="https://annuaire-entreprises.data.gouv.fr/entreprise/732829320"' in response.text
    assert "Membres sur A-lasso" in response.text


def test_a_siren_with_a_wrong_key_is_flagged_and_not_linked(client, staff):
    organization = PendingAssociationFactory(rna="", siren="732829321")
    client.force_login(staff)

    response = client.get(reverse("moderation:organization", args=[organization.slug]))

    assert "format incorrect" in response.text
    assert "un chiffre est sans doute mal recopié" in response.text
    assert "annuaire-entreprises.data.gouv.fr/entreprise/" not in response.text


def test_verifying_tells_the_admins_and_records_who_and_when(client, commit, staff, martine):
    organization = PendingAssociationFactory(admin=martine)
    member = MembershipFactory(organization=organization, role="member").user
    client.force_login(staff)

    response = decide(client, commit, organization, decision="verify", note="Bienvenue !")

    assert response.status_code == 302
    assert response.url == reverse("moderation:queue")
    organization.refresh_from_db()
    assert organization.verification == "verified"
    assert organization.verified_by == staff
    assert organization.verified_at is not None
    assert organization.verification_note == "Bienvenue !"
    assert [m.to for m in mail.outbox] == [[martine.email]]
    assert not Notification.objects.filter(user=member).exists()


def test_refusing_needs_a_reason(client, commit, staff):
    organization = PendingAssociationFactory()
    client.force_login(staff)

    response = decide(client, commit, organization, decision="reject", note="  ")

    assert response.status_code == 200
    assert "Expliquez à l’association pourquoi elle est refusée" in response.text
    organization.refresh_from_db()
    assert organization.verification == "pending"
    assert mail.outbox == []


def test_refusing_sends_the_reason_to_the_admins(client, commit, staff, martine):
    organization = PendingAssociationFactory(admin=martine)
    client.force_login(staff)
    reason = "Le numéro RNA ne correspond pas au nom de l’association."

    decide(client, commit, organization, decision="reject", note=reason)

    organization.refresh_from_db()
    assert organization.verification == "rejected"
    assert organization.verification_note == reason
    (message,) = mail.outbox
    assert message.to == [martine.email]
    assert reason in message.body


def test_verifying_publishes_the_missions_that_waited(client, commit, staff, martine):
    organization = PendingAssociationFactory(admin=martine)
    waiting = MissionFactory.create_batch(2, organization=organization, status=Status.SUBMITTED)
    draft = MissionFactory(organization=organization, status=Status.DRAFT)
    client.force_login(staff)

    response = decide(client, commit, organization, decision="verify", note="")

    for mission in waiting:
        mission.refresh_from_db()
        assert mission.status == Status.OPEN
        assert mission.published_at is not None
        assert MissionEvent.objects.get(mission=mission).by == staff
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    # One e-mail for the verification, one per mission published.
    assert len(mail.outbox) == 3
    assert "2 missions en attente ont été publiées" in client.get(response.url).text


def test_refusing_leaves_the_waiting_missions_in_the_queue(client, commit, staff):
    organization = PendingAssociationFactory()
    mission = MissionFactory(organization=organization, status=Status.SUBMITTED)
    client.force_login(staff)

    decide(client, commit, organization, decision="reject", note="Numéro introuvable.")

    mission.refresh_from_db()
    assert mission.status == Status.SUBMITTED
