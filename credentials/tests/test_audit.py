"""Issuing and revoking an attestation are in the journal."""

from audit.tests.helpers import journal
from credentials.services import credential_revoke, issue_for


def test_issue_and_revocation_are_journaled(engagement, staff):
    credential = issue_for(engagement)
    issue_for(engagement)  # the same one again: nothing new happened
    credential_revoke(credential=credential, by=staff, reason="Heures gonflées")

    assert journal(credential) == [
        ("credential.issued", None, credential, {"application": engagement.pk}),
        ("credential.revoked", staff, credential, {"reason": "Heures gonflées"}),
    ]
