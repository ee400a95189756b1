"""A newcomer's first minutes, in a real browser: sign up, confirm, log in, log out."""

import pytest
from playwright.sync_api import expect

from accounts.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_newcomer_signs_up_confirms_the_address_logs_in_and_out(new_page, last_link):
    page = new_page()
    page.goto("/")
    page.get_by_role("link", name="Inscrire mon association").click()

    page.get_by_label("Prénom et nom").fill("Martine Lefèvre")
    page.get_by_label("Adresse e-mail").fill("martine@example.org")
    page.get_by_label("Mot de passe").fill("les roses du jardin")
    expect(page.get_by_label("J’agis pour une association")).to_be_checked()
    page.get_by_role("button", name="Créer mon compte").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("ouvrez l’e-mail")
    assert User.objects.get().intent == "association"

    # Opened on another device, the link confirms nothing until the password is typed.
    phone = new_page()
    phone.goto(last_link("martine@example.org"))
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Dernière étape : confirmez votre adresse e-mail"
    )
    # The address is already filled in: only the password is left to type.
    expect(phone.get_by_label("Adresse e-mail")).to_have_value("martine@example.org")
    assert not User.objects.get().is_email_verified

    # In the browser that signed up, the same link confirms and logs in at once.
    page.goto(last_link("martine@example.org"))
    expect(page.get_by_role("status")).to_contain_text("vous êtes connecté·e")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inscrire mon association")
    assert User.objects.get().is_email_verified
    page.get_by_role("link", name="Mon compte", exact=True).click()
    expect(page.get_by_text("martine@example.org")).to_be_visible()

    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("status")).to_contain_text("Vous êtes déconnecté·e")
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()


def test_a_magic_link_logs_in_without_a_password_and_without_javascript(new_page, lea, last_link):
    page = new_page()
    page.context.route("**/*.js", lambda route: route.abort())  # no JavaScript at all

    page.goto("/account/login/")
    page.get_by_role("link", name="Recevoir un lien de connexion").click()
    page.get_by_label("Adresse e-mail").fill("lea@example.org")
    page.get_by_role("button", name="Recevoir le lien").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre boîte e-mail")

    page.goto(last_link("lea@example.org"))
    page.get_by_role("button", name="Me connecter").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Léa !")


def test_the_keyboard_alone_reaches_the_content_and_the_signup_form(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto("/account/signup/")
    page.get_by_label("Prénom et nom").focus()
    page.keyboard.type("Karim Benali")
    page.keyboard.press("Tab")
    page.keyboard.type("karim@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("un secret bien long")
    page.keyboard.press("Tab")  # into the radio group
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("ouvrez l’e-mail")


def test_nothing_overflows_sideways_at_360_pixels(page):
    for path in ["/", "/account/signup/", "/account/login/"]:
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
