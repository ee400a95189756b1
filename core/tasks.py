"""Upkeep of the background work, queued by `manage.py cron`: tasks whose worker died,
e-mails to try again, and old rows to delete."""

from datetime import datetime, timedelta

from django.conf import settings
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from . import emails

LOST = "core.tasks.WorkerLost"


def tasks_reclaim(*, now: datetime | None = None) -> int:
    """Close as failed the tasks running for longer than TASK_RUNNING_TIMEOUT: a worker
    that is killed (out of memory, a restart) leaves its task "running" for ever.

    They are not run again: what they were doing is either periodic (the next period does
    it) or an e-mail, which the outbox queues again by itself (`emails.emails_requeue`).
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.TASK_RUNNING_TIMEOUT)
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        return_value=None,
        exception_class_path=LOST,
        traceback=(
            f"Still running after {settings.TASK_RUNNING_TIMEOUT} seconds: its worker was "
            "stopped or killed. Closed by `manage.py cron`.\n"
        ),
    )


def tasks_prune(*, now: datetime | None = None) -> int:
    """Delete the tasks finished more than TASK_RETENTION_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.TASK_RETENTION_DAYS)
    deleted, _ = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=cutoff,
    ).delete()
    return deleted


@task
def mail_tick() -> dict[str, int]:
    """Every quarter of an hour: close the lost tasks, queue again the e-mails to send."""
    return {"lost_tasks": tasks_reclaim(), "emails_queued": emails.emails_requeue()}


@task
def prune_tick() -> dict[str, int]:
    """Once a day: delete the finished tasks and the e-mails past TASK_RETENTION_DAYS."""
    return {"tasks": tasks_prune(), "emails": emails.emails_prune()}
