import pytest

from missions.models import WorkMode
from missions.tests.factories import MissionFactory
from taxonomy.models import Level
from volunteers.models import WorkMode as VolunteerWorkMode
from volunteers.tests.factories import VolunteerProfileFactory


@pytest.fixture
def designer(lea):
    """Léa, a graphic designer in Lyon: logo (expert) and Figma, 5 hours a week."""
    return VolunteerProfileFactory(
        user=lea,
        commune_id="69123",
        departement_code="69",
        region_code="84",
        hours_per_week=5,
        work_mode=VolunteerWorkMode.BOTH,
        skills={"logo": Level.EXPERT, "figma": Level.COMFORTABLE},
    )


@pytest.fixture
def logo_mission(association):
    return MissionFactory(
        organization=association, title="Un logo pour les jardins", skills=["logo", "figma"]
    )


@pytest.fixture
def sheet_mission(association):
    return MissionFactory(
        organization=association, title="Un tableau des adhérents", skills=["spreadsheets"]
    )


@pytest.fixture
def far_mission(bruno):
    """An on-site logo mission in Nantes, far from Lyon."""
    return MissionFactory(
        organization=bruno.memberships.get().organization,
        title="Un logo à dessiner sur place à Nantes",
        skills=["logo"],
        work_mode=WorkMode.ONSITE,
        commune_id="44109",
        departement_code="44",
        region_code="52",
    )
