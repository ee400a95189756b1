"""The Atom feeds of new missions parse with feedparser."""

import feedparser
import pytest

from missions.models import Status
from missions.tests.factories import MissionFactory
from taxonomy.models import SkillDomain

pytestmark = pytest.mark.django_db


def _feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def test_the_site_feed_lists_open_missions_only(client, association):
    mission = MissionFactory(organization=association, title="Un logo pour la chorale")
    MissionFactory(organization=association, status=Status.DRAFT, title="Brouillon")
    parsed = _feed(client, "/feeds/missions.atom")
    assert parsed.version == "atom10"
    assert [entry.title for entry in parsed.entries] == ["Un logo pour la chorale"]
    assert parsed.entries[0].link.endswith(f"/missions/{mission.pk}/")
    assert parsed.entries[0].author == association.name


def test_a_departement_feed_and_a_domain_feed(client, association):
    MissionFactory(organization=association, title="À Paris")
    assert [e.title for e in _feed(client, "/feeds/departements/75.atom").entries] == ["À Paris"]
    assert _feed(client, "/feeds/departements/69.atom").entries == []
    assert "Rhône" in _feed(client, "/feeds/departements/69.atom").feed.title
    assert client.get("/feeds/departements/999.atom").status_code == 404
    mission = MissionFactory(organization=association, title="Un logo")
    domain = mission.required_skills.select_related("skill__domain").first().skill.domain
    titles = [e.title for e in _feed(client, f"/feeds/domains/{domain.slug}.atom").entries]
    assert "Un logo" in titles
    other = SkillDomain.objects.exclude(pk=domain.pk).first()
    assert "Un logo" not in [
        e.title for e in _feed(client, f"/feeds/domains/{other.slug}.atom").entries
    ]
    assert client.get("/feeds/domains/nothing-here.atom").status_code == 404


def test_a_saved_search_is_a_feed_linked_from_the_search_page(client, association):
    MissionFactory(organization=association, title="Un logo pour la chorale")
    MissionFactory(organization=association, title="Une vidéo pour la kermesse")

    page = client.get("/missions/?q=chorale&page=1")

    assert "Suivre cette recherche" in page.text
    assert 'href="/feeds/search.atom?q=chorale"' in page.text
    parsed = _feed(client, "/feeds/search.atom?q=chorale")
    assert [entry.title for entry in parsed.entries] == ["Un logo pour la chorale"]
    assert "chorale" in parsed.feed.title
    assert parsed.feed.link.endswith("/missions/?q=chorale")
    everything = _feed(client, "/feeds/search.atom")
    assert len(everything.entries) == 2
    assert _feed(client, "/feeds/search.atom?effort=nonsense").entries  # a wrong value is dropped
