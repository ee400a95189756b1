import pytest

from missions.models import Status
from missions.tests.factories import DraftFactory, MissionFactory


@pytest.fixture
def mission(association):
    """An open mission of Martine's association."""
    return MissionFactory(organization=association)


@pytest.fixture
def draft(association, martine):
    return DraftFactory(organization=association, created_by=martine)


@pytest.fixture
def submitted(association):
    return MissionFactory(organization=association, status=Status.SUBMITTED)
