"""Our signatures, checked by an implementation that is not ours (Digital Bazaar, npm)."""

import copy
import io

import pytest
from django.core.management import call_command

from credentials.keys import load_private_key
from credentials.services import credential_revoke, issue_for
from credentials.signing import verify
from engagements.tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


def test_an_issued_credential_verifies_and_is_not_revoked(credential, node_verify):
    result = node_verify(credential.document)

    assert result == {
        "verified": True,
        "errors": [],
        "revoked": False,
        "statusListVerified": True,
    }


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda s: s["identifier"][0].update(identityHash="Léo Martin"), id="name"),
        pytest.param(lambda s: s["achievement"].update(name="Un logo pour la fête"), id="mission"),
        pytest.param(lambda s: s["result"][0].update(value="150"), id="hours"),
        pytest.param(lambda s: s.update(activityEndDate="2026-04-11"), id="end date"),
        pytest.param(
            lambda s: s["achievement"]["creator"]["otherIdentifier"][0].update(
                identifier="W751234568"
            ),
            id="RNA",
        ),
    ],
)
def test_changing_anything_in_the_subject_breaks_the_signature(credential, node_verify, change):
    forged = copy.deepcopy(credential.document)
    change(forged["credentialSubject"])

    result = node_verify(forged)

    assert result["verified"] is False
    assert "Invalid signature." in result["errors"]


def test_every_single_character_of_the_subject_is_covered(credential, node_verify):
    # One letter of the volunteer's name, the smallest forgery there is.
    forged = copy.deepcopy(credential.document)
    identity = forged["credentialSubject"]["identifier"][0]
    identity["identityHash"] = identity["identityHash"].replace("L", "l", 1)

    assert node_verify(forged)["verified"] is False


def test_a_revoked_credential_shows_as_revoked_and_its_list_still_verifies(
    credential, node_verify, staff
):
    credential_revoke(credential=credential, by=staff, reason="Mission jamais réalisée.")
    credential.refresh_from_db()

    result = node_verify(credential.document)

    assert result["revoked"] is True
    assert result["statusListVerified"] is True


def test_revoking_one_credential_leaves_the_others_valid(credential, node_verify, staff, karim):
    other = issue_for(
        AgreementFactory(
            application__mission=credential.application.mission,
            application__volunteer=karim,
        ).application
    )
    credential_revoke(credential=credential, by=staff, reason="Erreur.")

    assert node_verify(other.document)["revoked"] is False


def test_the_status_list_credential_itself_verifies(credential, client, node_verify):
    url = credential.document["credentialStatus"]["statusListCredential"]
    status_list = client.get(url.removeprefix("http://testserver")).json()

    result = node_verify(status_list)

    assert result["verified"] is True


def test_after_a_key_rotation_old_and_new_credentials_both_verify(credential, node_verify, karim):
    call_command("credentials_keygen", "--rotate", stdout=io.StringIO())
    newer = issue_for(
        AgreementFactory(
            application__mission=credential.application.mission,
            application__volunteer=karim,
        ).application
    )

    assert credential.document["proof"]["verificationMethod"].endswith("#key-1")
    assert newer.document["proof"]["verificationMethod"].endswith("#key-2")
    assert node_verify(credential.document)["verified"] is True
    assert node_verify(newer.document)["verified"] is True


def test_both_verifiers_refuse_a_property_that_no_context_defines(credential, node_verify):
    # Undefined terms vanish from the canonical form, so the signature alone still matches.
    tampered = copy.deepcopy(credential.document)
    tampered["credentialSubject"]["unknownClaim"] = "Diplômée d’État"
    key = load_private_key().private_key.public_key()

    assert node_verify(tampered)["verified"] is False
    assert verify(credential.document, resolve_key=lambda method: key) is True
    assert verify(tampered, resolve_key=lambda method: key) is False
