"""The association's part of the home page: what waits, and what happens next."""

from django.urls import reverse

from missions.models import Status
from missions.tests.factories import DraftFactory, MissionFactory


def test_a_mission_waiting_for_review_is_shown_with_what_happens_next(client, martine, association):
    MissionFactory(organization=association, status=Status.SUBMITTED)
    DraftFactory(organization=association)
    client.force_login(martine)

    text = client.get(reverse("core:home")).text

    assert "1 mission en attente de validation." in text
    assert "en général sous deux jours ouvrés" in text
    assert "Vous recevrez un message dès qu’elle sera en ligne" in text


def test_two_missions_waiting_are_counted_in_the_plural(client, martine, association):
    MissionFactory.create_batch(2, organization=association, status=Status.SUBMITTED)
    client.force_login(martine)

    text = client.get(reverse("core:home")).text

    assert "2 missions en attente de validation." in text
    assert "dès que chacune sera en ligne" in text


def test_nothing_waiting_says_nothing_about_the_review(client, martine, association):
    MissionFactory(organization=association, status=Status.OPEN)
    client.force_login(martine)

    text = client.get(reverse("core:home")).text

    assert "en attente de validation." not in text
    assert "deux jours ouvrés" not in text
