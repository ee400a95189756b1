"""The moderators' queue: what waits, oldest first, at a constant number of queries."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from missions.models import Status
from moderation.models import Report
from moderation.tests.factories import MissionFactory, PendingAssociationFactory, ReportFactory
from organizations.models import Organization


def test_the_queue_lists_what_waits_and_leaves_out_what_is_done(client, staff, association):
    old = PendingAssociationFactory(name="Les Anciens du Rail", siren="732829321")
    Organization.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=9))
    PendingAssociationFactory(name="Chorale du Lavoir")
    MissionFactory(title="Logo de la chorale", organization=old)
    MissionFactory(title="Site déjà publié", status=Status.OPEN)
    ReportFactory(details="Stage déguisé")
    ReportFactory(details="Déjà traité", resolved_at=timezone.now())
    client.force_login(staff)

    response = client.get(reverse("moderation:queue"))

    text = response.text
    assert "2 organisations à vérifier" in text
    assert text.index("Les Anciens du Rail") < text.index("Chorale du Lavoir")
    assert association.name not in text  # verified already
    assert "format incorrect" in text  # the wrong SIREN key
    assert "1 mission à valider" in text and "Logo de la chorale" in text
    assert "Site déjà publié" not in text
    assert "1 signalement ouvert" in text and "Stage déguisé" in text
    assert "Déjà traité" not in text


def test_an_empty_queue_says_so(client, staff):
    client.force_login(staff)

    response = client.get(reverse("moderation:queue"))

    assert "Aucune organisation n’attend de vérification." in response.text
    assert "Aucune mission n’attend de validation." in response.text
    assert "Aucun signalement ouvert." in response.text


def fill(n: int) -> None:
    for _ in range(n):
        organization = PendingAssociationFactory(siren="732829320")
        MissionFactory(organization=organization)
        ReportFactory(mission=None, organization=organization)
        ReportFactory()


def queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("moderation:queue")).status_code == 200
    return len(queries)


def test_the_queue_costs_the_same_number_of_queries_whatever_its_length(
    client, staff, django_assert_max_num_queries
):
    client.force_login(staff)
    fill(5)
    with_five = queue_queries(client)
    fill(15)

    # Session and user, a count and a page for each of the three lists, and the header.
    with django_assert_max_num_queries(with_five):
        response = client.get(reverse("moderation:queue"))

    assert with_five <= 12  # includes the header counts (messages, notifications)
    assert response.text.count('class="moderation-item"') == 3 * 20  # full pages
    assert Report.objects.count() == 40


def test_long_lists_are_paginated(client, staff):
    for _ in range(21):
        PendingAssociationFactory()
    client.force_login(staff)

    first = client.get(reverse("moderation:queue"))
    second = client.get(reverse("moderation:queue") + "?organizations_page=2")

    assert "Page 1 sur 2" in first.text
    assert "?organizations_page=2" in first.text
    assert second.text.count('class="moderation-item"') == 1


def test_turning_one_list_s_page_keeps_the_other_lists_page(client, staff):
    PendingAssociationFactory.create_batch(21)
    MissionFactory.create_batch(21)
    client.force_login(staff)

    page = client.get(reverse("moderation:queue"), {"organizations_page": 2}).text

    # The missions' next page keeps the organizations on their second page, and back.
    assert 'href="?organizations_page=2&amp;missions_page=2"' in page
    assert 'href="?organizations_page=1"' in page
