"""The widget: an association's open missions in an <iframe> on its own site."""

import pytest
from django.urls import reverse

from missions.models import Status
from missions.tests.factories import MissionFactory

pytestmark = pytest.mark.django_db


def test_the_widget_lists_the_open_missions_and_may_be_framed(client, association):
    mission = MissionFactory(organization=association)
    MissionFactory(organization=association, status=Status.DRAFT, title="Un brouillon")

    response = client.get(reverse("widget", args=[association.slug]))

    assert response.status_code == 200
    text = response.text
    assert mission.title in text
    assert f"http://testserver/missions/{mission.pk}/" in text
    assert "Un brouillon" not in text
    assert '<base target="_blank">' in text
    assert "X-Frame-Options" not in response.headers
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy
    assert "script-src 'none'" in policy
    assert "<script" not in text


def test_every_other_page_still_refuses_to_be_framed(client, association):
    response = client.get(reverse("organizations:detail", args=[association.slug]))

    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_admin_page_gives_the_snippet_to_copy(client, martine, association):
    client.force_login(martine)

    text = client.get(reverse("organizations:edit", args=[association.slug])).text

    assert "Vos missions sur votre site" in text
    assert (
        f"&lt;iframe src=&quot;http://testserver/associations/{association.slug}/widget/&quot;"
        in text
        or f'&lt;iframe src="http://testserver/associations/{association.slug}/widget/"' in text
    )


def test_an_unknown_association_has_no_widget(client):
    assert client.get("/associations/personne/widget/").status_code == 404
