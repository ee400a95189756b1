"""Rate limits on login, sign-up and e-mail links: they stop the one who insists, from where
they are, and nobody else — also behind a proxy, where every visitor arrives from it."""

import pytest
from django.urls import reverse

from accounts.tests.factories import PASSWORD
from accounts.tests.test_takeover import OWNER_PASSWORD, squat

pytestmark = pytest.mark.cache

PROXY = "127.0.0.1"  # the TLS proxy in front of gunicorn, on the same machine
GUESSER = "203.0.113.7"
OWNER = "198.51.100.9"


def log_in(client, email, password=PASSWORD, **headers):
    return client.post(reverse("accounts:login"), {"email": email, "password": password}, **headers)


def via_proxy(visitor: str, sent: str = "") -> dict:
    # The proxy appends the address it sees to whatever the visitor sent.
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{sent}, {visitor}".lstrip(", ")}


def test_ten_wrong_passwords_protect_the_account_from_that_address_only(client, martine):
    for _ in range(10):
        log_in(client, "martine@example.org", "wrong", REMOTE_ADDR=GUESSER)

    response = log_in(client, "martine@example.org", REMOTE_ADDR=GUESSER)

    assert response.status_code == 429
    assert "ce compte est protégé pendant 15 minutes depuis cette connexion" in response.text
    assert "Recevez un lien de connexion par e-mail" in response.text
    assert "_auth_user_id" not in client.session

    response = log_in(client, "martine@example.org", REMOTE_ADDR=OWNER)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(martine.pk)


def test_right_passwords_are_not_counted_as_attempts(client, martine):
    for _ in range(12):
        assert log_in(client, "martine@example.org").status_code == 302
        client.logout()


def test_an_address_trying_many_accounts_is_stopped(client, martine):
    for n in range(30):
        log_in(client, f"someone{n}@example.org", "wrong", REMOTE_ADDR=GUESSER)

    response = log_in(client, "martine@example.org", REMOTE_ADDR=GUESSER)

    assert response.status_code == 429
    assert "Trop d’essais" in response.text
    assert log_in(client, "martine@example.org", REMOTE_ADDR=OWNER).status_code == 302


def test_behind_a_proxy_a_guesser_does_not_stop_the_next_visitor(client, martine, settings):
    settings.BEHIND_PROXY = True
    for n in range(30):
        log_in(client, f"someone{n}@example.org", "wrong", **via_proxy(GUESSER))
    for _ in range(10):
        log_in(client, "martine@example.org", "wrong", **via_proxy(GUESSER))

    assert log_in(client, "martine@example.org", **via_proxy(GUESSER)).status_code == 429
    response = log_in(client, "martine@example.org", **via_proxy(OWNER))

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(martine.pk)


def test_behind_a_proxy_an_address_written_by_the_visitor_changes_nothing(
    client, martine, settings
):
    settings.BEHIND_PROXY = True
    for n in range(10):
        # A new made-up address each time: the proxy still appends the real one.
        log_in(client, "martine@example.org", "wrong", **via_proxy(GUESSER, sent=f"10.0.0.{n}"))

    response = log_in(client, "martine@example.org", **via_proxy(GUESSER, sent="10.9.9.9"))

    assert response.status_code == 429


def test_without_behind_proxy_the_header_is_not_believed(client, martine, settings):
    settings.BEHIND_PROXY = False
    for n in range(10):
        log_in(client, "martine@example.org", "wrong", **via_proxy(f"192.0.2.{n}"))

    assert log_in(client, "martine@example.org", **via_proxy(OWNER)).status_code == 429


def test_behind_a_proxy_sign_ups_are_counted_per_visitor(client, db, settings):
    settings.BEHIND_PROXY = True

    def sign_up(n: int, visitor: str):
        data = {
            "full_name": "Martine Lefèvre",
            "email": f"person{n}@example.org",
            "password": "les roses du jardin",
            "intent": "association",
        }
        return client.post(reverse("accounts:signup"), data, **via_proxy(visitor))

    for n in range(10):
        sign_up(n, GUESSER)

    assert sign_up(10, GUESSER).status_code == 429
    assert sign_up(11, OWNER).status_code == 302


def test_behind_a_proxy_magic_links_are_counted_per_visitor(client, db, settings):
    settings.BEHIND_PROXY = True

    def ask(n: int, visitor: str):
        data = {"email": f"person{n}@example.org"}
        return client.post(reverse("accounts:magic_link"), data, **via_proxy(visitor))

    for n in range(20):
        ask(n, GUESSER)

    assert ask(20, GUESSER).status_code == 429
    assert ask(21, OWNER).status_code == 200


def test_someone_asking_for_her_login_links_does_not_keep_the_owner_from_hers(
    client, martine, commit
):
    # The lock message tells the owner to ask for a login link: a stranger who asked for
    # five of them in her name must not have used up hers.
    def ask(visitor: str):
        return commit(
            client.post,
            reverse("accounts:magic_link"),
            {"email": "martine@example.org"},
            REMOTE_ADDR=visitor,
        )

    for _ in range(5):
        ask(GUESSER)
    assert ask(GUESSER).status_code == 429

    assert ask(OWNER).status_code == 200


def test_her_mailbox_is_not_flooded_with_login_links_from_many_addresses(client, martine):
    for n in range(20):
        client.post(
            reverse("accounts:magic_link"),
            {"email": "martine@example.org"},
            REMOTE_ADDR=f"203.0.113.{n}",
        )

    response = client.post(
        reverse("accounts:magic_link"), {"email": "martine@example.org"}, REMOTE_ADDR=OWNER
    )

    assert response.status_code == 429


def test_the_confirmation_page_counts_wrong_passwords_as_the_login_does(
    client, commit, db, last_link
):
    user = squat(commit)
    user.set_password(OWNER_PASSWORD)
    user.save()
    link = last_link("martine@orange.fr")
    for _ in range(10):
        client.post(link, {"password": "je devine"}, REMOTE_ADDR=GUESSER)

    # Even the right password is refused from there for a while…
    response = client.post(link, {"password": OWNER_PASSWORD}, REMOTE_ADDR=GUESSER)
    assert response.status_code == 429
    assert "Trop d’essais" in response.text
    assert "Choisir un nouveau mot de passe" in response.text
    assert "_auth_user_id" not in client.session

    # …and the login form knows it too; the owner elsewhere is not stopped.
    assert (
        log_in(client, "martine@orange.fr", OWNER_PASSWORD, REMOTE_ADDR=GUESSER).status_code == 429
    )
    response = client.post(link, {"password": OWNER_PASSWORD}, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
