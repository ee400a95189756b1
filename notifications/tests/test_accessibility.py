"""axe-core finds nothing on the notifications pages, on a phone and on a desktop."""

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import WIDTHS, axe_violations

from .factories import NotificationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def assert_no_violations(page, what: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{what}: {violations}"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_notifications_pages_have_no_accessibility_violation(new_page, width, lea):
    NotificationFactory(user=lea, title="Votre candidature est acceptée")
    NotificationFactory(user=lea, title="Martine Lefèvre vous a écrit", read_at=timezone.now())
    # A fresh browser context for each page, and axe-core last in it: axe fetches the
    # @import-ed stylesheets again, relative to the page, and those parallel 404s can end the
    # live server's session (see moderation's accessibility tests).
    page = new_page(width, user=lea)
    page.goto(reverse("notifications:list"))
    assert_no_violations(page, "list")

    page = new_page(width, user=lea)
    page.goto(reverse("notifications:preferences"))
    assert_no_violations(page, "preferences")

    page = new_page(width, user=lea)
    page.goto(reverse("notifications:preferences"))
    page.get_by_role("button", name="Enregistrer mes choix").click()
    page.get_by_text("Vos choix sont enregistrés.").wait_for()
    assert_no_violations(page, "preferences saved")


def test_opening_a_notification_leads_to_its_page(new_page, lea):
    NotificationFactory(user=lea, title="Voir mes notifications", url="/notifications/preferences/")
    page = new_page("mobile", user=lea)
    page.goto(reverse("notifications:list"))

    page.get_by_role("button", name="Voir mes notifications").click()

    page.wait_for_url("**/notifications/preferences/")
