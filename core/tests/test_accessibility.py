"""axe-core finds no violation on any page, on a phone (360 px) and on a desktop (1280 px)."""

from functools import partial

import pytest
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import render
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from playwright.sync_api import expect

from accounts import tokens
from conftest import WIDTHS, axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANONYMOUS_PAGES = [
    "/",
    "/account/signup/",
    "/account/signup/check-your-inbox/",
    "/account/login/",
    "/account/login/link/",
    "/account/password/forgotten/",
    "/account/verify/not-a-token/",  # the "link no longer works" page
    "/nowhere/",  # 404
]
MEMBER_PAGES = [
    "/",
    "/account/",
    "/account/password/",
    "/account/email/",
    "/account/delete/",
]


def assert_no_violations(page, what: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{what}: {violations}"


@pytest.mark.parametrize("width", WIDTHS)
def test_public_pages_have_no_accessibility_violation(new_page, width):
    page = new_page(width)
    for path in ANONYMOUS_PAGES:
        page.goto(path)
        assert_no_violations(page, path)


@pytest.mark.parametrize("width", WIDTHS)
def test_forms_with_errors_have_no_accessibility_violation(new_page, width, martine):
    page = new_page(width)
    page.goto("/account/signup/")
    page.get_by_role("button", name="Créer mon compte").click()
    page.get_by_role("alert").wait_for()
    assert_no_violations(page, "signup with errors")

    page.goto("/account/login/")
    page.get_by_label("Adresse e-mail").fill("martine@example.org")
    page.get_by_label("Mot de passe").fill("wrong")
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("alert").wait_for()
    assert_no_violations(page, "login with errors")

    page.goto("/account/login/link/")
    page.get_by_label("Adresse e-mail").fill("martine@example.org")
    page.get_by_role("button", name="Recevoir le lien").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre boîte e-mail")
    assert_no_violations(page, "link sent")


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_behind_emailed_links_have_no_accessibility_violation(new_page, width, martine):
    page = new_page(width)
    links = {
        "verified": reverse(
            "accounts:verify_email", args=[tokens.make_token(tokens.VERIFY_EMAIL, martine)]
        ),
        "magic login": reverse(
            "accounts:magic_login", args=[tokens.make_token(tokens.MAGIC_LOGIN, martine)]
        ),
        "new password": reverse(
            "accounts:password_reset_confirm",
            args=[tokens.make_token(tokens.RESET_PASSWORD, martine)],
        ),
        "confirm new address": reverse(
            "accounts:email_change_confirm",
            args=[tokens.make_token(tokens.CHANGE_EMAIL, martine, extra="m@example.org")],
        ),
    }
    for what, path in links.items():
        page.goto(path)
        assert_no_violations(page, what)


@pytest.mark.parametrize("width", WIDTHS)
def test_member_pages_have_no_accessibility_violation(new_page, width, martine, staff):
    page = new_page(width, user=martine)
    for path in MEMBER_PAGES:
        page.goto(path)
        assert_no_violations(page, path)
    page = new_page(width, user=staff)
    page.goto("/")
    assert_no_violations(page, "home as staff")


@pytest.mark.parametrize("width", WIDTHS)
def test_english_pages_have_no_accessibility_violation(new_page, width):
    page = new_page(width)
    page.goto("/")
    page.get_by_label("Langue").select_option("en")
    page.get_by_role("button", name="Changer").click()
    assert page.locator("html").get_attribute("lang") == "en"
    for path in ["/", "/account/signup/", "/account/login/"]:
        page.goto(path)
        assert_no_violations(page, f"{path} in English")


def render_error_page(template: str) -> str:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return render(request, template).content.decode()


@pytest.mark.parametrize("width", WIDTHS)
def test_error_pages_have_no_accessibility_violation(new_page, width):
    page = new_page(width)
    pages = {
        "500.html": render_to_string("500.html"),
        "403.html": render_error_page("403.html"),
        "403_csrf.html": render_error_page("403_csrf.html"),
    }
    for template, html in pages.items():
        # Served from the test server's origin so that the stylesheet loads as usual.
        page.route("**/error-preview", partial(fulfill_html, html=html))
        page.goto("/error-preview")
        assert_no_violations(page, template)
        page.unroute("**/error-preview")


def fulfill_html(route, *, html: str) -> None:
    route.fulfill(body=html, content_type="text/html; charset=utf-8")


def test_the_accessibility_check_does_catch_a_violation(page):
    # Guards the guard: an input without a label must be reported.
    page.goto("/")
    page.set_content('<html lang="fr"><body><main><input type="text"></main></body></html>')
    assert "label" in [violation["id"] for violation in axe_violations(page)]
