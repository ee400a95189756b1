"""The school's cast: Sophie teaches at the design school, Paul at another school, Inès is
a student of Sophie's cohort (Léa, of the root cast, is not in it yet)."""

import pytest

from accounts.tests.factories import UserFactory
from organizations.tests.factories import MembershipFactory

from .factories import CohortFactory, CohortMembershipFactory, SchoolFactory


@pytest.fixture
def school(db):
    return SchoolFactory(name="École de design de Nantes", verified=True)


@pytest.fixture
def sophie(school):
    user = UserFactory(full_name="Sophie Bernard", email="sophie@example.org")
    MembershipFactory(organization=school, user=user, role="admin")
    return user


@pytest.fixture
def paul(db):
    """A teacher of another school: an outsider to Sophie's."""
    user = UserFactory(full_name="Paul Garnier", email="paul@example.org")
    other = SchoolFactory(name="Lycée Jules-Verne", uai="0440012Z", verified=True)
    MembershipFactory(organization=other, user=user, role="admin")
    return user


@pytest.fixture
def cohort(school, sophie):
    return CohortFactory(school=school, name="Master 1 Design graphique", teachers=[sophie])


@pytest.fixture
def ines(cohort):
    user = UserFactory(full_name="Inès Moreau", email="ines@example.org", intent="volunteer")
    CohortMembershipFactory(cohort=cohort, student=user)
    return user
