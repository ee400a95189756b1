"""axe-core finds nothing on the inbox and a thread, on a phone and on a desktop; and a
message goes out without reloading the page."""

import pytest
from django.urls import reverse

from conftest import WIDTHS, axe_violations
from messaging import services

from .factories import AttachmentFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def paris(transactional_db):
    # The association of the cast lives in Paris: a shipped commune, which the flush after
    # browser tests keeps unless a test changed the geography (conftest.py).
    from geo.models import Commune, Departement, Region

    region, _ = Region.objects.get_or_create(code="11", defaults={"name": "Île-de-France"})
    departement, _ = Departement.objects.get_or_create(
        code="75", defaults={"name": "Paris", "region": region}
    )
    Commune.objects.get_or_create(
        insee="75056",
        defaults={
            "name": "Paris",
            "search_name": "paris",
            "departement": departement,
            "region": region,
        },
    )


def assert_no_violations(page, what: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{what}: {violations}"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_inbox_and_a_thread_have_no_accessibility_violation(
    new_page, width, lea, martine, application_thread, team
):
    message = services.message_send(
        thread=application_thread, author=martine, body="Bonjour Léa,\nmerci pour votre aide !"
    )
    AttachmentFactory(message=message)
    services.message_send(thread=team, author=lea, body="Voici la première version.")
    # A fresh browser context for each page, and axe-core last in it: axe fetches the
    # @import-ed stylesheets again, relative to the page, and those parallel 404s can end the
    # live server's session (see moderation's accessibility tests).
    page = new_page(width, user=lea)
    page.goto(reverse("messaging:inbox"))
    assert_no_violations(page, "inbox")

    page = new_page(width, user=lea)
    page.goto(reverse("messaging:thread", args=[application_thread.pk]))
    assert_no_violations(page, "thread")

    page = new_page(width, user=lea)
    page.goto(reverse("messaging:thread", args=[application_thread.pk]))
    page.get_by_role("button", name="Envoyer").click()
    page.get_by_text("Écrivez un message ou joignez un fichier.").first.wait_for()
    assert_no_violations(page, "thread with an error")


def test_a_message_appears_without_reloading_and_the_form_empties(
    new_page, lea, application_thread
):
    page = new_page("mobile", user=lea)
    page.goto(reverse("messaging:thread", args=[application_thread.pk]))
    page.evaluate("window.notReloaded = true")

    page.get_by_label("Votre message").fill("Bonjour, je suis disponible samedi.")
    page.get_by_role("button", name="Envoyer").click()

    page.locator(".msg", has_text="je suis disponible samedi").wait_for()
    assert page.evaluate("window.notReloaded") is True
    assert page.get_by_label("Votre message").input_value() == ""
