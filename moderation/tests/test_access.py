"""Only the A-lasso team moderates: every moderation page, as each member of the cast."""

import pytest
from django.urls import reverse

from moderation.tests.factories import MissionFactory, PendingAssociationFactory, ReportFactory


@pytest.fixture
def urls(db):
    organization = PendingAssociationFactory(name="Amicale des Boulistes")
    mission = MissionFactory(organization=organization)
    report = ReportFactory()
    return [
        reverse("moderation:queue"),
        reverse("moderation:organization", args=[organization.slug]),
        reverse("moderation:mission", args=[mission.pk]),
        reverse("moderation:report_detail", args=[report.pk]),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, urls):
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("accounts:login")), url


@pytest.mark.parametrize("who", ["lea", "martine", "yacine", "bruno"])
def test_people_who_are_not_staff_are_refused(client, urls, request, association, who):
    client.force_login(request.getfixturevalue(who))
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"decision": "verify", "action": "resolve"}).status_code == 403


def test_staff_see_every_moderation_page(client, urls, staff):
    client.force_login(staff)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_unknown_things_are_not_found(client, staff, db):
    client.force_login(staff)
    assert client.get(reverse("moderation:organization", args=["nope"])).status_code == 404
    assert client.get(reverse("moderation:mission", args=[999])).status_code == 404
    assert client.get(reverse("moderation:report_detail", args=[999])).status_code == 404


def test_the_header_shows_moderation_to_staff_only(client, staff, lea):
    client.force_login(lea)
    assert reverse("moderation:queue") not in client.get(reverse("accounts:account")).text

    client.force_login(staff)
    response = client.get(reverse("accounts:account"))
    assert f'href="{reverse("moderation:queue")}">Modération</a>' in response.text


def test_the_report_form_needs_an_account(client, db):
    mission = MissionFactory(status="open")
    url = reverse("moderation:report") + f"?mission={mission.pk}"

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
