"""The demo-data framework: `manage.py demo` runs each app's `demo.build(ctx)` in turn.

An app adds its part by shipping a `demo.py` with `build(ctx: DemoContext)`; apps run in
INSTALLED_APPS order, so a later app finds what earlier ones made in `ctx`.
"""

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from faker import Faker
from tqdm import tqdm

DEMO_PASSWORD = "alasso-demo"
DEMO_DOMAIN = "demo.a-lasso.fr"


@dataclass
class DemoContext:
    seed: int
    options: dict[str, Any] = field(default_factory=dict)
    quiet: bool = False
    # Objects later apps build on, by name: ctx.objects["users"]["martine"].
    objects: dict[str, Any] = field(default_factory=dict)
    # Accounts printed at the end so a newcomer can log in at once.
    logins: list[tuple[str, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(self.seed)

    def progress(self, iterable: Iterable, *, desc: str, total: int | None = None) -> Iterator:
        return iter(
            tqdm(iterable, desc=desc, total=total, disable=self.quiet, leave=False, unit="")
        )

    def add_login(self, who: str, email: str, password: str = DEMO_PASSWORD) -> None:
        self.logins.append((who, email, password))


def demo_modules() -> list[tuple[str, Any]]:
    modules = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.name != "core" and find_spec(name) is not None:
            modules.append((config.verbose_name, import_module(name)))
    return modules
