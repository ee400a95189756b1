"""Link previews: every public page carries schema.org JSON-LD and Open Graph tags."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from pyld import jsonld

from missions.tests.factories import MissionFactory
from quickhelp.tests.factories import PublicAnswerFactory

SCHEMA = "https://schema.org/"


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.og: dict[str, str] = {}
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("property") or "").startswith("og:"):
            self.og[attributes["property"]] = attributes.get("content") or ""
        if tag == "script" and attributes.get("type") == "application/ld+json":
            self._script = attributes

    def handle_data(self, data):
        if self._script is not None:
            self.scripts.append((self._script, data))
            self._script = None


def _offline_loader(url, options=None):
    """schema.org's context, without the network: every term is in its vocabulary."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org")
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def _previews(response) -> tuple[dict, dict, list]:
    assert response.status_code == 200
    head = _Head()
    head.feed(response.text)
    assert len(head.scripts) == 1, "one JSON-LD document"
    attributes, text = head.scripts[0]
    assert attributes.get("nonce"), "the script carries the CSP nonce"
    document = json.loads(text)
    expanded = jsonld.expand(document, {"documentLoader": _offline_loader})
    return head.og, document, expanded


def _types(expanded) -> list[str]:
    return [t for node in expanded for t in node.get("@type", [])]


def _check_og(og: dict, title: str, path: str):
    for tag in ("og:type", "og:site_name", "og:title", "og:description", "og:url"):
        assert og.get(tag), tag
    assert title in og["og:title"]
    assert og["og:url"] == "http://testserver" + path


@pytest.mark.django_db
def test_a_mission_page_describes_an_event_organised_by_its_association(client, association):
    mission = MissionFactory(organization=association)
    path = reverse("missions:detail", args=[mission.pk])

    og, document, expanded = _previews(client.get(path))

    _check_og(og, mission.title, path)
    assert _types(expanded) == [SCHEMA + "Event"]
    assert document["name"] == mission.title
    assert document["url"] == "http://testserver" + path
    assert document["location"]["@type"] in ("VirtualLocation", "Place")
    assert document["organizer"]["@type"] == "Organization"
    assert document["organizer"]["name"] == association.name
    assert document["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"  # remote
    assert "startDate" in document


@pytest.mark.django_db
def test_an_association_page_describes_an_organisation(client, association):
    path = reverse("organizations:detail", args=[association.slug])

    og, document, expanded = _previews(client.get(path))

    _check_og(og, association.name, path)
    assert _types(expanded) == [SCHEMA + "NGO"]  # an Organization in schema.org
    assert document["name"] == association.name
    assert document["url"] == "http://testserver" + path


@pytest.mark.django_db
def test_a_published_answer_is_a_question_and_answer_page(client):
    public = PublicAnswerFactory()
    path = reverse("quickhelp:answer", args=[public.slug])

    og, document, expanded = _previews(client.get(path))

    _check_og(og, public.title, path)
    assert _types(expanded) == [SCHEMA + "QAPage"]
    question = document["mainEntity"]
    assert question["@type"] == "Question"
    assert question["name"] == public.title
    assert question["answerCount"] == 1
    assert question["acceptedAnswer"]["@type"] == "Answer"
    assert question["acceptedAnswer"]["text"] == public.answer


@pytest.mark.django_db
def test_json_ld_cannot_close_its_script(client, association):
    mission = MissionFactory(organization=association, title="</script><b>Logo</b> & co")

    response = client.get(reverse("missions:detail", args=[mission.pk]))

    ld = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', response.text, re.S)
    assert ld and "<" not in ld.group(1)
    assert json.loads(ld.group(1))["name"] == mission.title
