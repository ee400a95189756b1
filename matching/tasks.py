"""Background work of matching: the weekly digest, and the daily round of the missions."""

from django.tasks import task
from django.utils import timezone

from missions.services import missions_expire

from . import digest, reminders


@task
def weekly_digest() -> dict[str, int]:
    """Record this week's digests, then queue their sending in batches."""
    now = timezone.now()
    recorded = digest.prepare_weekly_digests(now=now)
    batches = digest.unsent_batches(week=digest.week_of(now))
    for ids in batches:
        send_weekly_digests.enqueue(ids=ids)
    return {"recorded": recorded, "batches": len(batches)}


@task
def send_weekly_digests(*, ids: list[int]) -> int:
    return digest.send_weekly_digests(ids)


@task
def missions_tick() -> dict[str, int]:
    """Once a day: expire the open missions past their end date, then send the reminders
    (the associations whose mission just expired hear about it in the same round)."""
    expired = missions_expire()
    return {"expired": expired, **reminders.missions_remind()}
