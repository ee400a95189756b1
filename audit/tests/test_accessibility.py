"""axe-core finds no violation on the journal, on a phone and on a desktop."""

import pytest
from playwright.sync_api import expect

import audit
from conftest import WIDTHS, axe_violations
from moderation.tests.factories import MissionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_journal_has_no_accessibility_violation_nor_overflow(new_page, width, staff):
    mission = MissionFactory(title="Une affiche pour la fête de quartier de la Croix-Rousse")
    for _ in range(51):  # two pages
        audit.log(
            actor=staff,
            verb="mission.draft",
            target=mission,
            data={"from": "submitted", "reason": "Précisez la date et le lieu de la fête."},
        )
    for path in ("/staff/audit/", f"/staff/audit/?target=missions.mission:{mission.pk}"):
        page = new_page(width, user=staff)
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).not_to_have_text("Se connecter")
        assert axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
