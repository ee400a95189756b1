"""In a real browser at 360 px: a volunteer's suggestions, a search with filters, an
association's volunteers to invite — each page checked by axe."""

import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from missions.models import WorkMode
from missions.tests.factories import MissionFactory
from taxonomy.models import Level
from volunteers.tests.factories import VolunteerProfileFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _shipped(shipped_data):
    pass


def browser_page(new_page, **kwargs):
    return new_page("mobile", **kwargs)


def assert_accessible(page) -> None:
    assert axe_violations(page) == [], page.url
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def test_a_volunteer_sees_missions_for_her_then_searches_with_filters(new_page, lea, association):
    VolunteerProfileFactory(
        user=lea,
        commune_id="69123",
        departement_code="69",
        region_code="84",
        skills={"logo": Level.EXPERT, "figma": Level.COMFORTABLE},
    )
    MissionFactory(organization=association, title="Un logo pour les jardins partagés")
    MissionFactory(
        organization=association,
        title="Création d’une vidéo du tournoi",
        skills=["video-editing"],
        effort_hours=40,
    )
    MissionFactory(
        organization=association,
        title="Création d’un logo pour la chorale",
        work_mode=WorkMode.ONSITE,
        commune_id="69123",
        departement_code="69",
        region_code="84",
        effort_hours=8,
    )
    page = browser_page(new_page, user=lea)

    page.goto("/")
    page.get_by_role("link", name="Voir toutes les missions choisies pour vous").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Missions pour vous")
    expect(page.get_by_text("Logo et identité visuelle · à distance · 15 h")).to_be_visible()
    expect(page.get_by_text("Un logo pour les jardins partagés")).to_be_visible()
    expect(page.get_by_text("Création d’une vidéo du tournoi")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Chercher parmi toutes les missions").click()
    page.get_by_label("Mots-clés").fill("creation")
    page.get_by_label("Temps de travail").select_option(label="moins de 10 heures")
    page.get_by_role("button", name="Afficher les missions").click()

    results = page.locator("#results")
    expect(results.get_by_role("link", name="Création d’un logo pour la chorale")).to_be_visible()
    expect(results.get_by_text("Création d’une vidéo du tournoi")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"q=creation.*effort=short"))
    assert_accessible(page)

    page.get_by_label("Afficher d’abord").select_option(
        label="celles qui vous correspondent le mieux"
    )
    expect(page).to_have_url(re.compile(r"sort=match"))
    expect(results.get_by_text("Pour vous :")).to_be_visible()
    assert_accessible(page)


def test_an_association_invites_a_suggested_volunteer(new_page, martine, association):
    mission = MissionFactory(organization=association, title="Un logo pour les jardins")
    VolunteerProfileFactory(user__full_name="Inès Morel", skills={"logo": Level.EXPERT})
    page = browser_page(new_page, user=martine)

    page.goto(f"/missions/{mission.pk}/")
    page.get_by_role("link", name="Trouver des bénévoles à inviter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Des bénévoles qui pourraient vous aider"
    )
    assert_accessible(page)

    page.get_by_text("Inviter Inès").click()
    expect(page.get_by_label("Votre message à Inès")).to_contain_text("Bonjour Inès")
    assert_accessible(page)
    page.get_by_role("button", name="Envoyer l’invitation").click()

    # Her profile is private: the association knows her by her first name until she answers.
    expect(page.get_by_text("Votre invitation est envoyée à Inès.")).to_be_visible()
