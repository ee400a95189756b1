"""Periodic work on the end of missions: review reminders and publication (run it hourly)."""

from django.core.management.base import BaseCommand

from completion.tasks import completion_tick


class Command(BaseCommand):
    help = "Queue the reminders of unwritten reviews and the publication of reviews due."

    def handle(self, *args, **options):
        # The task claims each row before acting, so an overlapping run does no harm.
        result = completion_tick.enqueue()
        self.stdout.write(f"Queued task {result.id}.")
