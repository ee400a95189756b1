from django.core import mail
from django.urls import reverse


def ask_link(client, commit, email):
    return commit(client.post, reverse("accounts:magic_link"), {"email": email})


def test_a_magic_link_logs_in_once(client, commit, martine, last_link):
    response = ask_link(client, commit, "martine@example.org")
    assert "Vérifiez votre boîte e-mail" in response.text
    link = last_link("martine@example.org")

    # Opening the link only shows a button: mail scanners that open links use nothing up.
    assert client.get(link).status_code == 200
    assert "_auth_user_id" not in client.session
    response = client.post(link)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(martine.pk)

    client.logout()
    response = client.post(link)
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, commit, db):
    response = ask_link(client, commit, "nobody@example.org")

    assert response.status_code == 200
    assert "Si un compte existe avec l’adresse" in response.text
    assert mail.outbox == []


def test_an_expired_magic_link_is_refused(client, commit, martine, last_link, settings):
    ask_link(client, commit, "martine@example.org")
    settings.MAGIC_LINK_MAX_AGE = -1

    response = client.post(last_link())

    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_the_magic_link_email_is_in_the_persons_language(client, commit, martine):
    martine.language = "en"
    martine.save()

    ask_link(client, commit, "martine@example.org")

    assert mail.outbox[0].subject == "Your A-lasso login link"
