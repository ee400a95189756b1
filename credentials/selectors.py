"""Reads the credential pages share: one attestation by its public id, a holder's list, did.json."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User

from .jsonld import DID_V1, MULTIKEY_V1
from .keys import platform_did
from .models import Credential, SigningKey


def get_credential(public_id: str) -> Credential:
    """Anyone may see an attestation: its address is the proof the holder hands out."""
    return get_object_or_404(
        Credential.objects.select_related("status_list", "revoked_by"), public_id=public_id
    )


def credentials_of(user: User) -> QuerySet[Credential]:
    """Her attestations and her challenge badges."""
    return Credential.objects.filter(Q(application__volunteer=user) | Q(holder=user)).order_by(
        "-issued_at"
    )


def did_document() -> dict:
    """The platform's DID document: every key it ever signed with, so old proofs still
    verify; a withdrawn (compromised) key stays listed but no longer vouches for anything."""
    did = platform_did()
    keys = list(SigningKey.objects.order_by("number"))
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": [
            {
                "id": f"{did}#{key.fragment}",
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": key.public_key_multibase,
            }
            for key in keys
        ],
        "assertionMethod": [f"{did}#{key.fragment}" for key in keys if key.withdrawn_at is None],
    }
