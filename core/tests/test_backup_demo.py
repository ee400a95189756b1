"""The backup round trip of a whole site: the demo site, backed up then restored onto an
empty installation, serves its pages and still verifies an attestation it issued."""

from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from accounts.models import User
from core.backup import backup, restore
from credentials.keys import public_key_from_multibase
from credentials.models import Credential
from credentials.selectors import did_document
from credentials.signing import verify


def test_the_demo_site_restored_onto_an_empty_one_serves_its_pages_and_verifies_an_old_attestation(
    shipped_data,
    settings,
    tmp_path,
    client,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("demo", verbosity=0)
    old = Credential.objects.filter(revoked_at=None).order_by("issued_at").first()
    assert old is not None, "the demo issues attestations"
    archive = tmp_path / "backup.tar.gz"
    backup(archive)

    # An empty installation: an emptied database and new folders.
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "new-media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "new-private"
    assert not User.objects.exists()
    restore(archive)
    connection.close()

    assert User.objects.exists()
    for url in ["/", "/missions/", reverse("credentials:verify", args=[old.public_id])]:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
    restored = Credential.objects.get(public_id=old.public_id)
    keys = {
        method["id"]: method["publicKeyMultibase"]
        for method in did_document()["verificationMethod"]
    }
    assert verify(
        restored.document,
        resolve_key=lambda method: (
            public_key_from_multibase(keys[method]) if method in keys else None
        ),
    )
    json_response = client.get(reverse("credentials:verify_json", args=[old.public_id]))
    assert json_response.status_code == 200
