"""An agent, on a phone with JavaScript off, goes from her home to her territory's
dashboard, chooses a quarter with the plain form, and downloads a table and the report."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from missions.models import Status
from missions.tests.factories import MissionFactory
from organizations.tests.factories import AssociationFactory
from territories.period import QUARTER_CHOICES

from .scene import build

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_agent_chooses_a_quarter_and_downloads_its_figures_without_javascript(
    shipped_data, new_page
):
    scene = build()
    club = AssociationFactory(
        name="Club de Lyon", commune_id="69123", departement_code="69", region_code="84"
    )
    MissionFactory(organization=club, status=Status.COMPLETED)
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1  # the mission was published today
    agent = new_page("mobile", user=scene["users"]["marc"])
    agent.context.route("**/*.js", lambda route: route.abort())

    agent.goto("/")
    agent.get_by_role("link", name="Tableau de bord du territoire").click()
    expect(agent.get_by_role("heading", level=1)).to_have_text("Tableau de bord du territoire")
    agent.get_by_role("link", name="Choisir une autre période").click()
    agent.get_by_label("Un trimestre").check()
    agent.get_by_label(re.compile(r"^Trimestre")).select_option(str(quarter))
    agent.get_by_label(re.compile(r"^Année")).select_option(str(today.year))
    agent.get_by_role("button", name="Afficher cette période").click()

    label = dict(QUARTER_CHOICES)[quarter].split(" (")[0]  # "4e trimestre"
    expect(agent.get_by_role("heading", name=f"Période : {label} {today.year}")).to_be_visible()
    communes = agent.get_by_role("region", name="Par commune : le tableau")
    expect(communes.get_by_role("row", name="Lyon")).to_contain_text("69123")
    with agent.expect_download() as table:
        agent.get_by_role(
            "link", name="Télécharger ce tableau (CSV, pour un tableur) : Par commune"
        ).click()
    assert table.value.suggested_filename.endswith(f"-communes-{today.year}-T{quarter}.csv")
    with agent.expect_download() as report:
        agent.get_by_role("link", name="Télécharger le rapport en PDF").click()
    assert report.value.suggested_filename.endswith(f"-{today.year}-T{quarter}.pdf")
