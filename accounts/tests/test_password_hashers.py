"""Passwords are hashed with Argon2id; older PBKDF2 hashes are upgraded when people log in."""

from django.conf import settings as django_settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, identify_hasher
from django.urls import reverse

from accounts.tests.factories import PASSWORD, UserFactory


def test_argon2_comes_first_and_pbkdf2_hashes_still_log_in():
    hashers = django_settings.PRODUCTION_PASSWORD_HASHERS

    assert hashers[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in hashers[1:]


def test_a_pbkdf2_hash_becomes_argon2_when_its_owner_logs_in(client, settings, db):
    settings.PASSWORD_HASHERS = django_settings.PRODUCTION_PASSWORD_HASHERS
    # Few iterations keep the test fast: any PBKDF2 hash is upgraded the same way.
    hasher = PBKDF2PasswordHasher()
    old_hash = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    user = UserFactory(email="josiane@example.org")
    user.password = old_hash
    user.save(update_fields=["password"])

    response = client.post(
        reverse("accounts:login"), {"email": "josiane@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password(PASSWORD)
