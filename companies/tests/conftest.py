"""The companies' cast: Sandrine runs the skills-based volunteering of the Imprimerie Martin
(whose addresses end in @imprimerie-martin.fr), Julie and Thomas work there, Gilles runs
another company's. Martine's association (root cast) is the one they help."""

import pytest

from accounts.tests.factories import UserFactory
from missions.tests.factories import MissionFactory
from organizations.tests.factories import MembershipFactory
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import CompanyFactory, EmailDomainFactory, EmployeeFactory, ProgrammeFactory


@pytest.fixture
def company(db):
    company = CompanyFactory(organization__name="Imprimerie Martin")
    EmailDomainFactory(company=company, domain="imprimerie-martin.fr")
    return company


@pytest.fixture
def sandrine(company):
    user = UserFactory(full_name="Sandrine Roux", email="sandrine@imprimerie-martin.fr")
    MembershipFactory(organization=company.organization, user=user, role="admin")
    return user


@pytest.fixture
def julie(company):
    """An employee who joined by the company's e-mail domain, with a volunteer profile."""
    user = UserFactory(full_name="Julie Garnier", email="julie@imprimerie-martin.fr")
    EmployeeFactory(company=company, user=user, via="domain")
    VolunteerProfileFactory(user=user, kind="employee", school_name="", programme="")
    return user


@pytest.fixture
def thomas(company):
    """An employee who joined by the invitation link, with a personal address."""
    user = UserFactory(full_name="Thomas Blanc", email="thomas.blanc@example.net")
    EmployeeFactory(company=company, user=user)
    return user


@pytest.fixture
def gilles(db):
    """The manager of another company: an outsider to the Imprimerie Martin."""
    user = UserFactory(full_name="Gilles Perrin", email="gilles@transports-perrin.fr")
    other = CompanyFactory(organization__name="Transports Perrin", organization__siren="552100554")
    MembershipFactory(organization=other.organization, user=user, role="admin")
    return user


@pytest.fixture
def programme(company):
    """40 hours a year for each employee, any cause, anywhere, both formats."""
    return ProgrammeFactory(
        company=company, name="Mécénat 2026", recurring_hours_per_month=8, recurring_months=3
    )


@pytest.fixture
def mission(association):
    """Martine's open mission, estimated at 15 hours."""
    return MissionFactory(organization=association, title="Un logo pour les jardins")
