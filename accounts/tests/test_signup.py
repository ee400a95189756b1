import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User


def sign_up(client, commit, **overrides):
    data = {
        "full_name": "Martine Lefèvre",
        "email": "Martine.Lefevre@Orange.fr",
        "password": "les roses du jardin",
        "intent": "association",
        **overrides,
    }
    return commit(client.post, reverse("accounts:signup"), data)


def test_it_creates_an_unverified_account_and_sends_the_verification_link(client, commit, db):
    response = sign_up(client, commit)

    assert response.status_code == 302
    assert response.url == reverse("accounts:signup_done")
    user = User.objects.get()
    assert user.email == "martine.lefevre@orange.fr"
    assert user.full_name == "Martine Lefèvre"
    assert user.intent == "association"
    assert user.language == "fr"
    assert not user.is_email_verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["martine.lefevre@orange.fr"]
    assert "Confirmez votre adresse" in mail.outbox[0].subject
    assert "/account/verify/" in mail.outbox[0].body
    html, mimetype = mail.outbox[0].alternatives[0]
    assert mimetype == "text/html" and "Confirmer mon adresse" in html


def test_the_verification_link_and_the_password_confirm_the_address_and_log_in(
    client, commit, db, last_link
):
    sign_up(client, commit)

    # Opened on another device (or by a mail scanner), the link confirms nothing by itself.
    other = Client()
    page = other.get(last_link())
    assert page.status_code == 200
    assert 'value="martine.lefevre@orange.fr"' in page.text
    assert not User.objects.get().is_email_verified

    response = other.post(last_link(), {"password": "les roses du jardin"})

    assert response.status_code == 302
    assert response.url == reverse("organizations:create")
    user = User.objects.get()
    assert user.is_email_verified
    assert other.session["_auth_user_id"] == str(user.pk)


def test_the_link_opened_in_the_browser_that_signed_up_logs_in_and_leads_to_the_association(
    client, commit, db, last_link
):
    sign_up(client, commit)

    response = client.get(last_link())

    assert response.status_code == 302
    assert response.url == reverse("organizations:create")
    user = User.objects.get()
    assert user.is_email_verified
    assert client.session["_auth_user_id"] == str(user.pk)
    # Once only: after logging out, the same link asks for the password again.
    client.post(reverse("accounts:logout"))
    again = client.get(last_link())
    assert again.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_volunteer_confirming_in_the_same_browser_reaches_the_home_page(
    client, commit, db, last_link
):
    sign_up(client, commit, intent="volunteer")

    response = client.get(last_link())

    assert response.status_code == 302
    assert response.url == reverse("core:home")


def test_a_link_opened_in_a_browser_where_someone_else_signed_up_does_not_log_in(
    client, commit, db, last_link
):
    sign_up(client, commit)
    first_link = last_link()
    sign_up(client, commit, email="jean@orange.fr")  # the same browser, another account

    response = client.get(first_link)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_logging_in_from_the_confirmed_page_leads_to_registering_the_association(
    client, commit, db, last_link
):
    sign_up(client, commit)
    elsewhere = Client()
    response = elsewhere.post(last_link(), {"password": "les roses du jardin"})
    assert response.url == reverse("organizations:create")


def test_a_verification_link_opened_twice_still_says_the_address_is_confirmed(
    client, commit, db, last_link
):
    sign_up(client, commit)
    client.post(last_link(), {"password": "les roses du jardin"})
    client.logout()

    response = client.get(last_link())

    assert response.status_code == 200
    assert "confirmée" in response.text


def test_a_tampered_verification_link_is_refused(client, commit, db, last_link):
    sign_up(client, commit)

    response = client.get(last_link().rstrip("/") + "x/")

    assert response.status_code == 400
    assert "Ce lien ne fonctionne plus" in response.text
    assert not User.objects.get().is_email_verified


def test_it_keeps_what_was_typed_when_the_password_is_too_weak(client, commit, db):
    response = sign_up(client, commit, password="1234")

    assert response.status_code == 200
    assert User.objects.count() == 0
    assert 'value="Martine Lefèvre"' in response.text
    assert 'value="Martine.Lefevre@Orange.fr"' in response.text
    assert "Ce mot de passe est trop court" in response.text
    assert len(mail.outbox) == 0


def test_it_refuses_an_address_already_registered_whatever_its_case(client, commit, lea):
    response = sign_up(client, commit, email="LEA@example.org")

    assert response.status_code == 200
    assert "Un compte existe déjà avec cette adresse" in response.text
    assert User.objects.count() == 1


def test_the_signup_link_from_the_home_page_preselects_the_intent(client, db):
    response = client.get(reverse("accounts:signup") + "?intent=association")

    checked = re.findall(
        r'<input type="radio" name="intent" value="(\w+)"[^>]* checked', response.text
    )
    assert checked == ["association"]


@pytest.mark.cache
def test_it_slows_down_a_flood_of_signups(client, commit, db, settings):
    for n in range(10):
        sign_up(client, commit, email=f"robot{n}@example.org")

    response = sign_up(client, commit, email="robot-last@example.org")

    assert response.status_code == 429
    assert "Trop d’essais" in response.text
    assert not User.objects.filter(email="robot-last@example.org").exists()


def test_english_visitors_get_the_email_in_english(client, commit, db):
    client.cookies["django_language"] = "en"

    sign_up(client, commit)

    assert User.objects.get().language == "en"
    assert mail.outbox[0].subject == "Confirm your e-mail address on A-lasso"


def test_someone_invited_signs_up_and_comes_back_to_the_invitation(client, commit, db, last_link):
    # The invitation page sends newcomers to sign up with ?next=<the invitation>; the
    # confirmation link keeps it, and confirming with the password goes back there.
    invitation = "/organizations/invitations/6f1c2f0e-0000-4000-8000-000000000000/"
    commit(
        client.post,
        reverse("accounts:signup") + f"?next={invitation}",
        {
            "full_name": "Jean Moreau",
            "email": "jean@orange.fr",
            "password": "les roses du jardin",
            "intent": "association",
        },
    )
    confirmed = Client().get(last_link("jean@orange.fr"))
    assert f'name="next" value="{invitation}"' in confirmed.text

    response = client.post(
        last_link("jean@orange.fr"), {"password": "les roses du jardin", "next": invitation}
    )

    assert response.status_code == 302
    assert response.url == invitation


def test_a_next_address_on_another_site_is_ignored(client, commit, db, last_link):
    commit(
        client.post,
        reverse("accounts:signup") + "?next=https://evil.example.com/",
        {
            "full_name": "Jean Moreau",
            "email": "jean@orange.fr",
            "password": "les roses du jardin",
            "intent": "association",
        },
    )

    assert "evil" not in mail.outbox[0].body
    assert "evil" not in Client().get(last_link("jean@orange.fr")).text
    # In the browser that signed up, the link logs in and stays on this site.
    assert client.get(last_link("jean@orange.fr")).url == reverse("organizations:create")
