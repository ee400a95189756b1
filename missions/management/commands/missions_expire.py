"""Expire the open missions whose end date has passed: run once a day (cron, systemd timer)."""

from django.core.management.base import BaseCommand

from missions.services import missions_expire


class Command(BaseCommand):
    help = "Move open missions whose end date has passed to 'expired' (safe to run repeatedly)."

    def handle(self, *args, verbosity: int, **options):
        expired = missions_expire()
        if verbosity:
            self.stdout.write(f"{expired} mission{'' if expired == 1 else 's'} expired.")
