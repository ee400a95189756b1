"""`manage.py credentials_keygen`: the key lives in a file, rotation keeps old keys published."""

import io
import stat

import pytest
from django.core.management import CommandError, call_command

from credentials.keys import key_file
from credentials.models import SigningKey

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_key(settings, tmp_path):
    settings.CREDENTIALS_KEY_FILE = tmp_path / "fresh" / "key.pem"
    return settings.CREDENTIALS_KEY_FILE


def keygen(*args):
    out = io.StringIO()
    call_command("credentials_keygen", *args, stdout=out)
    return out.getvalue()


def test_it_writes_a_private_key_only_its_owner_can_read(no_key):
    keygen()

    assert no_key.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert stat.S_IMODE(no_key.stat().st_mode) == 0o600
    assert SigningKey.objects.get().number == 1


def test_it_never_overwrites_a_key_by_accident(no_key):
    keygen()
    before = no_key.read_bytes()

    with pytest.raises(CommandError, match="--rotate"):
        keygen()
    keygen("--if-missing")

    assert no_key.read_bytes() == before
    assert SigningKey.objects.count() == 1


def test_rotation_publishes_a_new_key_and_keeps_the_old_one(no_key, client):
    keygen()
    keygen("--rotate")

    keys = list(SigningKey.objects.order_by("number"))
    assert [k.number for k in keys] == [1, 2]
    assert keys[0].retired_at is not None and keys[1].retired_at is None
    did = client.get("/.well-known/did.json").json()
    assert [m["id"] for m in did["verificationMethod"]] == [
        "did:web:testserver#key-1",
        "did:web:testserver#key-2",
    ]
    assert did["assertionMethod"] == ["did:web:testserver#key-1", "did:web:testserver#key-2"]
    # The old private key is kept aside, renamed, for the operator to back up and destroy.
    assert len(list(no_key.parent.glob("key.pem.retired-*"))) == 1


def test_production_refuses_to_sign_without_a_key(no_key, settings, engagement):
    from django.core.exceptions import ImproperlyConfigured

    from credentials.services import issue_for

    settings.DEBUG = False
    settings.TESTING = False

    with pytest.raises(ImproperlyConfigured, match="credentials_keygen"):
        issue_for(engagement)
    assert not key_file().exists()


def test_the_deploy_check_reports_a_missing_key(no_key, settings):
    from credentials.checks import signing_key_exists

    settings.DEBUG = False
    assert [error.id for error in signing_key_exists(None)] == ["credentials.E001"]
    keygen()
    assert signing_key_exists(None) == []
