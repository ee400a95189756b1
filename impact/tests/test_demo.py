"""The demo: shipped rates, and answers to the follow-up about completed missions."""

import datetime

import pytest
from django.utils import timezone

from core.demo import DemoContext
from impact import demo
from impact.models import AdoptionCheck, HourlyRate
from missions.models import MissionTemplate, Status
from missions.tests.factories import MissionFactory

from .factories import done

pytestmark = pytest.mark.django_db


def test_the_demo_answers_the_follow_up_of_completed_missions(association, martine, bruno):
    HourlyRate.objects.all().delete()
    now = timezone.now()
    poster = MissionTemplate.objects.get(slug="event-poster")
    other = bruno.memberships.get().organization
    ages = [200, 150, 120, 100, 95, 60, 40, 10]
    for index, days in enumerate(ages):
        organization = association if index % 2 else other
        mission = MissionFactory(
            organization=organization, status=Status.COMPLETED, template=poster
        )
        done(mission, hours=5, at=now - datetime.timedelta(days=days))
    running = MissionFactory(organization=association, status=Status.IN_PROGRESS)
    done(running, hours=5, at=now - datetime.timedelta(days=100))

    demo.build(DemoContext(seed=2026, quiet=True, objects={"users": {"martine": martine}}))

    assert HourlyRate.objects.count() == 7
    checks = AdoptionCheck.objects.all()
    assert checks.count() == 2 * len(ages)  # not about the mission still running
    assert not checks.filter(mission=running).exists()
    assert set(checks.filter(due_at__gt=now).values_list("status", flat=True)) == {"pending"}
    assert checks.filter(status="answered").exclude(answer="").count() >= 5
    assert not checks.filter(status="answered", answered_by__isnull=True).exists()
    waiting = checks.filter(status="asked", mission__organization=association)
    assert waiting.exists()  # Martine has a question on her dashboard
