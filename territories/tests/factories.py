import factory

from organizations.models import Organization
from organizations.tests.factories import AssociationFactory


class AuthorityFactory(AssociationFactory):
    kind = Organization.Kind.LOCAL_AUTHORITY
    name = factory.Sequence(lambda n: f"Collectivité n°{n}")
    association_type = ""
    rna = ""
    commune_id = "69123"
    departement_code = "69"
    region_code = "84"
