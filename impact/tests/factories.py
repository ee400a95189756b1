"""Completed missions and their engagements, at a chosen moment, with chosen hours."""

from datetime import datetime, timedelta

from django.utils import timezone

from completion.models import Completion
from completion.tests.factories import CompletionFactory, engagement
from impact.models import AdoptionCheck
from missions.models import MissionEvent, MissionTemplate, Status
from missions.tests.factories import MissionFactory


def mission_in(organization, *, template: str | None = None, skills=(), status=Status.COMPLETED):
    """A mission of `organization` from the template `template` (a slug) or blank, asking
    for `skills` (slugs)."""
    return MissionFactory(
        organization=organization,
        template=MissionTemplate.objects.get(slug=template) if template else None,
        skills=list(skills),
        status=status,
    )


def done(mission, *, hours: int | None, at: datetime | None = None, volunteer=None) -> Completion:
    """A volunteer's engagement on `mission`, its end confirmed at `at` with `hours`."""
    application = engagement(mission=mission, volunteer=volunteer)
    return CompletionFactory(
        application=application, confirmed_hours=hours, completed_at=at or timezone.now()
    )


def completed_on(mission, at: datetime) -> MissionEvent:
    """The record of the mission's completion at `at` (what the follow-up starts from)."""
    event = MissionEvent.objects.create(
        mission=mission, from_status=Status.DELIVERED, to_status=Status.COMPLETED
    )
    MissionEvent.objects.filter(pk=event.pk).update(at=at)  # `at` is auto_now_add
    mission.status = Status.COMPLETED
    mission.save(update_fields=["status"])
    return event


def asked(mission, *, day: int = 30, at: datetime, answer: str = "", answered_by=None):
    """A question already put to the association at `at` (answered if `answer`)."""
    completed = at - timedelta(days=day)
    return AdoptionCheck.objects.create(
        mission=mission,
        day=day,
        completed_at=completed,
        due_at=at,
        asked_at=at,
        status=AdoptionCheck.Status.ANSWERED if answer else AdoptionCheck.Status.ASKED,
        answer=answer,
        answered_at=at if answer else None,
        answered_by=answered_by,
    )
