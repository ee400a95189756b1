"""The scene of the messaging tests: Martine's mission, Léa's application, and outsiders."""

import pytest

from accounts.tests.factories import UserFactory
from engagements.models import Application
from messaging import services

from .factories import ApplicationFactory, MissionFactory


@pytest.fixture
def mission(association, martine, yacine):
    return MissionFactory(
        organization=association,
        title="Affiche de la fête du jardin",
        need="Une affiche pour annoncer la fête du jardin le 14 juin.",
        status="open",
        created_by=martine,
    )


@pytest.fixture
def application(mission, lea):
    return ApplicationFactory(mission=mission, volunteer=lea, status=Application.Status.PENDING)


@pytest.fixture
def karim(db):
    """Another volunteer, who has nothing to do with Léa's application."""
    return UserFactory(full_name="Karim Benali", email="karim@example.org")


@pytest.fixture
def application_thread(application):
    return services.thread_for_application(application)


@pytest.fixture
def team(mission, lea):
    """The mission's team thread, Léa being its accepted volunteer."""
    Application.objects.update_or_create(
        mission=mission, volunteer=lea, defaults={"status": Application.Status.ACCEPTED}
    )
    return services.team_thread(mission)
