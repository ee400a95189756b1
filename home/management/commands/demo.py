"""Fill the database with realistic, deterministic demo data."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from accounts.models import User
from core.demo import DEMO_DOMAIN, DemoContext, demo_modules
from core.statistics import refresh_statistics
from home import demo_scale


class Command(BaseCommand):
    help = (
        "Load demo data: people of every kind with known passwords (deterministic per --seed). "
        "With --volunteers and --missions, add that many more in bulk, for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the database already holds accounts (used by `make run`)",
        )
        parser.add_argument(
            "--volunteers",
            type=int,
            metavar="N",
            help="add volunteers in bulk until there are N of them (default: 2 × missions); "
            "on a database that already holds the demo, only this part runs",
        )
        parser.add_argument(
            "--missions",
            type=int,
            metavar="M",
            help="add missions in bulk until there are M of them, with M/5 associations and "
            "about two applications per open mission (default: volunteers / 2)",
        )

    def handle(self, *args, seed: int, if_empty: bool, verbosity: int, **options):
        volunteers, missions = options.pop("volunteers"), options.pop("missions")
        scale = volunteers is not None or missions is not None
        if scale:
            volunteers = volunteers if volunteers is not None else 2 * missions
            missions = missions if missions is not None else volunteers // 2
            if volunteers < 0 or missions < 0:
                raise CommandError("--volunteers and --missions cannot be negative.")
        if if_empty and User.objects.exists():
            self.stdout.write("Demo data already loaded: nothing to do.")
            return
        loaded = User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").exists()
        if loaded and not scale:
            self.stderr.write("Demo data is already in this database: start from an empty one.")
            raise SystemExit(1)
        ctx = DemoContext(seed=seed, options=options, quiet=verbosity == 0)
        with transaction.atomic():
            if not loaded:
                modules = demo_modules()
                for label, module in tqdm(modules, desc="Démo", disable=ctx.quiet, unit="step"):
                    if not ctx.quiet:
                        tqdm.write(f"  {label}")
                    module.build(ctx)
            if scale:
                summary = demo_scale.build(ctx, volunteers=volunteers, missions=missions)
        refresh_statistics()  # so many new rows: SQLite should know (PostgreSQL does)
        if scale and verbosity:
            self.stdout.write(
                f"Added {summary.volunteers} volunteers, {summary.associations} associations, "
                f"{summary.missions} missions and {summary.applications} applications."
            )
        if verbosity and ctx.logins:
            self.stdout.write(self.style.SUCCESS("Demo data loaded. Log in with:"))
            width = max(len(who) for who, _, _ in ctx.logins)
            for who, email, password in ctx.logins:
                self.stdout.write(f"  {who:<{width}}  {email:<34} {password}")
