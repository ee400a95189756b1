"""The demo: shipped rates, and answers to the follow-up about completed missions."""

import datetime

import pytest
from django.db.models import Q
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


def test_the_demo_adds_missions_ended_months_ago_so_that_answers_exist(association, martine):
    from accounts.tests.factories import UserFactory
    from impact import selectors

    crowd = UserFactory.create_batch(3)
    context = DemoContext(seed=2026, quiet=True, objects={"users": {"martine": martine}})
    context.objects["crowd"] = crowd
    demo.build(context)

    past = AdoptionCheck.objects.filter(mission__organization=association)
    assert past.filter(day=90).exclude(status="pending").count() >= 5
    adoption = selectors.adoption_rate(Q(pk=association.pk), day=90)
    assert adoption.asked >= 5 and adoption.answered >= 3
    assert selectors.value_received(association).hours > 0
    assert past.filter(status="asked").exists()  # one waits for Martine
