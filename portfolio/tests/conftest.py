"""Léa's book: a completed logo mission with an image, a link and Martine's reference."""

import pytest

from completion.tests.factories import (
    CompletionFactory,
    DeliverableLinkFactory,
    ImageDeliverableFactory,
    ReviewFactory,
)
from completion.tests.factories import engagement as make_engagement
from missions.models import Status
from missions.tests.factories import MissionFactory
from portfolio.models import Portfolio
from taxonomy.models import Skill
from volunteers.tests.factories import VolunteerProfileFactory


@pytest.fixture
def lea_profile(lea):
    return VolunteerProfileFactory(
        user=lea,
        skills={"logo": 3, "illustration": 2},
        bio="Étudiante en design graphique, j’aime les affiches.",
        portfolio_links="https://www.behance.net/lea-martin",
    )


def completed_mission(volunteer, organization, title, *, testimonial="Un logo joyeux."):
    mission = MissionFactory(organization=organization, title=title, status=Status.COMPLETED)
    application = make_engagement(mission=mission, volunteer=volunteer)
    completion = CompletionFactory(application=application, confirmed_hours=14)
    ImageDeliverableFactory(completion=completion, name="logo.png")
    DeliverableLinkFactory(completion=completion, url="https://jardins.example.org")
    review = ReviewFactory(application=application, testimonial=testimonial)
    review.endorsed_skills.set(Skill.objects.filter(slug__in=["logo", "canva"]))
    return completion


@pytest.fixture
def logo_mission(lea, lea_profile, association):
    return completed_mission(lea, association, "Un logo pour la fête des jardins")


@pytest.fixture
def book(lea, lea_profile):
    return Portfolio.objects.create(user=lea, slug="lea-martin", is_public=True)


@pytest.fixture
def karim_book(db):
    from accounts.tests.factories import UserFactory

    karim = UserFactory(full_name="Karim Benali")
    VolunteerProfileFactory(user=karim)
    return Portfolio.objects.create(user=karim, slug="karim", is_public=True)
