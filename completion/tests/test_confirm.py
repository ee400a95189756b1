"""Martine looks at the work: she confirms the end with the hours, or asks for changes."""

import pytest
from django.urls import reverse

from completion.models import Completion
from completion.signals import engagement_completed
from missions.models import MissionEvent, Status
from notifications.models import Notification

from .factories import engagement as make_engagement


@pytest.fixture
def delivered(client, engagement, lea):
    client.force_login(lea)
    client.post(
        reverse("completion:deliver", args=[engagement.pk]),
        {"links": "https://exemple.fr/logo", "hours": "12", "note": "Voici le logo."},
    )
    client.logout()
    return engagement


@pytest.fixture
def received(django_capture_on_commit_callbacks):
    """What `engagement_completed` receivers get, once the transaction commits."""
    calls = []

    def receiver(sender, application, **kwargs):
        calls.append(application.pk)

    engagement_completed.connect(receiver, dispatch_uid="test-receiver")
    yield calls
    engagement_completed.disconnect(dispatch_uid="test-receiver")


def test_the_association_sees_the_work_and_the_proposed_hours(client, delivered, martine):
    client.force_login(martine)

    response = client.get(reverse("completion:detail", args=[delivered.pk]))

    assert "https://exemple.fr/logo" in response.text
    assert "Voici le logo." in response.text
    assert 'name="hours" value="12"' in response.text
    assert "Confirmer la fin de la mission" in response.text


def test_confirming_records_the_hours_completes_the_mission_and_signals_it(
    client, commit, delivered, martine, lea, received
):
    client.force_login(martine)

    response = commit(
        client.post, reverse("completion:confirm", args=[delivered.pk]), {"hours": "14"}
    )

    assert response.url == reverse("completion:review", args=[delivered.pk])
    completion = Completion.objects.get()
    assert completion.status == Completion.Status.COMPLETED
    assert (completion.proposed_hours, completion.confirmed_hours) == (12, 14)
    assert completion.completed_by == martine and completion.completed_at is not None
    delivered.mission.refresh_from_db()
    assert delivered.mission.status == Status.COMPLETED
    assert MissionEvent.objects.filter(to_status=Status.COMPLETED, by=martine).exists()
    assert received == [delivered.pk]
    told = Notification.objects.get(kind="engagement_completed")
    assert told.user == lea and "14 heures de bénévolat sont reconnues" in told.body


def test_hours_must_be_a_sensible_number(client, delivered, martine):
    client.force_login(martine)

    response = client.post(reverse("completion:confirm", args=[delivered.pk]), {"hours": "-3"})

    assert response.status_code == 200
    assert "Indiquez au moins 1 heure." in response.text
    assert Completion.objects.get().status == Completion.Status.DELIVERED


def test_nothing_to_confirm_before_the_work_is_handed_over(client, engagement, martine):
    client.force_login(martine)

    response = client.post(
        reverse("completion:confirm", args=[engagement.pk]), {"hours": "3"}, follow=True
    )

    assert "pas encore remis son travail" in response.text
    assert not Completion.objects.exists()


def test_asking_for_changes_sends_the_mission_back_with_the_reason(client, delivered, martine, lea):
    client.force_login(martine)

    client.post(
        reverse("completion:changes", args=[delivered.pk]),
        {"reason": "Pourriez-vous agrandir le nom ?"},
    )

    completion = Completion.objects.get()
    assert completion.status == Completion.Status.CHANGES_REQUESTED
    assert completion.changes_requested_by == martine
    delivered.mission.refresh_from_db()
    assert delivered.mission.status == Status.IN_PROGRESS
    event = MissionEvent.objects.filter(to_status=Status.IN_PROGRESS).last()
    assert event.by == martine and event.reason == "Pourriez-vous agrandir le nom ?"
    told = Notification.objects.get(kind="changes_requested")
    assert told.user == lea and "Pourriez-vous agrandir le nom ?" in told.body

    # Léa reads the request, hands over again: delivered once more.
    client.force_login(lea)
    response = client.get(reverse("completion:detail", args=[delivered.pk]))
    assert "Pourriez-vous agrandir le nom ?" in response.text
    assert "Remettre mon travail corrigé" in response.text
    client.post(
        reverse("completion:deliver", args=[delivered.pk]),
        {"links": "https://exemple.fr/logo-v2", "hours": "13"},
    )
    completion.refresh_from_db()
    assert completion.status == Completion.Status.DELIVERED
    assert completion.deliverables.count() == 2
    delivered.mission.refresh_from_db()
    assert delivered.mission.status == Status.DELIVERED


def test_asking_for_changes_needs_a_reason(client, delivered, martine):
    client.force_login(martine)

    response = client.post(reverse("completion:changes", args=[delivered.pk]), {"reason": " "})

    assert "Dites ce qu’il faudrait changer." in response.text
    assert Completion.objects.get().status == Completion.Status.DELIVERED


def test_a_team_mission_completes_when_the_last_engagement_is_confirmed(
    client, mission, lea, lea_profile, karim, martine
):
    mission.team_size = 2
    mission.save()
    first = make_engagement(mission=mission, volunteer=lea)
    second = make_engagement(mission=mission, volunteer=karim)
    for person, application in ((lea, first), (karim, second)):
        client.force_login(person)
        client.post(
            reverse("completion:deliver", args=[application.pk]), {"note": "Fini", "hours": "5"}
        )
    client.force_login(martine)

    client.post(reverse("completion:confirm", args=[first.pk]), {"hours": "5"})
    mission.refresh_from_db()
    assert mission.status == Status.DELIVERED

    client.post(reverse("completion:confirm", args=[second.pk]), {"hours": "6"})
    mission.refresh_from_db()
    assert mission.status == Status.COMPLETED


def test_the_mission_page_button_ends_every_engagement_of_the_team(
    client, commit, mission, lea, lea_profile, karim, yacine, received
):
    mission.team_size = 2
    mission.save()
    first = make_engagement(mission=mission, volunteer=lea)
    second = make_engagement(mission=mission, volunteer=karim, hours=9)
    client.force_login(lea)
    client.post(reverse("completion:deliver", args=[first.pk]), {"note": "Fini", "hours": "11"})
    # Karim worked on site and never used the delivery page; Yacine marks the mission
    # delivered, then confirms its end from the mission page.
    client.force_login(yacine)
    url = reverse("missions:transition", args=[mission.pk])
    client.post(url, {"target": "delivered"})

    commit(client.post, url, {"target": "completed"})

    mission.refresh_from_db()
    assert mission.status == Status.COMPLETED
    hours = dict(Completion.objects.values_list("application__volunteer__email", "confirmed_hours"))
    assert hours == {lea.email: 11, karim.email: 9}  # proposed, else the agreement's
    assert sorted(received) == sorted([first.pk, second.pk])
    assert MissionEvent.objects.filter(to_status=Status.COMPLETED).count() == 1


def test_the_mission_page_changes_button_sends_back_every_delivery(client, delivered, yacine, lea):
    client.force_login(yacine)

    client.post(
        reverse("missions:transition", args=[delivered.mission.pk]),
        {"target": "in_progress", "reason": "Les couleurs ne vont pas."},
    )

    completion = Completion.objects.get()
    assert completion.status == Completion.Status.CHANGES_REQUESTED
    assert completion.changes_requested == "Les couleurs ne vont pas."
    assert Notification.objects.get(kind="changes_requested").user == lea
