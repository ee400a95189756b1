"""Apply the retention rules (home/retention.py, listed on /legal/retention/): warn the
accounts unused for 3 years, anonymise those warned 30 days ago who did not come back, delete
old messages, notifications, finished tasks and data archives. `--dry-run` lists what a real
run would do, and does nothing. The cron's daily "retention" job runs the same."""

from django.core.management.base import BaseCommand

from home.retention import retention_apply, retention_plan

LABELS = {
    "warn": "accounts to warn (3 years without logging in)",
    "anonymise": "accounts to anonymise (warned 30 days ago, not back)",
    "messages": "messages older than 3 years",
    "notifications": "notifications older than 1 year",
    "tasks": "finished task rows past TASK_RETENTION_DAYS",
    "exports": "data archives older than 48 hours",
}


class Command(BaseCommand):
    help = "Apply the retention rules; with --dry-run, only list what would be deleted."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list, delete nothing")

    def handle(self, *args, dry_run: bool, verbosity: int, **options):
        plan = retention_plan()
        for name, ids in plan.lists().items():
            self.stdout.write(f"{LABELS[name]}: {len(ids)}")
            if verbosity > 1 or dry_run:
                for pk in ids:
                    self.stdout.write(f"  {name} {pk}")
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
            return
        retention_apply(plan)
        self.stdout.write("Done.")
