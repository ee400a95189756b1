"""Associations bring challenges to an event; the organiser accepts or declines them."""

import datetime

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from challenges.models import Challenge, Event
from missions.models import MissionTemplate

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db

NEED = {
    "title": "Faire connaître notre jardin",
    "context": "Nous cherchons de nouveaux jardiniers dans le quartier.",
    "good_answer": "Une affiche et un message pour nos réseaux.",
}


def test_a_member_of_an_association_submits_a_challenge(client, event, association, yacine):
    client.force_login(yacine)
    response = client.post(
        f"/challenges/{event.pk}/propose/", {**NEED, "association": association.pk}
    )
    assert response.url == f"/challenges/{event.pk}/"
    challenge = Challenge.objects.get()
    assert challenge.status == "submitted"
    assert challenge.association == association and challenge.submitted_by == yacine
    # Not shown to everyone before the organiser accepts it; shown to its association.
    page = client.get(f"/challenges/{event.pk}/").content.decode()
    assert "Faire connaître notre jardin" in page and "proposé" in page
    client.logout()
    assert (
        "Faire connaître notre jardin"
        not in client.get(f"/challenges/{event.pk}/").content.decode()
    )


def test_a_mission_template_fills_the_form(client, event, association, yacine):
    template = MissionTemplate.objects.filter(is_active=True).first()
    client.force_login(yacine)
    page = client.get(f"/challenges/{event.pk}/propose/?template={template.slug}")
    assert page.context["form"].initial["title"] == template.title
    client.post(
        f"/challenges/{event.pk}/propose/?template={template.slug}",
        {**NEED, "association": association.pk},
    )
    assert Challenge.objects.get().template == template


def test_no_challenge_once_registration_has_closed(client, event, association, yacine):
    Event.objects.filter(pk=event.pk).update(
        registration_closes=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(yacine)
    response = client.post(
        f"/challenges/{event.pk}/propose/", {**NEED, "association": association.pk}
    )
    assert "Les défis ne se proposent plus" in response.content.decode()
    assert not Challenge.objects.exists()


def test_a_student_without_an_association_cannot_propose(client, event, ines):
    client.force_login(ines)
    assert client.get(f"/challenges/{event.pk}/propose/").status_code == 404


def test_the_organiser_accepts_and_the_challenge_shows_on_the_event_page(
    client, event, association, sophie
):
    challenge = ChallengeFactory(event=event, association=association, status="submitted")
    client.force_login(sophie)
    assert challenge.title in client.get(f"/challenges/{event.pk}/challenges/").content.decode()
    response = client.post(f"/challenges/challenge/{challenge.pk}/accept/")
    assert response.url == f"/challenges/{event.pk}/challenges/"
    challenge.refresh_from_db()
    assert challenge.status == "accepted" and challenge.decided_at is not None
    client.logout()
    assert challenge.title in client.get(f"/challenges/{event.pk}/").content.decode()
    assert AuditEvent.objects.filter(verb="challenge.accepted").exists()


def test_declining_needs_a_reason_which_the_association_reads(
    client, event, association, sophie, yacine
):
    challenge = ChallengeFactory(event=event, association=association, status="submitted")
    client.force_login(sophie)
    response = client.post(f"/challenges/challenge/{challenge.pk}/decline/", follow=True)
    assert "Dites à l’association pourquoi" in response.content.decode()
    challenge.refresh_from_db()
    assert challenge.status == "submitted"
    client.post(
        f"/challenges/challenge/{challenge.pk}/decline/", {"reason": "Trop proche d’un autre défi"}
    )
    challenge.refresh_from_db()
    assert challenge.status == "declined"
    assert challenge.decline_reason == "Trop proche d’un autre défi"
    assert client.get(f"/challenges/{event.pk}/").context["challenges"] == []
    client.force_login(yacine)
    assert "Trop proche d’un autre défi" in client.get(f"/challenges/{event.pk}/").content.decode()
    # Answered once: a second answer is refused with the words.
    client.force_login(sophie)
    response = client.post(f"/challenges/challenge/{challenge.pk}/accept/", follow=True)
    assert "Ce défi a déjà reçu une réponse ou a été retiré." in response.content.decode()


def test_its_association_withdraws_a_challenge(client, event, association, yacine):
    challenge = ChallengeFactory(event=event, association=association, status="accepted")
    client.force_login(yacine)
    client.post(f"/challenges/challenge/{challenge.pk}/withdraw/")
    challenge.refresh_from_db()
    assert challenge.status == "withdrawn"


def test_others_cannot_decide_or_withdraw(client, event, association, yacine, bruno, paul):
    challenge = ChallengeFactory(event=event, association=association, status="submitted")
    for user, action in [(yacine, "accept"), (paul, "accept"), (bruno, "withdraw")]:
        client.force_login(user)
        assert client.post(f"/challenges/challenge/{challenge.pk}/{action}/").status_code == 404
    challenge.refresh_from_db()
    assert challenge.status == "submitted"


@pytest.mark.parametrize("count", [3, 15])
def test_the_review_page_costs_the_same_queries_for_3_or_15(
    client, event, sophie, django_assert_max_num_queries, count
):
    for _ in range(count):
        ChallengeFactory(event=event, status="submitted")
    client.force_login(sophie)
    with django_assert_max_num_queries(9):
        page = client.get(f"/challenges/{event.pk}/challenges/").content.decode()
    assert page.count("sch-item-title") == count


def test_the_organiser_hears_of_a_challenge_and_the_association_of_the_answer(
    client, event, association, martine, yacine, sophie
):
    from notifications.models import Notification

    client.force_login(yacine)
    client.post(f"/challenges/{event.pk}/propose/", {**NEED, "association": association.pk})
    challenge = Challenge.objects.get()
    told = Notification.objects.get(user=sophie)
    assert told.kind == "challenge_submitted"
    client.force_login(sophie)
    client.post(f"/challenges/challenge/{challenge.pk}/decline/", {"reason": "Hors sujet"})
    assert set(
        Notification.objects.filter(kind="challenge_declined").values_list("user", flat=True)
    ) == {martine.pk, yacine.pk}
    client.force_login(yacine)
    page = client.get("/notifications/").content.decode()
    assert "Votre défi n’est pas retenu pour" in page
