from django.core import mail
from django.urls import reverse

from accounts.tests.factories import PASSWORD

NEW = "un tout nouveau secret"


def test_a_forgotten_password_is_replaced_through_the_emailed_link(
    client, commit, martine, last_link
):
    commit(client.post, reverse("accounts:password_reset"), {"email": "martine@example.org"})
    link = last_link("martine@example.org")

    response = commit(client.post, link, {"new_password1": NEW, "new_password2": NEW})

    assert response.status_code == 302
    martine.refresh_from_db()
    assert martine.check_password(NEW)
    assert client.session["_auth_user_id"] == str(martine.pk)
    assert "a été changé" in mail.outbox[-1].subject
    # The link served once.
    assert client.get(link).status_code == 400


def test_mismatched_new_passwords_are_refused(client, commit, martine, last_link):
    commit(client.post, reverse("accounts:password_reset"), {"email": "martine@example.org"})

    response = client.post(last_link(), {"new_password1": NEW, "new_password2": NEW + "x"})

    assert response.status_code == 200
    assert "Les deux mots de passe ne correspondent pas" in response.text
    martine.refresh_from_db()
    assert martine.check_password(PASSWORD)


def test_a_logged_in_person_changes_password_and_stays_logged_in(client, commit, martine):
    client.force_login(martine)

    response = commit(
        client.post,
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )

    assert response.status_code == 302
    martine.refresh_from_db()
    assert martine.check_password(NEW)
    assert client.get(reverse("accounts:account")).status_code == 200
    assert mail.outbox[-1].to == ["martine@example.org"]


def test_the_old_password_must_be_right_to_change_it(client, commit, martine):
    client.force_login(martine)

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW},
    )

    assert response.status_code == 200
    martine.refresh_from_db()
    assert martine.check_password(PASSWORD)
