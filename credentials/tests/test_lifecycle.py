"""The attestation's table, walked: issue and revoke from every state, with the words."""

from types import SimpleNamespace

import pytest
from django.utils import timezone

from credentials.lifecycle import CREDENTIAL, not_issued
from credentials.models import Credential
from engagements.models import Application

STAFF = SimpleNamespace(pk=1, is_staff=True)
PERSON = SimpleNamespace(pk=2, is_staff=False)
STATES = [Credential.NOT_ISSUED, Credential.ISSUED, Credential.REVOKED]


def _credential(state, status=Application.Status.ACCEPTED) -> Credential:
    application = Application(status=status)
    if state == Credential.NOT_ISSUED:
        return not_issued(application)
    revoked = timezone.now() if state == Credential.REVOKED else None
    return Credential(pk=1, application=application, revoked_at=revoked)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("user", [STAFF, PERSON, None], ids=["staff", "person", "system"])
def test_revoking_from_every_state(state, user):
    refusal = CREDENTIAL.refusal(_credential(state), "revoke", user)
    if state == Credential.NOT_ISSUED:
        assert refusal  # nothing to revoke (and no page to ask it from)
    elif state == Credential.REVOKED:
        assert refusal == "Cette attestation est déjà révoquée."
    elif user is STAFF:
        assert refusal == ""
    else:
        assert refusal == "Seule l’équipe d’A-lasso peut révoquer une attestation."


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("status", Application.Status.values)
def test_issuing_from_every_state(state, status):
    refusal = CREDENTIAL.refusal(_credential(state, status), "issue", None)
    if state != Credential.NOT_ISSUED:
        assert refusal == "Cette attestation est déjà émise."
    elif status == Application.Status.ACCEPTED:
        assert refusal == ""
    else:
        assert refusal == "Seul un engagement accepté peut être attesté."


def test_can_revoke_is_for_staff_on_a_live_attestation():
    assert CREDENTIAL.can(_credential(Credential.ISSUED), STAFF).revoke
    assert not CREDENTIAL.can(_credential(Credential.REVOKED), STAFF).revoke
    assert not CREDENTIAL.can(_credential(Credential.ISSUED), PERSON).revoke
