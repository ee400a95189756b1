"""Fill the database with realistic, deterministic demo data."""

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from accounts.models import User
from core.demo import DemoContext, demo_modules


class Command(BaseCommand):
    help = "Load demo data: people of every kind with known passwords (deterministic per --seed)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the database already holds accounts (used by `make run`)",
        )

    def handle(self, *args, seed: int, if_empty: bool, verbosity: int, **options):
        if if_empty and User.objects.exists():
            self.stdout.write("Demo data already loaded: nothing to do.")
            return
        if User.objects.filter(email__endswith="@demo.a-lasso.fr").exists():
            self.stderr.write("Demo data is already in this database: start from an empty one.")
            raise SystemExit(1)
        ctx = DemoContext(seed=seed, options=options, quiet=verbosity == 0)
        modules = demo_modules()
        with transaction.atomic():
            for label, module in tqdm(modules, desc="Démo", disable=ctx.quiet, unit="step"):
                if not ctx.quiet:
                    tqdm.write(f"  {label}")
                module.build(ctx)
        if verbosity:
            self.stdout.write(self.style.SUCCESS("Demo data loaded. Log in with:"))
            width = max(len(who) for who, _, _ in ctx.logins)
            for who, email, password in ctx.logins:
                self.stdout.write(f"  {who:<{width}}  {email:<34} {password}")
