"""In a real browser, at phone and desktop widths: the journey of a mission, checked by axe."""

import pytest
from playwright.sync_api import expect

from conftest import WIDTHS, axe_violations
from missions.models import Mission, Status
from missions.tests.factories import MissionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _shipped(shipped_data):
    pass


def browser_page(new_page, width: str, **kwargs):
    return new_page(width, **kwargs)


def assert_accessible(page) -> None:
    assert axe_violations(page) == [], page.url
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("width", list(WIDTHS))
def test_martine_describes_a_need_from_a_template_and_publishes_it(
    new_page, width, martine, association
):
    page = browser_page(new_page, width, user=martine)

    page.goto("/missions/new/")
    assert_accessible(page)
    poster = "Choisir ce modèle : Affiche et tract pour un événement"
    page.get_by_role("button", name=poster).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Votre besoin")
    assert_accessible(page)
    page.get_by_label("Votre besoin en quelques mots").fill(
        "Notre loto a lieu le 12 mars à la salle des fêtes. Il nous faut une affiche."
    )
    page.get_by_role("button", name="Continuer", exact=True).click()

    # The template said who and how much: straight to the last screen, which links back.
    expect(page.get_by_role("heading", level=1)).to_have_text("Quand et où")
    page.get_by_role("link", name="Modifier les compétences, le temps ou l’équipe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Qui et combien")
    layout = "Mise en page (affiches, tracts, rapports)"
    expect(page.get_by_role("checkbox", name=layout)).to_be_checked()
    expect(page.get_by_role("checkbox", name="Canva")).to_have_count(0)  # software: not asked
    page.get_by_label(f"Niveau minimum — {layout}").select_option(label="à l’aise")
    assert_accessible(page)
    page.get_by_role("button", name="Continuer", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Quand et où")
    page.get_by_label("Fin souhaitée").fill("2099-03-01")
    expect(page.get_by_text("Notre loto a lieu le 12 mars")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Envoyer ma mission").click()

    expect(page.get_by_role("status")).to_contain_text("Votre mission est en ligne")
    expect(page.get_by_role("heading", level=1)).to_have_text("Affiche et tract pour un événement")
    assert_accessible(page)
    mission = Mission.objects.get()
    assert mission.status == Status.OPEN
    assert mission.required_skills.get(skill__slug="print-layout").min_level == 2


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_list_a_mission_and_my_missions_are_accessible(new_page, width, martine, association):
    mission = MissionFactory(organization=association, title="Un logo pour les Jardins")
    MissionFactory(organization=association, status=Status.DRAFT, title="Brouillon de l’affiche")
    page = browser_page(new_page, width, user=martine)

    page.goto("/missions/")
    expect(page.get_by_role("link", name="Un logo pour les Jardins")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/missions/{mission.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Un logo pour les Jardins")
    page.locator("summary", has_text="Annuler la mission").click()  # unfolds the reason box
    expect(page.get_by_label("Pourquoi ? (facultatif)")).to_be_visible()
    assert_accessible(page)

    page.goto("/missions/mine/")
    expect(page.get_by_role("link", name="Reprendre : Brouillon de l’affiche")).to_be_visible()
    assert_accessible(page)


def test_an_anonymous_visitor_filters_the_list_without_javascript(new_page, association):
    MissionFactory(organization=association, title="Vidéo du tournoi", skills=["video-editing"])
    MissionFactory(organization=association, title="Logo des jardins", skills=["logo"])
    page = browser_page(new_page, "mobile")
    page.context.route("**/*.js", lambda route: route.abort())

    page.goto("/missions/")
    page.get_by_label("Type de compétence").select_option(label="Audiovisuel")
    page.get_by_role("button", name="Afficher les missions").click()

    expect(page.get_by_role("link", name="Vidéo du tournoi")).to_be_visible()
    expect(page.get_by_role("link", name="Logo des jardins")).to_have_count(0)
    assert "domain=audiovisual" in page.url
    assert_accessible(page)
