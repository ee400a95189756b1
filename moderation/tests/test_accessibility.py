"""axe-core finds no violation on the moderation pages, on a phone and on a desktop."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from conftest import WIDTHS, axe_violations
from missions.models import Status
from moderation.tests.factories import MissionFactory, PendingAssociationFactory, ReportFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def assert_no_violations(page, what: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{what}: {violations}"


@pytest.fixture
def pages(db):
    organization = PendingAssociationFactory(
        name="Amicale des Boulistes", siren="732829321", website="https://example.org"
    )
    mission = MissionFactory(organization=organization, deliverables="Une affiche\nUn flyer")
    PendingAssociationFactory(name="Chorale du Lavoir", siren="732829320")
    report = ReportFactory(details="On me demande 35 heures par semaine.")
    return {
        "queue": reverse("moderation:queue"),
        "organization": reverse("moderation:organization", args=[organization.slug]),
        "mission": reverse("moderation:mission", args=[mission.pk]),
        "report": reverse("moderation:report_detail", args=[report.pk]),
    }


# A fresh browser context for each page: axe-core fetches the @import-ed stylesheets again,
# relative to the page (404s), and those parallel requests can end the live server's session.
@pytest.mark.parametrize("width", WIDTHS)
def test_moderation_pages_have_no_accessibility_violation(new_page, width, staff, pages):
    for what, path in pages.items():
        page = new_page(width, user=staff)
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).not_to_have_text("Se connecter")
        assert_no_violations(page, what)


@pytest.mark.parametrize("width", WIDTHS)
def test_decision_forms_with_errors_have_no_accessibility_violation(new_page, width, staff, pages):
    page = new_page(width, user=staff)
    page.goto(pages["organization"])
    page.get_by_label("Refusée : quelque chose ne va pas").check()
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.get_by_role("alert").wait_for()
    assert_no_violations(page, "organization decision with an error")

    page = new_page(width, user=staff)
    page.goto(pages["report"])
    page.get_by_role("button", name="Classer le signalement").click()
    page.get_by_role("alert").wait_for()
    assert_no_violations(page, "report with an error")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_report_form_has_no_accessibility_violation(new_page, width, lea):
    mission = MissionFactory(status=Status.OPEN)
    page = new_page(width, user=lea)
    page.goto(reverse("moderation:report") + f"?mission={mission.pk}")
    assert_no_violations(page, "report form")

    page = new_page(width, user=lea)
    page.goto(reverse("moderation:report") + f"?mission={mission.pk}")
    page.get_by_role("button", name="Envoyer le signalement").click()
    page.get_by_role("alert").wait_for()
    assert_no_violations(page, "report form with an error")


def test_a_moderator_verifies_an_association_from_the_queue(new_page, staff, db):
    PendingAssociationFactory(name="Amicale des Boulistes")
    page = new_page("mobile", user=staff)

    page.goto("/")
    page.get_by_role("link", name="Modération", exact=True).click()
    page.get_by_role("link", name="Amicale des Boulistes").click()
    page.get_by_label("Vérifiée : les informations sont exactes").check()
    page.get_by_role("button", name="Enregistrer la décision").click()

    expect(page.get_by_role("status")).to_contain_text("« Amicale des Boulistes » est vérifiée")
    expect(page.get_by_text("Aucune organisation n’attend de vérification.")).to_be_visible()
