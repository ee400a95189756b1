"""A double click on « Démarrer la mission »: the mission starts once, nobody sees a 403."""

from django.urls import reverse

from missions import services
from missions.models import Mission, MissionEvent, Status
from notifications.models import Notification

from .test_lifecycle import confirmed_agreement


def test_a_second_click_on_start_says_the_mission_has_started(client, martine, yacine, mission):
    agreement = confirmed_agreement(mission)
    client.force_login(yacine)
    url = reverse("missions:transition", args=[mission.pk])

    first = client.post(url, {"target": "in_progress"})
    second = client.post(url, {"target": "in_progress"})

    assert first.status_code == 302
    assert second.status_code == 302
    assert second["Location"] == reverse("missions:detail", args=[mission.pk])
    page = client.get(second["Location"])
    assert "La mission a déjà démarré." in page.text
    assert MissionEvent.objects.filter(to_status=Status.IN_PROGRESS).count() == 1
    volunteer = agreement.application.volunteer
    assert Notification.objects.filter(kind="mission_started", user=volunteer).count() == 1


def test_two_clicks_that_cross_start_the_mission_once(martine, yacine, mission):
    # Both requests read the mission while it was open; the second one moves second.
    confirmed_agreement(mission)
    seen_by_second = Mission.objects.get(pk=mission.pk)
    services.mission_change_state(mission=mission, target=Status.IN_PROGRESS, by=martine)

    try:
        services.mission_change_state(mission=seen_by_second, target=Status.IN_PROGRESS, by=yacine)
    except services.AlreadyDone as done:
        assert str(done) == "La mission a déjà démarré."
    else:
        raise AssertionError("the second start was not noticed")
    assert MissionEvent.objects.filter(to_status=Status.IN_PROGRESS).count() == 1


def test_outsiders_still_get_a_refusal(client, bruno, mission):
    confirmed_agreement(mission)
    Mission.objects.filter(pk=mission.pk).update(status=Status.IN_PROGRESS)
    client.force_login(bruno)

    response = client.post(
        reverse("missions:transition", args=[mission.pk]), {"target": "in_progress"}
    )

    assert response.status_code in (403, 404)
