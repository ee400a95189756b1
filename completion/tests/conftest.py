"""The cast at the end of a mission: Léa delivers a logo to Martine's association."""

import pytest

from accounts.tests.factories import UserFactory
from missions.models import Status
from missions.tests.factories import MissionFactory
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import engagement as make_engagement


@pytest.fixture
def mission(association, martine):
    return MissionFactory(
        organization=association,
        title="Un logo pour la fête des jardins",
        created_by=martine,
        status=Status.IN_PROGRESS,
        skills=["logo", "figma"],
    )


@pytest.fixture
def lea_profile(lea):
    return VolunteerProfileFactory(user=lea, skills={"logo": 3, "illustration": 2})


@pytest.fixture
def engagement(mission, lea, lea_profile):
    """Léa's accepted application, agreement confirmed by both, mission in progress."""
    return make_engagement(mission=mission, volunteer=lea)


@pytest.fixture
def karim(db):
    """Another volunteer, with nothing to do with the mission."""
    user = UserFactory(full_name="Karim Benali", email="karim@example.org", intent="volunteer")
    VolunteerProfileFactory(user=user)
    return user
