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


@pytest.fixture
def shipped_data(transactional_db):
    """Transactional tests empty every table after them, shipped data included: put back
    the few rows the cast needs (Paris for the association, Nantes and skills for Léa)."""
    from django.apps import apps

    from geo.models import Commune, Departement, Region
    from taxonomy.data import load as load_taxonomy

    for region, departement, insee, name in [
        ("11", "75", "75056", "Paris"),
        ("52", "44", "44109", "Nantes"),
    ]:
        Region.objects.get_or_create(code=region, defaults={"name": name})
        Departement.objects.get_or_create(
            code=departement, defaults={"name": name, "region_id": region}
        )
        Commune.objects.get_or_create(
            insee=insee,
            defaults={"name": name, "departement_id": departement, "region_id": region},
        )
    load_taxonomy(apps)
