"""Reminders about missions: silent for two weeks, or past their end date.

Each reminder is claimed by creating its `MissionReminder` marker (unique on mission, kind
and key) before anyone is told, in the same transaction: a second run, or a second worker,
finds the marker and tells nobody again.

- Silent for 14 days (nothing happened: no message, application or change of state):
  an open mission → its association, with the volunteers it could invite; a mission in
  progress → the association and its volunteers, to give news; a delivered one → the
  association, to confirm the end. The key is the date of the last activity, so a mission
  that wakes up and falls silent again gets a new reminder.
- Past its end date: a mission still in progress → the association and its volunteers,
  to deliver or move the date; a delivered one → the association, to confirm the end; an
  open one expired by `missions_expire` → the association, so it learns why it left the
  list. The key is the end date: moved, then passed again, it is reminded again.
"""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from notifications.services import notify
from organizations.selectors import mission_members

from .models import Mission, MissionReminder, Status
from .signals import mission_team

SILENT_AFTER = timedelta(days=14)
# Expired missions older than this are history: nobody is told about them any more.
EXPIRED_RECENTLY = timedelta(days=7)
SILENT_STATES = [Status.OPEN, Status.IN_PROGRESS, Status.DELIVERED]
PAST_END_STATES = [Status.IN_PROGRESS, Status.DELIVERED, Status.EXPIRED]


def team_of(mission: Mission) -> list[User]:
    """Who works on `mission`, as the apps above know it (engagements: the team)."""
    return [
        person
        for _receiver, team in mission_team.send(sender=Mission, mission=mission)
        for person in team or []
    ]


def _claim(mission_id: int, kind: str, key: str) -> bool:
    _marker, created = MissionReminder.objects.get_or_create(
        mission_id=mission_id, kind=kind, key=key
    )
    return created


class _Notice(NamedTuple):
    kind: str  # the notification's kind
    users: list[User]
    url: str
    context: dict  # added to the mission's title, association and status


def _notify_each(missions: QuerySet, kind: str, notice: Callable[[Mission, Any], _Notice]) -> int:
    """Claim, then send, the reminder of each (mission id, key) row; how many were sent.

    The key (a date or datetime) names the reminder: a row already claimed is skipped.
    """
    sent = 0
    for pk, key in list(missions):
        with transaction.atomic():
            if not _claim(pk, kind, key.isoformat()):
                continue
            mission = Mission.objects.select_related("organization").get(pk=pk)
            told = notice(mission, key)
            context = {
                "mission": mission.title,
                "organization": mission.organization.name,
                "status": mission.status,
                **told.context,
            }
            notify(users=told.users, kind=told.kind, context=context, url=told.url)
            sent += 1
    return sent


def remind_silent(*, now: datetime) -> int:
    """Tell who can act about missions where nothing happened for 14 days."""
    kind = MissionReminder.Kind.SILENT
    silent = (
        Mission.objects.filter(status__in=SILENT_STATES)
        .annotate(activity=Coalesce("last_activity_at", "published_at", "updated_at"))
        .filter(activity__lte=now - SILENT_AFTER)
        # Already reminded since the last activity: nothing new to say.
        .exclude(
            Exists(
                MissionReminder.objects.filter(
                    mission=OuterRef("pk"), kind=kind, created_at__gte=OuterRef("activity")
                )
            )
        )
        .values_list("pk", "activity")
    )

    def notice(mission: Mission, activity: datetime) -> _Notice:
        if mission.status == Status.OPEN:
            people = mission_members(mission)
            url = reverse("matching:volunteers_for_mission", args=[mission.pk])
        elif mission.status == Status.IN_PROGRESS:
            people = mission_members(mission) + team_of(mission)
            url = reverse("messaging:for_mission", args=[mission.pk])
        else:
            people = mission_members(mission)
            url = reverse("missions:detail", args=[mission.pk])
        return _Notice("mission_silent", people, url, {"days": (now - activity).days})

    return _notify_each(silent, kind, notice)


def remind_past_end(*, today: date) -> int:
    """Tell who can act about missions whose end date has passed."""
    kind = MissionReminder.Kind.PAST_END
    past = (
        Mission.objects.filter(status__in=PAST_END_STATES, end_date__lt=today)
        .exclude(Q(status=Status.EXPIRED) & Q(end_date__lt=today - EXPIRED_RECENTLY))
        .exclude(
            Exists(
                MissionReminder.objects.filter(
                    mission=OuterRef("pk"), kind=kind, created_at__date__gt=OuterRef("end_date")
                )
            )
        )
        .values_list("pk", "end_date")
    )

    def notice(mission: Mission, end_date: date) -> _Notice:
        people = mission_members(mission)
        if mission.status == Status.IN_PROGRESS:
            people += team_of(mission)
        return _Notice(
            "mission_expired" if mission.status == Status.EXPIRED else "mission_past_end",
            people,
            reverse("missions:detail", args=[mission.pk]),
            {"end_date": end_date.strftime("%d/%m/%Y")},
        )

    return _notify_each(past, kind, notice)


def missions_remind(*, now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    return {
        "silent": remind_silent(now=now),
        "past_end": remind_past_end(today=timezone.localdate(now)),
    }
