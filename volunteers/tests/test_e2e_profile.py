"""In Chromium: filling in the profile without JavaScript tricks, and axe finds nothing wrong
on the form (folded, unfolded, with errors) or on the profile page, on a phone and a desktop."""

import pytest

from conftest import WIDTHS, axe_violations
from volunteers.models import VolunteerProfile

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _shipped(shipped_data):
    pass


def assert_no_violations(page, what: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{what}: {violations}"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_student_fills_in_her_profile_and_every_state_is_accessible(new_page, width, lea):
    page = new_page(width, user=lea)
    page.goto("/profile/")
    assert_no_violations(page, "empty profile form")
    no_sideways_scroll = "document.documentElement.scrollWidth <= window.innerWidth"
    assert page.evaluate(no_sideways_scroll)

    # A first try with a mistake: the error is shown, the chosen level is kept.
    page.locator("summary", has_text="Graphisme").click()
    page.get_by_role("group", name="Figma").get_by_label("expert·e").check()
    page.get_by_label("Heures disponibles par semaine").fill("0")
    page.get_by_role("button", name="Enregistrer mon profil").click()
    page.get_by_role("alert").wait_for()
    assert page.get_by_role("group", name="Figma").get_by_label("expert·e").is_checked()
    assert_no_violations(page, "profile form with errors")

    folded = page.locator("details:not([open]) > summary")
    while folded.count():
        folded.first.click()
    assert page.evaluate(no_sideways_scroll)
    assert_no_violations(page, "profile form, every domain open")

    page.get_by_label("Heures disponibles par semaine").fill("6")
    page.get_by_label("École ou université").fill("École de design de Nantes")
    page.get_by_label("Formation").fill("Design graphique")
    page.get_by_label("Votre commune").fill("Nantes")
    page.get_by_label("Culture").check()
    page.get_by_role("button", name="Enregistrer mon profil").click()
    page.get_by_text("Votre profil de bénévole est enregistré").wait_for()
    profile = VolunteerProfile.objects.get(user=lea)
    assert profile.commune_id == "44109"
    assert list(profile.skills.values_list("skill__slug", "level")) == [("figma", 3)]

    page.goto(f"/volunteers/{lea.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Léa Martin"
    assert_no_violations(page, "own profile page")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_school_fields_step_aside_for_a_professional(new_page, width, lea):
    page = new_page(width, user=lea)
    page.goto("/profile/")
    assert page.get_by_label("École ou université").is_visible()
    assert not page.get_by_label("Votre entreprise").is_visible()
    page.get_by_label("Salarié·e d’une entreprise").check()
    assert not page.get_by_label("École ou université").is_visible()
    assert page.get_by_label("Votre entreprise").is_visible()
