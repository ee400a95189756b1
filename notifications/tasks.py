"""Background work of the notifications app: the summary e-mails, the weekly e-mail."""

from django.tasks import task
from django.utils import timezone

from . import services, weekly


@task
def send_digests(*, frequency: str) -> int:
    return services.send_digests(frequency=frequency)


@task
def weekly_digest() -> dict[str, int]:
    """Record this week's digests (weekly.py), then queue their sending in batches."""
    now = timezone.now()
    recorded = weekly.prepare_weekly_digests(now=now)
    batches = weekly.unsent_batches(week=weekly.week_of(now))
    for ids in batches:
        send_weekly_digests.enqueue(ids=ids)
    return {"recorded": recorded, "batches": len(batches)}


@task
def send_weekly_digests(*, ids: list[int]) -> int:
    return weekly.send_weekly_digests(ids)
