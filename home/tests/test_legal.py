"""The legal and trust pages, their link in every footer, and the terms accepted with
their version at sign-up and again when they change."""

import json
import os

import pytest
from django.conf import settings

from accounts.models import TermsConsent
from accounts.tests.factories import UserFactory
from home.views import ACCESSIBILITY_PAGES

LEGAL = ["/legal/", "/legal/privacy/", "/legal/terms/", "/legal/accessibility/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", LEGAL)
def test_each_legal_page_is_linked_from_the_footer_of_every_page(client, url):
    assert client.get(url).status_code == 200
    for page in ["/", "/missions/", *LEGAL]:
        assert f'href="{url}"' in client.get(page).content.decode()


@pytest.mark.django_db
def test_the_privacy_policy_says_what_the_law_asks(client):
    text = client.get("/legal/privacy/").content.decode()
    for words in [
        "Qui est responsable",
        "sur quelle base",
        "Qui voit vos données",
        "Combien de temps",
        "Vos droits",
        "CNIL",
        settings.PRIVACY_EMAIL,
        "3 ans sans connexion",
    ]:
        assert words in text


@pytest.mark.django_db
def test_the_terms_state_the_pro_bono_rules_and_the_rights_on_deliverables(client):
    text = client.get("/legal/terms/").content.decode()
    assert "Une mission est gratuite" in text
    assert "Les livrables" in text and "portfolio" in text


@pytest.mark.django_db
def test_the_pages_read_in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Privacy policy" in client.get("/legal/privacy/").content.decode()
    assert "Terms of use" in client.get("/legal/terms/").content.decode()
    assert "Legal notice" in client.get("/legal/").content.decode()
    assert "Accessibility statement" in client.get("/legal/accessibility/").content.decode()


def test_the_accessibility_statement_lists_the_pages_the_sweep_checks():
    """The statement's list is written from the sweep's own tables: run with
    UPDATE_ACCESSIBILITY_PAGES=1 after adding pages to the sweep."""
    import core.tests.test_accessibility_sweep as sweep

    axe = settings.BASE_DIR / "node_modules" / "axe-core" / "package.json"
    expected = {
        "tool": f"axe-core {json.loads(axe.read_text())['version']}",
        "widths": [size["width"] for size in sweep.WIDTHS.values()],
        "pages": sweep.swept_pages(),
    }
    if os.environ.get("UPDATE_ACCESSIBILITY_PAGES"):
        ACCESSIBILITY_PAGES.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n")
    assert json.loads(ACCESSIBILITY_PAGES.read_text()) == expected
    assert "/legal/accessibility/" in expected["pages"]


@pytest.mark.django_db
def test_the_statement_shows_the_swept_pages_and_the_level(client):
    text = client.get("/legal/accessibility/").content.decode()
    assert "partiellement conforme" in text
    assert "<code>/missions/…/</code>" in text
    assert "Défenseur des droits" in text


@pytest.mark.django_db
def test_signing_up_records_the_terms_with_their_version(client):
    client.post(
        "/account/signup/",
        {
            "full_name": "Nina Roux",
            "email": "nina@example.org",
            "password": "une phrase assez longue",
            "intent": "volunteer",
        },
    )
    consent = TermsConsent.objects.get(user__email="nina@example.org")
    assert consent.version == settings.TERMS_VERSION
    assert consent.user.terms_version == settings.TERMS_VERSION
    assert "conditions d’utilisation" in client.get("/account/signup/").content.decode()


@pytest.mark.django_db
def test_new_terms_are_asked_again_then_she_goes_on(client, settings):
    user = UserFactory(terms_version="2026-01-01")
    client.force_login(user)
    response = client.get("/missions/")
    assert response.status_code == 302
    assert response["Location"] == "/account/terms/?next=%2Fmissions%2F"
    # The legal pages, her data and the way out stay open.
    for url in ["/legal/terms/", "/account/export/", "/account/delete/"]:
        assert client.get(url).status_code == 200
    response = client.post("/account/terms/", {"next": "/missions/"})
    assert response["Location"] == "/missions/"
    assert client.get("/missions/").status_code == 200
    assert list(user.terms_consents.values_list("version", flat=True)) == [settings.TERMS_VERSION]
    # Next time the terms change, she is asked again.
    settings.TERMS_VERSION = "2027-06-01"
    assert client.get("/missions/").status_code == 302


@pytest.mark.django_db
def test_accounts_without_a_version_and_htmx_requests(client):
    client.force_login(UserFactory())  # not made through the sign-up form: not asked
    assert client.get("/missions/").status_code == 200
    client.force_login(UserFactory(terms_version="old"))
    response = client.get("/missions/", headers={"HX-Request": "true"})
    assert response["HX-Redirect"].startswith("/account/terms/")
