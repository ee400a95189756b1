import factory
from django.utils import timezone

from organizations.models import Organization
from organizations.tests.factories import OrganizationFactory
from schools.models import Cohort, CohortMembership, Level, new_code


class SchoolFactory(OrganizationFactory):
    # Checked by moderators: students join the cohorts of verified schools only.
    verification = Organization.Verification.VERIFIED
    uai = "0441234C"
    commune_id = "44109"
    departement_code = "44"
    region_code = "52"


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Master 1 Design graphique n°{n}")
    programme = "Design graphique"
    level = Level.BAC_4
    year = 2026
    code = factory.LazyFunction(new_code)

    @factory.post_generation
    def teachers(self, create, extracted, **kwargs):
        if create and extracted:
            self.teachers.set(extracted)


class CohortMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CohortMembership

    cohort = factory.SubFactory(CohortFactory)
    student = factory.SubFactory("accounts.tests.factories.UserFactory")
    joined_at = factory.LazyFunction(timezone.now)
