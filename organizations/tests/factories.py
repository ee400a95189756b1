import factory
from django.utils.text import slugify

from accounts.tests.factories import UserFactory
from organizations.models import Invitation, Membership, Organization


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    kind = Organization.Kind.ASSOCIATION
    name = factory.Sequence(lambda n: f"Association n°{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    association_type = Organization.AssociationType.CITIZEN
    rna = "W751234567"
    description = "Une association de quartier."
    commune_id = "75056"
    departement_code = "75"
    region_code = "11"

    class Params:
        verified = factory.Trait(verification=Organization.Verification.VERIFIED)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organization = factory.SubFactory(AssociationFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER


class OrganizationFactory(AssociationFactory):
    """Any kind: a school by default, without the association's fields."""

    kind = Organization.Kind.SCHOOL
    name = factory.Sequence(lambda n: f"École n°{n}")
    association_type = ""
    rna = ""


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organization = factory.SubFactory(AssociationFactory)
    email = factory.Sequence(lambda n: f"invite{n}@example.org")
    role = Membership.Role.MEMBER
    invited_by = factory.SubFactory(UserFactory)
