"""A volunteer's attestations in their GDPR export, and what deleting the account does."""

import pytest

from accounts.services import user_delete, user_personal_data

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_signed_credentials(lea, credential):
    data = user_personal_data(user=lea)["credentials"]

    assert data == [
        {
            "public_id": credential.public_id,
            "issued_at": credential.issued_at.isoformat(),
            "revoked_at": None,
            "revocation_reason": "",
            "credential": credential.document,
        }
    ]


def test_deleting_the_account_forgets_the_person_but_not_the_work(lea, credential, client):
    downloaded = dict(credential.document)

    user_delete(user=lea)
    credential.refresh_from_db()

    # Our copy and our page no longer know who it was, nor what was said about them…
    assert credential.is_erased and not credential.is_revoked
    assert "Léa" not in str(credential.document)
    assert "proof" not in credential.document
    page = client.get(f"/verify/{credential.public_id}/").content.decode()
    assert "Léa" not in page
    assert "tout le quartier adore" not in page
    assert "a supprimé son compte" in page
    # …what the association confirmed stays…
    assert "Un logo pour la fête des jardins" in page
    assert "15 heures" in page
    # …and no file about the person is served any more.
    assert client.get(f"/verify/{credential.public_id}.json").status_code == 410
    assert client.get(f"/verify/{credential.public_id}/attestation.pdf").status_code == 404
    assert downloaded["credentialSubject"]["identifier"][0]["identityHash"] == "Léa Martin"


def test_the_file_the_person_kept_still_verifies_after_deletion(lea, credential, node_verify):
    kept = credential.document

    user_delete(user=lea)

    assert node_verify(kept) == {
        "verified": True,
        "errors": [],
        "revoked": False,
        "statusListVerified": True,
    }
