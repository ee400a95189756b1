"""The one entry point for periodic work: run `manage.py cron` every few minutes from cron
(or a systemd timer). It only queues tasks; the task workers do the work.

Each job runs once per period — a quarter of an hour, an hour, a day, a week or a month, days
starting at 7:00 local time so that e-mails arrive in the morning. A `home.PeriodicRun`
row (unique on job and period) records that the job was queued, in the same transaction as
the queuing: running the command twice, or from two machines, queues nothing twice. The
tasks themselves claim every row they act on, so even `--force` never sends anything twice.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from companies.tasks import check_ins_tick
from completion.tasks import completion_tick
from core.statistics import statistics_tick
from core.tasks import mail_tick, prune_tick
from credentials.tasks import credentials_tick
from engagements.tasks import applications_tick
from impact.tasks import impact_tick
from missions.tasks import missions_tick, opendata_tick
from notifications.tasks import send_digests, weekly_digest
from quickhelp.tasks import quickhelp_tick
from territories.report import territory_reports_tick

from ...models import PeriodicRun
from ...retention import retention_tick

QUARTERLY, HOURLY, DAILY, WEEKLY = "quarter-hourly", "hourly", "daily", "weekly"
MONTHLY = "monthly"  # its first run is on the 1st, from 7:00
DAY_STARTS = timedelta(hours=7)


@dataclass(frozen=True)
class Job:
    name: str
    every: str
    task: Callable
    kwargs: dict = field(default_factory=dict)
    help: str = ""


JOBS = [
    Job(
        "applications",
        HOURLY,
        applications_tick,
        help="reminders of applications unanswered for 5 days, expiry at 10",
    ),
    Job(
        "completion",
        HOURLY,
        completion_tick,
        help="publish reviews 14 days after the end; remind references not yet written",
    ),
    Job(
        "credentials",
        HOURLY,
        credentials_tick,
        help="sign the attestations that became due (reviews published, or 14 days passed)",
    ),
    Job(
        "mail",
        QUARTERLY,
        mail_tick,
        help="close the tasks whose worker died; queue again the e-mails to retry",
    ),
    Job(
        "missions",
        DAILY,
        missions_tick,
        help="expire missions past their end date; remind silent and overdue missions",
    ),
    Job(
        "notifications-daily",
        DAILY,
        send_digests,
        {"frequency": "daily"},
        help="the daily summary of notifications",
    ),
    Job(
        "notifications-weekly",
        WEEKLY,
        send_digests,
        {"frequency": "weekly"},
        help="the weekly summary of notifications",
    ),
    Job(
        "prune",
        DAILY,
        prune_tick,
        help="delete finished tasks and sent or failed e-mails after TASK_RETENTION_DAYS",
    ),
    Job(
        "statistics",
        DAILY,
        statistics_tick,
        help="the query planner's statistics, on SQLite (PostgreSQL keeps its own)",
    ),
    Job(
        "matching-digest",
        WEEKLY,
        weekly_digest,
        help="each volunteer's new missions of the week",
    ),
    Job(
        "impact",
        DAILY,
        impact_tick,
        help="ask associations, 30 and 90 days after a mission's end, if they still use it",
    ),
    Job(
        "companies",
        DAILY,
        check_ins_tick,
        help="remind the tutors of talents solidaires whose last month is not confirmed",
    ),
    Job(
        "territory-reports",
        MONTHLY,
        territory_reports_tick,
        help="each local authority's report of the month gone by, e-mailed to its agents",
    ),
    Job(
        "quickhelp",
        HOURLY,
        quickhelp_tick,
        help="remind tomorrow's calls; unanswered questions to more volunteers, then to a mission",
    ),
    Job(
        "retention",
        DAILY,
        retention_tick,
        help="the retention rules: warn and anonymise unused accounts, delete old messages, "
        "notifications, finished tasks and data archives (manage.py retention --dry-run)",
    ),
    Job(
        "opendata",
        DAILY,
        opendata_tick,
        help="the open missions as open data files, CSV and JSON (Licence Ouverte 2.0)",
    ),
]


def period_of(every: str, now: datetime) -> str:
    """The period `now` falls in: "2026-03-02T09:45", "2026-03-02T09", "2026-03-02",
    "2026-W10" or "2026-03"."""
    local = timezone.localtime(now)
    if every == QUARTERLY:
        return local.strftime("%Y-%m-%dT%H:") + f"{local.minute // 15 * 15:02d}"
    if every == HOURLY:
        return local.strftime("%Y-%m-%dT%H")
    day = (local - DAY_STARTS).date()
    if every == DAILY:
        return day.isoformat()
    if every == MONTHLY:
        return day.strftime("%Y-%m")
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class Command(BaseCommand):
    help = "Queue the periodic jobs that are due (run it every few minutes)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", nargs="+", choices=[job.name for job in JOBS], help="only these jobs"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="queue even the jobs already queued in this period (nothing is sent twice)",
        )

    def handle(self, *args, only: list[str] | None, force: bool, verbosity: int, **options):
        now = timezone.now()
        for job in JOBS:
            if only and job.name not in only:
                continue
            period = period_of(job.every, now)
            try:
                with transaction.atomic():
                    _run, created = PeriodicRun.objects.get_or_create(job=job.name, period=period)
                    if not (created or force):
                        continue
                    result = job.task.enqueue(**job.kwargs)
            except IntegrityError:
                continue  # another machine queued it at the same moment
            if verbosity:
                self.stdout.write(f"{job.name} ({period}): queued task {result.id}.")
