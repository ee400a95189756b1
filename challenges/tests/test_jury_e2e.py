"""The juror's scoring page in a browser with JavaScript off, on a 360 px phone."""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from challenges import jury
from challenges.models import Score

from .jury_helpers import seat

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_juror_scores_on_a_phone_without_javascript(browser, live_server, night, sophie, camille):
    seat(night, camille, sophie)
    created, _ = jury.assign(event=night, by=sophie)
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 360, "height": 780},
        locale="fr-FR",
        java_script_enabled=False,
    )
    client = Client()
    client.force_login(camille)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    try:
        page.goto(f"/challenges/scores/{created[0].pk}/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        for criterion in night.criteria.all():
            # The whole « 4 » target is clickable, not only the small round button.
            page.locator(f"label[for='id_value_{criterion.pk}_3']").click()
        page.get_by_label("Commentaire sur « Idée » (lu par l’équipe)").fill("Belle idée")
        page.get_by_role("button", name="Enregistrer et passer à la suivante").click()
        page.wait_for_url(f"**/challenges/scores/{created[1].pk}/")
        expect(page.locator("main")).to_contain_text("1 notée(s) sur 2")
    finally:
        context.close()
    assert sorted(Score.objects.values_list("value", flat=True)) == [4, 4]
    assert Score.objects.filter(comment="Belle idée").count() == 1
