"""sitemap.xml lists the public pages only; robots.txt keeps the private ones out."""

import xml.etree.ElementTree as ET

import pytest

from missions.models import Status
from missions.tests.factories import MissionFactory
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_sitemap_lists_public_missions_and_associations_only(client, association):
    mission = MissionFactory(organization=association)
    draft = MissionFactory(organization=association, status=Status.DRAFT)
    refused = AssociationFactory(name="Refusée", verification=Organization.Verification.REJECTED)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    places = [loc.text for loc in ET.fromstring(response.content).iter(f"{NS}loc")]
    assert any(place.endswith(f"/missions/{mission.pk}/") for place in places)
    assert not any(place.endswith(f"/missions/{draft.pk}/") for place in places)
    assert any(place.endswith(f"/organizations/{association.slug}/") for place in places)
    assert not any(refused.slug in place for place in places)
    assert not any("/account/" in place for place in places)


def test_robots_keeps_private_pages_out_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    for private in ("/account/", "/messages/", "/applications/", "/staff/"):
        assert f"Disallow: {private}" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
