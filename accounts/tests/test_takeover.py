"""Pre-registration takeover: someone signs up with another person's address and a password
of theirs, and waits for the real owner to prove the mailbox. Once she has, that password
must be worth nothing."""

import re

from django.test import Client
from django.urls import reverse

from accounts.models import User

SQUATTER_PASSWORD = "le mot de passe du squatteur"
OWNER_PASSWORD = "les roses du jardin"


def squat(commit, email="martine@orange.fr"):
    """A stranger signs up with Martine's address: the confirmation link goes to her."""
    commit(
        Client().post,
        reverse("accounts:signup"),
        {
            "full_name": "Martine Lefèvre",
            "email": email,
            "password": SQUATTER_PASSWORD,
            "intent": "association",
        },
    )
    return User.objects.get(email=email)


def squatter_logs_in(commit, email="martine@orange.fr") -> bool:
    squatter = Client()
    commit(
        squatter.post, reverse("accounts:login"), {"email": email, "password": SQUATTER_PASSWORD}
    )
    return "_auth_user_id" in squatter.session


def test_opening_the_verification_link_gives_the_squatter_nothing(client, commit, db, last_link):
    squat(commit)

    # Martine opens the link (or her mail scanner does): the squatter still cannot log in.
    page = client.get(last_link("martine@orange.fr"))

    assert page.status_code == 200
    assert not squatter_logs_in(commit)


def test_the_owner_who_never_chose_the_password_chooses_hers_from_the_link(
    client, commit, db, last_link
):
    user = squat(commit)
    page = client.get(last_link("martine@orange.fr"))
    assert "Vous n’avez pas créé ce compte" in page.text
    choose = re.search(r'href="(/account/verify/[^"]+/password/[^"]*)"', page.text).group(1)

    response = commit(
        client.post, choose, {"new_password1": OWNER_PASSWORD, "new_password2": OWNER_PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    user.refresh_from_db()
    assert user.is_email_verified
    assert user.check_password(OWNER_PASSWORD)
    assert not user.check_password(SQUATTER_PASSWORD)
    assert not squatter_logs_in(commit)
    # The verification link served its purpose.
    assert client.post(choose, {"new_password1": "x", "new_password2": "x"}).status_code == 400


def test_a_wrong_password_on_the_confirmation_page_confirms_nothing(client, commit, db, last_link):
    squat(commit)
    link = last_link("martine@orange.fr")

    response = client.post(link, {"password": "je devine"})

    assert response.status_code == 200
    assert "Ce mot de passe n’est pas le bon" in response.text
    assert "_auth_user_id" not in client.session
    assert not User.objects.get().is_email_verified


def test_a_magic_link_drops_the_password_chosen_before_and_the_sessions_with_it(
    client, commit, db, last_link
):
    user = squat(commit)
    # Whatever way the squatter got a session, it must not outlive Martine's proof.
    squatter = Client()
    squatter.force_login(user)
    commit(client.post, reverse("accounts:magic_link"), {"email": "martine@orange.fr"})

    response = commit(client.post, last_link("martine@orange.fr"), follow=True)

    assert client.session["_auth_user_id"] == str(user.pk)
    assert "choisissez un mot de passe" in response.text
    user.refresh_from_db()
    assert user.is_email_verified
    assert not user.has_usable_password()
    assert not squatter_logs_in(commit)
    assert squatter.get(reverse("accounts:account")).status_code == 302  # logged out


def test_after_a_magic_link_the_owner_chooses_a_password_without_an_old_one(
    client, commit, db, last_link
):
    user = squat(commit)
    commit(client.post, reverse("accounts:magic_link"), {"email": "martine@orange.fr"})
    commit(client.post, last_link("martine@orange.fr"))

    page = client.get(reverse("accounts:password_change"))
    assert "Ancien mot de passe" not in page.text
    response = commit(
        client.post,
        reverse("accounts:password_change"),
        {"new_password1": OWNER_PASSWORD, "new_password2": OWNER_PASSWORD},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(OWNER_PASSWORD)
    assert client.get(reverse("accounts:account")).status_code == 200


def test_a_password_reset_replaces_the_squatters_password(client, commit, db, last_link):
    user = squat(commit)
    commit(client.post, reverse("accounts:password_reset"), {"email": "martine@orange.fr"})

    commit(
        client.post,
        last_link("martine@orange.fr"),
        {"new_password1": OWNER_PASSWORD, "new_password2": OWNER_PASSWORD},
    )

    assert client.session["_auth_user_id"] == str(user.pk)
    assert not squatter_logs_in(commit)
