"""The teaching cast, on top of the schools one: Sophie teaches Inès's cohort; Claire, of
the same school, teaches another cohort; Paul teaches at another school."""

import pytest

from accounts.tests.factories import UserFactory
from organizations.tests.factories import MembershipFactory
from schools.tests.conftest import cohort, ines, paul, school, sophie  # noqa: F401
from schools.tests.factories import CohortFactory

from .factories import completed_engagement


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
