from django.core import mail

from notifications.models import Notification
from organizations.models import Organization
from organizations.services import organization_update, organization_verify
from organizations.tests.factories import AssociationFactory, MembershipFactory


def test_admins_are_told_when_their_association_is_verified(commit, martine, yacine, staff):
    association = martine.memberships.get().organization
    Organization.objects.filter(pk=association.pk).update(verification="pending")

    commit(organization_verify, organization=association, by=staff, verified=True)

    association.refresh_from_db()
    assert association.is_verified
    notification = Notification.objects.get(kind="organization_verified")
    assert notification.user == martine  # admins only, not Yacine
    assert notification.title == "« Les Jardins Partagés de Belleville » est vérifiée"
    assert notification.url == association.get_absolute_url()
    assert mail.outbox[-1].to == ["martine@example.org"]


def test_a_refusal_gives_the_reason(commit, db, staff):
    admin = MembershipFactory(role="admin", organization=AssociationFactory(name="Club X"))

    commit(
        organization_verify,
        organization=admin.organization,
        by=staff,
        verified=False,
        note="Le numéro RNA ne correspond à aucune association.",
    )

    notification = Notification.objects.get(kind="organization_rejected")
    assert notification.title == "« Club X » n’a pas pu être vérifiée"
    assert "La raison : Le numéro RNA ne correspond à aucune association." in notification.body


def test_a_new_name_sends_a_verified_association_back_to_the_moderators(association):
    organization_update(organization=association, description="Nouvelle présentation.")
    assert association.is_verified

    organization_update(organization=association, name="Les Jardins de Belleville")

    association.refresh_from_db()
    assert association.verification == "pending"


def test_a_corrected_refused_association_is_checked_again(db):
    refused = AssociationFactory(verification="rejected")

    organization_update(organization=refused, description="Avec une vraie présentation.")

    refused.refresh_from_db()
    assert refused.verification == "pending"


def test_the_edit_page_says_when_it_goes_back_to_the_moderators(client, martine, association):
    from organizations.tests.test_create import association_data

    client.force_login(martine)

    response = client.post(
        f"/organizations/{association.slug}/edit/",
        association_data(name="Jardins de Belleville", rna="", siren=""),
        follow=True,
    )

    assert "va vérifier à nouveau" in response.text
    assert "En attente de vérification" in response.text
