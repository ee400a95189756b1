"""An organiser creates and publishes an event; anyone sees it once published."""

import datetime

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from challenges.models import DEFAULT_RIGHTS, Event
from organizations.tests.factories import AssociationFactory, MembershipFactory

from .factories import ChallengeFactory, EventFactory

pytestmark = pytest.mark.django_db


def _form(**changes) -> dict:
    today = timezone.localdate()
    data = {
        "title": "Nuit de l’innovation solidaire 2027",
        "description": "Une soirée pour répondre aux besoins des associations.",
        "registration_opens": today.isoformat(),
        "registration_closes": (today + datetime.timedelta(days=10)).isoformat(),
        "kick_off": f"{today + datetime.timedelta(days=12)}T18:00",
        "submission_deadline": f"{today + datetime.timedelta(days=13)}T08:00",
        "judging_on": (today + datetime.timedelta(days=13)).isoformat(),
        "results_on": (today + datetime.timedelta(days=14)).isoformat(),
        "place": "École de design, Nantes",
        "capacity": "150",
        "team_min": "2",
        "team_max": "5",
        "teams_per_challenge": "3",
        "rules": "Des équipes de 2 à 5, un jury.",
        "rights": str(DEFAULT_RIGHTS),
        "code_of_conduct": "Soyons bienveillants.",
    }
    return {**data, **changes}


def test_an_organiser_creates_a_draft_then_publishes_it(client, school, sophie):
    client.force_login(sophie)
    page = client.get(f"/challenges/new/{school.slug}/")
    assert "Les étudiant·es gardent tous leurs droits" in page.content.decode()
    response = client.post(f"/challenges/new/{school.slug}/", _form())
    event = Event.objects.get()
    assert response.url == f"/challenges/{event.pk}/"
    assert event.status == "draft" and event.organiser == school and event.created_by == sophie
    # A draft is the organiser's alone.
    client.logout()
    assert client.get(f"/challenges/{event.pk}/").status_code == 404
    client.force_login(sophie)
    response = client.post(f"/challenges/{event.pk}/step/publish/")
    event.refresh_from_db()
    assert event.status == "published"
    assert list(
        AuditEvent.objects.filter(object_id=event.pk).order_by("pk").values_list("verb", flat=True)
    ) == ["event.created", "event.published"]
    client.logout()
    page = client.get(f"/challenges/{event.pk}/").content.decode()
    assert "Nuit de l’innovation solidaire 2027" in page
    assert "M’inscrire" in page or "Me connecter pour m’inscrire" in page


def test_publishing_with_dates_out_of_order_is_refused_with_the_words(client, school, sophie):
    event = EventFactory(organiser=school, status="draft")
    event.results_on = event.registration_opens
    event.save()
    client.force_login(sophie)
    response = client.post(f"/challenges/{event.pk}/step/publish/", follow=True)
    assert "les dates ne se suivent pas" in response.content.decode()
    event.refresh_from_db()
    assert event.status == "draft"


def test_the_form_asks_for_a_place_or_online(client, school, sophie):
    client.force_login(sophie)
    response = client.post(f"/challenges/new/{school.slug}/", _form(place=""))
    assert "Indiquez le lieu, ou cochez « en ligne »." in response.content.decode()
    response = client.post(f"/challenges/new/{school.slug}/", _form(place="", is_online="on"))
    assert response.status_code == 302


def test_a_company_or_an_unverified_organisation_does_not_organise(client, ines):
    for org in (
        AssociationFactory(kind="company", verified=True),
        AssociationFactory(verified=False),
    ):
        MembershipFactory(organization=org, user=ines)
        client.force_login(ines)
        assert client.get(f"/challenges/new/{org.slug}/").status_code == 404


def test_an_event_that_has_started_is_no_longer_edited(client, event, sophie):
    Event.objects.filter(pk=event.pk).update(status="running")
    client.force_login(sophie)
    response = client.get(f"/challenges/{event.pk}/edit/")
    assert response.status_code == 302


def test_the_organiser_edits_a_published_event(client, event, sophie):
    client.force_login(sophie)
    data = _form(title="Nuit renommée")
    response = client.post(f"/challenges/{event.pk}/edit/", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Nuit renommée"


def _events(n: int) -> None:
    for _ in range(n):
        event = EventFactory()
        ChallengeFactory(event=event)


@pytest.mark.parametrize("count", [3, 15])
def test_the_list_of_upcoming_events_costs_the_same_queries_for_3_or_15(
    client, django_assert_max_num_queries, count
):
    _events(count)
    EventFactory(status="draft", title="Brouillon secret")
    with django_assert_max_num_queries(6):
        page = client.get("/challenges/").content.decode()
    assert page.count("sch-item-title") == count
    assert "Brouillon secret" not in page


def test_the_list_of_upcoming_events_is_paginated(client):
    for _ in range(21):
        EventFactory()
    page = client.get("/challenges/").content.decode()
    assert page.count("sch-item-title") == 20
    assert "Page 1 sur 2" in page
    assert client.get("/challenges/?page=2").content.decode().count("sch-item-title") == 1
