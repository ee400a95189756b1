"""Periodic work on applications: reminders at 5 days, expiry at 10 (run it every hour)."""

from django.core.management.base import BaseCommand

from engagements.tasks import applications_tick


class Command(BaseCommand):
    help = "Queue the reminders and expiries of unanswered applications."

    def handle(self, *args, **options):
        # The task claims each row before acting, so an overlapping run does no harm.
        result = applications_tick.enqueue()
        self.stdout.write(f"Queued task {result.id}.")
