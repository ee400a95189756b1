"""The verification table walked whole: moderators decide from any state, the admins'
corrections send a checked organisation back to them."""

import pytest

from accounts.tests.factories import UserFactory
from core.errors import ActionRefused
from organizations import services
from organizations.lifecycle import ORGANIZATION
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory

V = Organization.Verification
STAFF_ONLY = "Seule l’équipe de modération vérifie les organisations."


@pytest.mark.parametrize("state", V.values)
def test_every_action_from_every_state_is_allowed_or_refused_in_words(state, db, martine):
    organization = AssociationFactory(verification=state)
    staff = UserFactory(is_staff=True)

    for action in ("verify", "reject"):
        assert ORGANIZATION.refusal(organization, action, staff) == ""
        assert ORGANIZATION.refusal(organization, action, martine) == STAFF_ONLY
        assert ORGANIZATION.refusal(organization, action, None) == STAFF_ONLY
    resubmit = ORGANIZATION.refusal(organization, "resubmit", None)
    if state == V.PENDING:
        assert resubmit == "Cette organisation attend déjà sa vérification."
    else:
        assert resubmit == ""


def test_only_a_moderator_records_a_decision(db, martine):
    organization = AssociationFactory(verification=V.PENDING)

    with pytest.raises(ActionRefused, match="Seule l’équipe de modération"):
        services.organization_verify(organization=organization, by=martine, verified=True)

    organization.refresh_from_db()
    assert organization.is_pending_verification
