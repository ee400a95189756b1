"""Open data: the open missions as CSV and JSON, no personal data, described on a page."""

import csv
import io
import json

import pytest
from django.urls import reverse

from home.management.commands.cron import JOBS
from missions import opendata
from missions.models import Status
from missions.tasks import opendata_tick
from missions.tests.factories import MissionFactory

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_the_files_hold_the_open_missions_only_and_no_personal_data(client, association, martine):
    open_mission = MissionFactory(organization=association, created_by=martine)
    MissionFactory(organization=association, status=Status.SUBMITTED, title="Pas encore publiée")

    assert opendata_tick.call() == {"missions": 1}

    response = client.get(reverse("opendata-file", args=["csv"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = _body(response)
    lines = list(csv.DictReader(io.StringIO(text)))
    assert [line["id"] for line in lines] == [str(open_mission.pk)]
    line = lines[0]
    assert line["title"] == open_mission.title
    assert line["organization_name"] == association.name
    assert line["organization_url"] == f"http://testserver/organizations/{association.slug}/"
    assert list(line) == opendata.COLUMNS
    assert "Pas encore publiée" not in text

    document = json.loads(_body(client.get(reverse("opendata-file", args=["json"]))))
    assert document["licence"]["name"].startswith("Licence Ouverte")
    assert document["count"] == 1
    assert document["missions"][0]["title"] == open_mission.title
    assert set(document["missions"][0]) == set(opendata.COLUMNS)

    for personal in (martine.email, martine.full_name, "email", "created_by"):
        assert personal not in text
        assert personal not in json.dumps(document)


def test_the_files_are_built_on_first_demand_and_by_a_daily_job(client, association):
    MissionFactory(organization=association)

    response = client.get(reverse("opendata-file", args=["json"]))

    assert response.status_code == 200
    assert json.loads(_body(response))["count"] == 1
    assert client.get("/donnees-ouvertes/missions.xml").status_code == 404
    assert [job.every for job in JOBS if job.name == "opendata"] == ["daily"]


def test_the_open_data_page_states_the_licence_and_is_in_the_footer(client):
    response = client.get(reverse("opendata"))

    assert response.status_code == 200
    text = response.text
    assert "Licence Ouverte 2.0" in text
    assert reverse("opendata-file", args=["csv"]) in text
    assert reverse("opendata-file", args=["json"]) in text
    assert "Aucune donnée personnelle" in text
    assert f'href="{reverse("opendata")}"' in client.get("/").text
    assert reverse("opendata") in client.get(reverse("api-docs")).text
