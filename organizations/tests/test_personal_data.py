from accounts.services import user_delete, user_personal_data
from organizations.tests.factories import InvitationFactory


def test_the_export_lists_memberships_and_invitations(martine, association):
    InvitationFactory(organization=association, email=martine.email)

    data = user_personal_data(user=martine)["organizations"]

    assert data["memberships"][0]["organization"] == "Les Jardins Partagés de Belleville"
    assert data["memberships"][0]["role"] == "admin"
    assert len(data["invitations_received"]) == 1


def test_deleting_an_account_removes_the_person_from_organisations(yacine, association):
    InvitationFactory(organization=association, email=yacine.email)

    user_delete(user=yacine)

    assert not association.memberships.filter(user=yacine).exists()
    assert not association.invitations.exists()
    assert association.memberships.count() == 1  # Martine stays
