"""The cast of an innovation night: Sophie's school organises it; Martine's association
(Yacine a member) brings challenges; Bruno runs another association; Inès and Léa are
students; Paul is a member of another school."""

import datetime

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory
from challenges.models import Criterion, Event
from organizations.tests.factories import AssociationFactory, MembershipFactory
from schools.tests.factories import SchoolFactory

from .factories import ChallengeFactory, EventFactory
from .jury_helpers import make_team


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


# --- The jury -------------------------------------------------------------------------------
@pytest.fixture
def night(event, sophie, association, ines, lea):
    """An event in judging: the Colibris answer Martine's association's challenge, the Hérons
    another association's; a two-criterion rubric."""
    Event.objects.filter(pk=event.pk).update(
        status=Event.Status.JUDGING,
        submission_deadline=timezone.now() - datetime.timedelta(hours=1),
    )
    event.refresh_from_db()
    ours = ChallengeFactory(event=event, association=association)
    theirs = ChallengeFactory(event=event, association=AssociationFactory(verified=True))
    make_team(event, "Les Colibris", [ines], ours)
    make_team(event, "Les Hérons", [lea], theirs)
    Criterion.objects.create(event=event, name="Idée", weight=2, order=0)
    Criterion.objects.create(event=event, name="Faisabilité", weight=1, order=1)
    return event


@pytest.fixture
def camille(db):
    return UserFactory(full_name="Camille Roux", email="camille@example.org")
