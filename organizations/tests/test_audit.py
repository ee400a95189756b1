"""Verification decisions and every change of membership are in the journal."""

from accounts.tests.factories import UserFactory
from audit.tests.helpers import journal
from organizations import services
from organizations.models import Membership
from organizations.tests.factories import AssociationFactory


def test_creation_invitations_roles_and_departures_are_journaled(martine):
    org = services.organization_create(by=martine, name="Les Jardins partagés", kind="association")
    paul = UserFactory(email="paul@example.org")
    sent = services.invitation_create(organization=org, email="paul@example.org", by=martine)
    services.invitation_accept(invitation=sent, user=paul)
    membership = Membership.objects.get(organization=org, user=paul)
    services.membership_set_role(membership=membership, role="admin", by=martine)
    membership.refresh_from_db()
    services.membership_remove(membership=membership, by=paul)
    cancelled = services.invitation_create(organization=org, email="zoe@example.org", by=martine)
    services.invitation_cancel(invitation=cancelled, by=martine)

    assert journal(org) == [
        ("membership.added", martine, org, {"user": martine.pk, "role": "admin"}),
        ("org_invitation.sent", martine, org, {"role": "member"}),
        ("org_invitation.accepted", paul, org, {"user": paul.pk, "role": "member"}),
        ("membership.role_changed", martine, org, {"user": paul.pk, "role": "admin"}),
        ("membership.removed", paul, org, {"user": paul.pk, "role": "admin"}),
        ("org_invitation.sent", martine, org, {"role": "member"}),
        ("org_invitation.cancelled", martine, org, {"role": "member"}),
    ]
    # No e-mail address in the journal.
    assert "example.org" not in str(journal())


def test_each_verification_decision_is_kept(staff):
    org = AssociationFactory(verification="pending")

    services.organization_verify(organization=org, by=staff, verified=False, note="RNA inconnu")
    services.organization_verify(organization=org, by=staff, verified=True)

    assert journal(org) == [
        ("organization.refused", staff, org, {"reason": "RNA inconnu"}),
        ("organization.verified", staff, org, {}),
    ]
