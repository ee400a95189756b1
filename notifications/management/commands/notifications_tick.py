"""Queue the summary e-mails of notifications (run it once a day, e.g. at 7:00, from cron)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from notifications.tasks import send_digests

# The weekly summary goes out on Mondays when no frequency is given.
WEEKLY_DAY = 0


class Command(BaseCommand):
    help = (
        "Queue the daily summary of notifications, and the weekly one on Mondays "
        "(or only the one given by --frequency)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=["daily", "weekly"])

    def handle(self, *args, frequency: str | None, **options):
        if frequency:
            frequencies = [frequency]
        else:
            frequencies = ["daily"]
            if timezone.localdate().weekday() == WEEKLY_DAY:
                frequencies.append("weekly")
        # Each task claims its rows before sending, so an overlapping run does no harm.
        for name in frequencies:
            result = send_digests.enqueue(frequency=name)
            self.stdout.write(f"Queued the {name} digest: task {result.id}.")
