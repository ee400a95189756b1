"""Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C, EdDSA Cryptosuites v1.0).

To sign: canonicalise the proof options (with the document's @context) and the document
with RDF Dataset Canonicalization (RDFC-1.0, which pyld still calls URDNA2015), hash each
with SHA-256, sign the two hashes end to end with Ed25519, and write the signature as a
base58btc multibase string (`z…`). Anyone can check it with any conforming implementation,
which is what credentials/tests/verify.mjs does with Digital Bazaar's.
"""

import datetime
import hashlib
from collections.abc import Callable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyld import jsonld
from pyld.jsonld import JsonLdError

from .jsonld import UnsafeDocument, check_safe, document_loader
from .keys import b58decode, b58encode

CRYPTOSUITE = "eddsa-rdfc-2022"


def canonize(document: dict) -> str:
    return jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": document_loader,
        },
    )


def _hash_data(document: dict, proof_options: dict) -> bytes:
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    config = {"@context": document["@context"], **proof_options}
    config.pop("proofValue", None)
    return (
        hashlib.sha256(canonize(config).encode()).digest()
        + hashlib.sha256(canonize(unsecured).encode()).digest()
    )


def w3c_datetime(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def sign(
    document: dict,
    *,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: datetime.datetime,
) -> dict:
    """Return a copy of `document` with a DataIntegrityProof for the assertionMethod purpose.

    Raises ValueError (UnsafeDocument) when the document holds a term its contexts do not
    define: such a term would not be covered by the signature.
    """
    check_safe({key: value for key, value in document.items() if key != "proof"})
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": w3c_datetime(created),
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    signature = private_key.sign(_hash_data(document, proof))
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    return {**unsecured, "proof": {**proof, "proofValue": "z" + b58encode(signature)}}


def verify(document: dict, *, resolve_key: Callable[[str], Ed25519PublicKey | None]) -> bool:
    """Check the proof of `document`; `resolve_key` maps a verificationMethod to its key."""
    proof = document.get("proof")
    if not isinstance(proof, dict):
        return False
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        return False
    value = proof.get("proofValue", "")
    public_key = resolve_key(proof.get("verificationMethod", ""))
    if public_key is None or not value.startswith("z"):
        return False
    try:
        # Both the credential and its proof, as the standard verifiers expand them.
        check_safe(document)
        check_safe({"@context": document.get("@context"), **proof})
        public_key.verify(b58decode(value[1:]), _hash_data(document, proof))
    except (InvalidSignature, UnsafeDocument, ValueError, JsonLdError):
        return False
    return True
