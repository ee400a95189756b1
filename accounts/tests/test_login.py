import pytest
from django.core import mail
from django.urls import reverse

from accounts.tests.factories import PASSWORD, UserFactory


def log_in(client, commit, email, password=PASSWORD, **extra):
    return commit(
        client.post, reverse("accounts:login"), {"email": email, "password": password, **extra}
    )


def test_a_verified_person_logs_in_with_password_whatever_the_case_of_the_address(
    client, commit, martine
):
    response = log_in(client, commit, "  MARTINE@example.org ")

    assert response.status_code == 302
    assert response.url == reverse("core:home")
    assert client.get(reverse("accounts:account")).status_code == 200


def test_a_wrong_password_says_so_and_keeps_the_address(client, commit, martine):
    response = log_in(client, commit, "martine@example.org", "wrong")

    assert response.status_code == 200
    assert "Adresse e-mail ou mot de passe incorrect" in response.text
    assert 'value="martine@example.org"' in response.text
    assert "_auth_user_id" not in client.session


def test_an_unverified_person_is_asked_to_confirm_and_gets_a_new_link(client, commit, db):
    UserFactory(email="new@example.org", email_verified_at=None)

    response = log_in(client, commit, "new@example.org")

    assert response.status_code == 200
    assert "Confirmez d’abord votre adresse e-mail" in response.text
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1 and "/account/verify/" in mail.outbox[0].body


def test_login_redirects_to_a_safe_next_page_only(client, commit, martine):
    response = log_in(client, commit, "martine@example.org", next="https://evil.example/")
    assert response.url == reverse("core:home")

    client.logout()
    response = log_in(client, commit, "martine@example.org", next="/account/password/")
    assert response.url == "/account/password/"


@pytest.mark.cache
def test_too_many_wrong_passwords_are_stopped_even_with_the_right_one(client, commit, martine):
    for _ in range(10):
        log_in(client, commit, "martine@example.org", "wrong")

    response = log_in(client, commit, "martine@example.org")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_logout_needs_a_post_and_ends_the_session(client, martine):
    client.force_login(martine)

    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_pages_for_members_send_anonymous_visitors_to_login(client, db):
    response = client.get(reverse("accounts:account"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_language_chosen_before_logging_in_stays_and_becomes_the_accounts(
    client, commit, martine
):
    assert martine.language == "fr"
    client.post(reverse("core:set_language"), {"language": "en", "next": "/"})

    log_in(client, commit, "martine@example.org")

    martine.refresh_from_db()
    assert martine.language == "en"
    assert 'lang="en"' in client.get(reverse("accounts:account")).text


def test_without_a_choice_before_logging_in_the_accounts_language_applies(client, commit, martine):
    martine.language = "en"
    martine.save(update_fields=["language"])

    log_in(client, commit, "martine@example.org")

    martine.refresh_from_db()
    assert martine.language == "en"
    assert 'lang="en"' in client.get(reverse("accounts:account")).text
