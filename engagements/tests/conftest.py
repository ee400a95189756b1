"""The cast's mission: Martine's association asks for a logo, Léa is a volunteer with a profile."""

import pytest

from accounts.tests.factories import UserFactory
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import MissionFactory


@pytest.fixture
def mission(association, martine):
    return MissionFactory(
        organization=association, title="Un logo pour la fête des jardins", created_by=martine
    )


@pytest.fixture
def lea_profile(lea):
    return VolunteerProfileFactory(user=lea, skills={"logo": 3, "figma": 2})


@pytest.fixture
def karim(db):
    """Another volunteer, with a profile."""
    user = UserFactory(full_name="Karim Benali", email="karim@example.org", intent="volunteer")
    VolunteerProfileFactory(user=user)
    return user
