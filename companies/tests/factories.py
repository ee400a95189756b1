import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from companies.models import Company, EmailDomain, Employee, Programme, Sponsorship
from engagements.tests.factories import ApplicationFactory
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory


class CompanyOrganizationFactory(AssociationFactory):
    kind = Organization.Kind.COMPANY
    name = factory.Sequence(lambda n: f"Entreprise n°{n}")
    association_type = ""
    rna = ""
    siren = "732829320"


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    organization = factory.SubFactory(CompanyOrganizationFactory, verified=True)


class EmailDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmailDomain

    company = factory.SubFactory(CompanyFactory)
    domain = factory.Sequence(lambda n: f"entreprise{n}.fr")


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    company = factory.SubFactory(CompanyFactory)
    user = factory.SubFactory(UserFactory)
    via = Employee.Via.LINK
    joined_at = factory.LazyFunction(timezone.now)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    company = factory.SubFactory(CompanyFactory)
    name = "Mécénat de compétences"
    hours_per_employee = 40
    one_off = True
    recurring = True


class SponsorshipFactory(factory.django.DjangoModelFactory):
    """Approved working time for an accepted application."""

    class Meta:
        model = Sponsorship

    programme = factory.SubFactory(ProgrammeFactory)
    employee = factory.SubFactory(
        EmployeeFactory, company=factory.SelfAttribute("..programme.company")
    )
    application = factory.SubFactory(
        ApplicationFactory,
        volunteer=factory.SelfAttribute("..employee.user"),
        status="accepted",
    )
    hours = 10
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    status = Sponsorship.Status.APPROVED
