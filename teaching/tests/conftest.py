"""The teaching cast, on top of the schools one: Sophie teaches Inès's cohort; Claire, of
the same school, teaches another cohort; Paul teaches at another school."""

import pytest

from accounts.tests.factories import UserFactory
from organizations.tests.factories import MembershipFactory
from schools.tests import conftest as schools_cast
from schools.tests.factories import CohortFactory

from .factories import completed_engagement

# The schools cast, shared.
school = schools_cast.school
sophie = schools_cast.sophie
paul = schools_cast.paul
cohort = schools_cast.cohort
ines = schools_cast.ines


@pytest.fixture
def claire(school):
    user = UserFactory(full_name="Claire Petit", email="claire@example.org")
    MembershipFactory(organization=school, user=user, role="member")
    return user


@pytest.fixture
def other_cohort(school, claire):
    return CohortFactory(school=school, name="BUT MMI 2e année", teachers=[claire])


@pytest.fixture
def ines_logo(ines, association):
    """Inès drew a logo for Martine's association, for her cohort: completed, 14 hours."""
    return completed_engagement(ines, association, title="Un logo pour la fête des jardins")
