"""The eddsa-rdfc-2022 proof, in Python: what it covers and how it is written."""

import copy
import datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from credentials.jsonld import OB_V3, VC_V2
from credentials.keys import (
    b58decode,
    b58encode,
    platform_did,
    public_key_from_multibase,
    public_key_multibase,
)
from credentials.signing import _hash_data, canonize, sign, verify

DOCUMENT = {
    "@context": [VC_V2, OB_V3],
    "id": "http://testserver/verify/abcdefghjk/",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": {"id": "did:web:testserver", "type": ["Profile"], "name": "A-lasso"},
    "validFrom": "2026-04-10T09:00:00Z",
    "credentialSubject": {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "hashed": False,
                "identityHash": "Léa Martin",
                "identityType": "name",
            }
        ],
        "achievement": {
            "id": "http://testserver/missions/1/",
            "type": ["Achievement"],
            "name": "Un logo",
            "description": "Un logo pour la fête.",
            "criteria": {"narrative": "Confirmé par l’association."},
        },
    },
}
CREATED = datetime.datetime(2026, 4, 10, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def key():
    return Ed25519PrivateKey.generate()


def signed_with(key):
    return sign(
        DOCUMENT, private_key=key, verification_method="did:web:testserver#key-1", created=CREATED
    )


def test_a_signed_document_verifies_with_its_public_key(key):
    assert verify(signed_with(key), resolve_key=lambda method: key.public_key()) is True


def test_the_proof_says_how_it_was_made(key):
    proof = signed_with(key)["proof"]

    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["created"] == "2026-04-10T09:00:00Z"
    assert proof["proofValue"].startswith("z")
    assert len(b58decode(proof["proofValue"][1:])) == 64  # an Ed25519 signature


def test_signing_leaves_the_original_untouched(key):
    before = copy.deepcopy(DOCUMENT)
    signed_with(key)
    assert before == DOCUMENT


def test_a_changed_letter_fails_verification(key):
    forged = signed_with(key)
    forged["credentialSubject"]["achievement"]["name"] = "Un logo!"
    assert verify(forged, resolve_key=lambda method: key.public_key()) is False


def test_a_changed_proof_option_fails_verification(key):
    forged = signed_with(key)
    forged["proof"]["created"] = "2027-04-10T09:00:00Z"
    assert verify(forged, resolve_key=lambda method: key.public_key()) is False


def test_another_key_does_not_verify(key):
    other = Ed25519PrivateKey.generate()
    assert verify(signed_with(key), resolve_key=lambda method: other.public_key()) is False


@pytest.mark.parametrize(
    "add",
    [
        pytest.param(lambda d: d.update(unknownClaim="admin"), id="credential"),
        pytest.param(lambda d: d["credentialSubject"].update(unknownClaim="x"), id="subject"),
        pytest.param(
            lambda d: d["credentialSubject"]["achievement"].update(unknownClaim="x"),
            id="achievement",
        ),
        pytest.param(lambda d: d["proof"].update(unknownClaim="x"), id="proof"),
    ],
)
def test_a_property_no_context_defines_fails_verification(key, add):
    # JSON-LD drops a term its contexts do not define, so the signature still matches: the
    # standard verifiers (safe mode) refuse such a credential, and so must we.
    tampered = copy.deepcopy(signed_with(key))
    add(tampered)

    assert verify(tampered, resolve_key=lambda method: key.public_key()) is False


def test_a_type_no_context_defines_fails_verification(key):
    # Signed by someone else's code, which did not check: the signature itself is right.
    document = copy.deepcopy(DOCUMENT)
    document["credentialSubject"]["achievement"]["type"] = ["Achievement", "MadeUpType"]
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2026-04-10T09:00:00Z",
        "verificationMethod": "did:web:testserver#key-1",
        "proofPurpose": "assertionMethod",
    }
    signature = key.sign(_hash_data(document, proof))
    signed = {**document, "proof": {**proof, "proofValue": "z" + b58encode(signature)}}

    assert verify(signed, resolve_key=lambda method: key.public_key()) is False


def test_a_document_with_an_undefined_property_is_not_signed(key):
    document = copy.deepcopy(DOCUMENT)
    document["credentialSubject"]["unknownClaim"] = "x"

    with pytest.raises(ValueError, match="unknownClaim"):
        sign(
            document,
            private_key=key,
            verification_method="did:web:testserver#key-1",
            created=CREATED,
        )


def test_key_order_does_not_change_the_canonical_form():
    shuffled = dict(reversed(list(DOCUMENT.items())))
    assert canonize(shuffled) == canonize(DOCUMENT)


def test_the_canonical_form_names_the_volunteer_as_an_rdf_literal():
    assert '"Léa Martin"' in canonize(DOCUMENT)


def test_public_keys_are_ed25519_multikeys(key):
    value = public_key_multibase(key.public_key())

    assert value.startswith("z6Mk")  # multicodec 0xed01, base58btc
    assert (
        public_key_from_multibase(value).public_bytes_raw() == key.public_key().public_bytes_raw()
    )


def test_base58_keeps_leading_zero_bytes():
    data = b"\0\0\x01\xff"
    assert b58decode(b58encode(data)) == data


@pytest.mark.parametrize(
    ("site_url", "did"),
    [
        ("https://a-lasso.example.org", "did:web:a-lasso.example.org"),
        ("http://127.0.0.1:8000", "did:web:127.0.0.1%3A8000"),
        ("https://example.org/a-lasso/", "did:web:example.org:a-lasso"),
    ],
)
def test_the_did_comes_from_the_site_url(settings, site_url, did):
    settings.SITE_URL = site_url.rstrip("/")
    assert platform_did() == did
