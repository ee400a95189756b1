"""A person's calendar: a secret, revocable iCalendar address of their dates."""

import icalendar
import pytest
from django.urls import reverse

from engagements.models import Application
from engagements.tests.factories import ApplicationFactory
from missions.tests.factories import MissionFactory
from quickhelp.models import Call
from quickhelp.tests.factories import QuestionFactory, slot_in

pytestmark = pytest.mark.django_db


def _address(client) -> str:
    response = client.post(reverse("calendar_create"))
    assert response.status_code == 200
    url = response.context["url"]
    assert url.startswith("http://testserver/calendar/") and url.endswith(".ics")
    return url.removeprefix("http://testserver")


def _events(response) -> dict[str, icalendar.Event]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_holds_mission_dates_deadlines_and_booked_calls(client, lea, association):
    mission = MissionFactory(organization=association)
    ApplicationFactory(mission=mission, volunteer=lea, status=Application.Status.ACCEPTED)
    MissionFactory(organization=association, title="Une mission où Léa n’est pas")
    question = QuestionFactory(organization=association)
    Call.objects.create(
        question=question, helper=lea, starts_at=slot_in(3), video_link="https://visio.test/a"
    )
    client.force_login(lea)
    url = _address(client)
    client.logout()

    events = _events(client.get(url))  # no login: the secret is the key

    dates = events[f"Mission : {mission.title} ({association.name})"]
    assert dates.decoded("dtstart") == mission.start_date
    deadline = events[f"Échéance de la mission : {mission.title}"]
    assert deadline.decoded("dtstart") == mission.end_date
    call = events[f"Coup de main A-lasso : {question.title}"]
    assert call.decoded("dtstart") == slot_in(3)
    assert not [summary for summary in events if "Léa n’est pas" in summary]


def test_revoking_makes_the_old_address_404_and_a_new_one_replaces_it(client, lea):
    client.force_login(lea)
    first = _address(client)
    assert client.get(first).status_code == 200

    second = _address(client)  # a new address replaces the old one
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200

    response = client.post(reverse("calendar_revoke"))
    assert response.status_code == 302
    assert client.get(second).status_code == 404
    assert client.get("/calendar/not-a-secret.ics").status_code == 404


def test_the_account_page_offers_the_calendar_and_a_visitor_cannot_create_one(client, lea):
    assert client.post(reverse("calendar_create")).status_code == 302  # to the login page

    client.force_login(lea)
    page = client.get(reverse("accounts:account")).text
    assert "Créer l’adresse de mon agenda" in page

    _address(client)
    page = client.get(reverse("accounts:account")).text
    assert "Révoquer l’adresse de mon agenda" in page
