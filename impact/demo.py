"""Demo follow-up: the hourly rates (shipped by the migration, put back if missing) and the
associations' answers to « do you still use it? » about the completed demo missions — most
answered, some left unanswered, the recent ones still to come; Martine has one waiting on
her dashboard."""

import datetime

from django.apps import apps
from django.db.models import Max
from django.utils import timezone

from completion.models import Completion
from core.demo import DemoContext
from missions.models import Status as MissionStatus
from organizations.models import Membership

from . import rates
from .lifecycle import ANSWER_WINDOW
from .models import AdoptionCheck

S, A = AdoptionCheck.Status, AdoptionCheck.Answer
# How associations answer, most of the time.
ANSWERS = [A.YES] * 12 + [A.PARTLY] * 5 + [A.NO] * 3
ANSWERED = 0.75


def build(ctx: DemoContext) -> None:
    rates.load(apps)
    rng, now = ctx.rng, timezone.now()
    ended = dict(
        Completion.objects.filter(
            status=Completion.Status.COMPLETED,
            application__mission__status=MissionStatus.COMPLETED,
        )
        .values("application__mission")
        .annotate(ended=Max("completed_at"))
        .order_by("application__mission")
        .values_list("application__mission", "ended")
    )
    missions = dict(
        Completion.objects.filter(application__mission_id__in=ended)
        .values_list("application__mission", "application__mission__organization")
        .distinct()
    )
    admins: dict[int, int] = {}
    for organization_id, user_id in (
        Membership.objects.filter(
            organization_id__in=set(missions.values()), role=Membership.Role.ADMIN
        )
        .order_by("pk")
        .values_list("organization_id", "user_id")
    ):
        admins.setdefault(organization_id, user_id)

    checks = []
    for mission_id, at in ended.items():
        if at is None:
            continue
        for day in (30, 90):
            due = at + datetime.timedelta(days=day)
            check = AdoptionCheck(
                mission_id=mission_id, day=day, completed_at=at, due_at=due, status=S.PENDING
            )
            if due <= now:
                check.status, check.asked_at = S.ASKED, due
                if rng.random() < ANSWERED:
                    check.status, check.answer = S.ANSWERED, rng.choice(ANSWERS)
                    check.answered_at = min(
                        now, due + datetime.timedelta(hours=rng.randint(2, 120))
                    )
                    check.answered_by_id = admins.get(missions[mission_id])
                elif now - due > ANSWER_WINDOW:
                    check.status, check.expired_at = S.EXPIRED, due + ANSWER_WINDOW
            checks.append(check)
    AdoptionCheck.objects.bulk_create(checks, batch_size=1000)
    _one_waiting_for(ctx.objects.get("users", {}).get("martine"), now)


def _one_waiting_for(martine, now) -> None:
    """The latest question due to Martine's association waits for her, on her dashboard."""
    if martine is None:
        return
    latest = (
        AdoptionCheck.objects.filter(
            due_at__lte=now,
            mission__organization__memberships__user=martine,
            mission__organization__memberships__role=Membership.Role.ADMIN,
        )
        .order_by("-due_at")
        .first()
    )
    if latest is not None:
        AdoptionCheck.objects.filter(pk=latest.pk).update(
            status=S.ASKED,
            asked_at=max(latest.due_at, now - datetime.timedelta(days=2)),
            answer="",
            answered_at=None,
            answered_by=None,
            expired_at=None,
        )
