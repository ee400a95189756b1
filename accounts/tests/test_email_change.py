"""Changing the account's address: the owner of the old address hears of it at once, and
nothing sent to either address outlives a change of password or of address."""

from django.core import mail
from django.urls import reverse

from accounts.tests.factories import PASSWORD

NEW = "un tout nouveau secret"


def ask_change(client, commit, new_email="martine@free.fr"):
    return commit(
        client.post,
        reverse("accounts:email_change"),
        {"new_email": new_email, "password": PASSWORD},
    )


def test_the_old_address_is_told_as_soon_as_a_change_is_asked(client, commit, martine):
    client.force_login(martine)

    ask_change(client, commit)

    notices = [m for m in mail.outbox if m.to == ["martine@example.org"]]
    assert len(notices) == 1
    assert "Changement d’adresse demandé" in notices[0].subject
    assert "martine@free.fr" in notices[0].body
    assert "/account/password/forgotten/" in notices[0].body
    martine.refresh_from_db()
    assert martine.email == "martine@example.org"


def test_the_notice_to_the_old_address_is_in_the_persons_language(client, commit, martine):
    martine.language = "en"
    martine.save(update_fields=["language"])
    client.force_login(martine)

    ask_change(client, commit)

    notice = next(m for m in mail.outbox if m.to == ["martine@example.org"])
    assert notice.subject == "Change of e-mail address requested on A-lasso"


def test_a_pending_change_dies_when_the_password_changes(client, commit, martine, last_link):
    client.force_login(martine)
    ask_change(client, commit)
    link = last_link("martine@free.fr")

    commit(
        client.post,
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    response = commit(client.post, link)

    assert response.status_code == 400
    martine.refresh_from_db()
    assert martine.email == "martine@example.org"


def change_address(client, commit, last_link):
    ask_change(client, commit)
    commit(client.post, last_link("martine@free.fr"))


def test_a_reset_link_sent_to_the_old_address_stops_working_once_it_changes(
    client, commit, martine, last_link
):
    client.force_login(martine)  # before the link is made: logging in spends it too
    commit(client.post, reverse("accounts:password_reset"), {"email": "martine@example.org"})
    reset = last_link("martine@example.org")
    change_address(client, commit, last_link)
    client.logout()

    response = client.post(reset, {"new_password1": NEW, "new_password2": NEW})

    assert response.status_code == 400
    martine.refresh_from_db()
    assert martine.check_password(PASSWORD)


def test_a_magic_link_sent_to_the_old_address_stops_working_once_it_changes(
    client, commit, martine, last_link
):
    client.force_login(martine)  # before the link is made: logging in spends it too
    commit(client.post, reverse("accounts:magic_link"), {"email": "martine@example.org"})
    magic = last_link("martine@example.org")
    change_address(client, commit, last_link)
    client.logout()

    response = client.post(magic)

    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
