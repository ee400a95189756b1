"""The cast of an innovation night: Sophie's school organises it; Martine's association
(Yacine a member) brings challenges; Bruno runs another association; Inès and Léa are
students; Paul is a member of another school."""

import pytest

from accounts.tests.factories import UserFactory
from organizations.tests.factories import MembershipFactory
from schools.tests.factories import SchoolFactory

from .factories import EventFactory


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
    user = UserFactory(full_name="Paul Garnier", email="paul@example.org")
    MembershipFactory(
        organization=SchoolFactory(name="Lycée Jules-Verne", uai="0440012Z", verified=True),
        user=user,
        role="admin",
    )
    return user


@pytest.fixture
def ines(db):
    return UserFactory(full_name="Inès Moreau", email="ines@example.org", intent="volunteer")


@pytest.fixture
def event(school, sophie):
    return EventFactory(organiser=school, created_by=sophie)
