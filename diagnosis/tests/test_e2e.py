"""In Chromium, at 360 and 1280 px: a volunteer takes the diagnosis, saves halfway, resumes,
sees the chart and the plan, and turns the first step into a mission; every page passes axe."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import WIDTHS, axe_violations
from diagnosis.models import Diagnosis
from diagnosis.services import diagnosis_start
from diagnosis.tests.helpers import answer_all
from missions.models import Mission, Status

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


def answer_screen(page, picks: dict[str, str] | None = None) -> None:
    """Tick an answer to every question of the screen: `picks` by question, else the
    second answer (a middling one)."""
    picks = picks or {}
    for fieldset in page.locator("fieldset").all():
        question = fieldset.locator("legend").inner_text()
        if question in picks:
            fieldset.get_by_label(picks[question], exact=True).check()
        else:
            fieldset.locator("input[type=radio]").nth(1).check()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_martine_takes_the_diagnosis_and_creates_the_first_mission_in_one_click(
    new_page, width, martine, association
):
    page = browser_page(new_page, width, user=martine)

    page.goto("/")
    offer = "Faire le point sur le numérique de votre association (5 minutes)"
    expect(page.get_by_role("heading", name=offer)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Commencer le questionnaire").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Communication et visibilité")
    expect(page.get_by_text("Étape 1 sur 6")).to_be_visible()
    page.get_by_role(
        "button", name="Continuer", exact=True
    ).click()  # nothing ticked: told, not lost
    expect(page.get_by_text("Choisissez une réponse, même approximative.").first).to_be_visible()
    assert_accessible(page)
    answer_screen(
        page,
        {
            "Votre association a-t-elle un site internet\u00a0?": "Non",
            "Publiez-vous des nouvelles sur les réseaux sociaux\u00a0?": "Non, nous n’y sommes pas",
        },
    )
    page.get_by_role("button", name="Continuer", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Adhésions, dons et événements")
    answer_screen(page)
    assert_accessible(page)
    page.get_by_role("button", name="Continuer", exact=True).click()

    # Halfway: saved, and picked up again later from the diagnosis page.
    expect(page.get_by_text("Étape 3 sur 6")).to_be_visible()
    page.get_by_role("button", name="Enregistrer et continuer plus tard").click()
    expect(page.get_by_role("status")).to_contain_text("Vos réponses sont enregistrées")
    assert_accessible(page)
    page.get_by_role("link", name="Reprendre à l’étape 3").click()

    for number, title in [
        (3, "Gestion au quotidien"),
        (4, "Travailler ensemble"),
        (5, "Les bénévoles et le numérique"),
        (6, "Matériel et protection des données"),
    ]:
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.get_by_text(f"Étape {number} sur 6")).to_be_visible()
        answer_screen(page)
        assert_accessible(page)
        label = "Voir mes résultats" if number == 6 else "Continuer"
        page.get_by_role("button", name=label, exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Le numérique dans votre association")
    chart = page.get_by_role("img", name="Vos scores sur 100, domaine par domaine")
    expect(chart).to_be_visible()
    expect(
        page.get_by_role("heading", name=re.compile("^Communication et visibilité : "))
    ).to_be_visible()
    steps = page.locator(".diag-step")
    expect(steps).to_have_count(3)
    first = "Étape 1 : Page sur les réseaux sociaux et calendrier de publications sur 3 mois"
    expect(steps.first.get_by_role("heading", level=3)).to_have_text(first)
    expect(steps.first).to_contain_text("Votre association n’est pas présente sur les réseaux")
    assert_accessible(page)
    diagnosis = Diagnosis.objects.get()
    assert diagnosis.completed_at is not None and diagnosis.scores["communication"] < 40

    # One click on the first step: the mission is written from the answers, ready to send.
    steps.first.get_by_role("button", name=re.compile("^Créer cette mission")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quand et où")
    expect(page.get_by_role("status")).to_contain_text("Votre mission est prête")
    expect(
        page.get_by_text("« Votre association n’est pas présente sur les réseaux")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Envoyer ma mission").click()

    expect(page.get_by_role("status")).to_contain_text("Votre mission est en ligne")
    mission = Mission.objects.get()
    assert mission.template.slug == "social-media-calendar"
    assert mission.organization == association
    assert mission.status == Status.OPEN

    # Back on the results, the plan shows the step done; a second click makes nothing new.
    page.goto(f"/diagnosis/{association.slug}/{diagnosis.pk}/")
    expect(page.locator(".diag-step").first).to_contain_text("Fait : mission ouverte")
    assert Mission.objects.count() == 1


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_diagnosis_page_is_accessible(new_page, width, martine, association):
    first = answer_all(association, martine, {"website": "none", "social-media": "none"})
    Diagnosis.objects.filter(pk=first.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=120),
        completed_at=timezone.now() - datetime.timedelta(days=120),
    )
    second = answer_all(association, martine, {"website": "up-to-date"}, default="best")
    diagnosis_start(organization=association, by=martine)  # retaken, nothing answered yet
    page = browser_page(new_page, width, user=martine)
    slug = association.slug

    page.goto(f"/diagnosis/{slug}/")
    expect(page.get_by_role("link", name="Reprendre à l’étape 1")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Reprendre à l’étape 1").click()
    expect(page.get_by_text("Nous avons coché vos réponses du")).to_be_visible()
    expect(page.get_by_label("Oui, et il est à jour")).to_be_checked()
    assert_accessible(page)

    page.goto(f"/diagnosis/{slug}/{second.pk}/")
    expect(page.get_by_text("Le trait : votre score du")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"\+\d+ points depuis la dernière fois")).first
    ).to_be_visible()
    assert_accessible(page)

    page.goto(f"/diagnosis/{slug}/{first.pk}/")
    expect(page.get_by_text("Ce n’est pas votre dernier bilan.")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/diagnosis/{slug}/history/")
    expect(page.get_by_role("link", name=re.compile("^Voir les résultats du"))).to_have_count(2)
    assert_accessible(page)

    page.goto("/")
    expect(page.get_by_role("link", name="Reprendre le questionnaire")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/organizations/{slug}/")
    expect(page.get_by_role("link", name="Reprendre le questionnaire")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_offer_on_a_new_association_page_is_accessible(new_page, width, martine, association):
    page = browser_page(new_page, width, user=martine)

    page.goto(f"/organizations/{association.slug}/")
    expect(
        page.get_by_role(
            "heading", name="Faire le point sur le numérique de votre association (5 minutes)"
        )
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Ne plus me le proposer").click()

    expect(page.get_by_role("status")).to_contain_text("nous ne vous le proposerons plus")
    expect(page.get_by_role("link", name="Faire le point sur le numérique")).to_be_visible()
    assert_accessible(page)
