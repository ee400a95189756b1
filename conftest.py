"""Test fixtures shared by every app: the named cast, e-mail helpers, fast settings."""

import functools
import os
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client

from accounts.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fast_and_offline(settings, tmp_path):
    # Tasks run inside the request, so e-mails land in mail.outbox at once (after commit).
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    settings.MAILBOX_DIR = tmp_path / "mailbox"
    settings.SITE_URL = "http://testserver"
    # Attestations are signed with a throwaway key, made on first use (credentials.keys).
    settings.CREDENTIALS_KEY_FILE = tmp_path / "keys" / "credentials-ed25519.pem"


def _empty_the_cache():
    from django.core.cache import cache

    prefix = django_settings.CACHES["default"].get("KEY_PREFIX")
    if not os.environ.get("REDIS_URL") or not prefix:
        cache.clear()
        return
    # Redis is shared with other processes (another test run, a development server):
    # clear() would empty the whole database. Only this run's keys go.
    import redis

    client = redis.Redis.from_url(django_settings.CACHES["default"]["LOCATION"])
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)
    client.close()


@pytest.fixture(autouse=True)
def _french_first():
    # A request in English (an English user's page, a login that applies her language)
    # leaves English active in this thread: each test starts from the site's language.
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    _empty_the_cache()
    yield
    _empty_the_cache()


# What gives a test the test database: without any, a test's outcome cannot depend on the
# database engine (pure functions, settings, subprocesses that bring their own).
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)


def asks_for_no_database(item) -> bool:
    return (
        item.get_closest_marker("django_db") is None
        and not DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        and item.get_closest_marker("every_database") is None
    )


def _django_order(item) -> int:
    """pytest-django's order: rolled-back tests (0), then those that flush the tables when
    they end (1), then those without a database (2); a test of group 0 run after a flush
    would miss the rows that data migrations shipped."""
    from pytest_django.plugin import validate_django_db

    fixtures = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    transactional = bool({"transactional_db", "live_server"} & fixtures)
    if marker is not None:
        transaction, reset_sequences, *_ = validate_django_db(marker)
        transactional = transactional or transaction or reset_sequences
    if transactional:
        return 1
    return 0 if marker is not None or "db" in fixtures else 2


def _weight(item) -> int:
    """How long a test takes, roughly: one that starts other processes (manage.py, gunicorn,
    a task worker, lint-imports, node) takes seconds to minutes, a browser test seconds."""
    if item.get_closest_marker("slow"):
        return 2
    return 1 if "browser" in getattr(item, "fixturenames", ()) else 0


def pytest_collection_modifyitems(config, items):
    # Tests of a module that starts other processes are marked `slow`: they still run in
    # `make test` (only `-m "not slow"` leaves them out, for a quick local round).
    for item in items:
        module = getattr(item, "module", None)
        if module is not None and "subprocess" in vars(module):
            item.add_marker(pytest.mark.slow)
    # The two xdist workers take tests in this order, each as it finishes the last: the
    # longest of each group of pytest-django's order go first, so that no minutes-long test
    # is left for the end while the other worker has nothing more to do. The groups keep
    # their order (a stable sort).
    items.sort(key=lambda item: (_django_order(item), -_weight(item)))

    # Tests that use no database are marked `no_database` and run once, in the SQLite run:
    # the PostgreSQL run of `make test` leaves them out. The cache run (REDIS_URL) keeps
    # them, the cache being what it tests.
    for item in items:
        if asks_for_no_database(item):
            item.add_marker(pytest.mark.no_database)
    engine = django_settings.DATABASES["default"]["ENGINE"]
    if engine.endswith("postgresql") and not os.environ.get("REDIS_URL"):
        once = [item for item in items if item.get_closest_marker("no_database")]
        if once:
            config.hook.pytest_deselected(items=once)
            items[:] = [item for item in items if not item.get_closest_marker("no_database")]

    # Tests on the Redis cache itself (a second process sharing it): without REDIS_URL they
    # are left to `make test-cache`, which sets it (the in-process cache is not shared).
    if os.environ.get("REDIS_URL"):
        return
    shared = [item for item in items if "redis_cache" in getattr(item, "fixturenames", ())]
    if shared:
        config.hook.pytest_deselected(items=shared)
        items[:] = [item for item in items if item not in shared]


@pytest.fixture
def redis_cache():
    """The cache settings, when they are Redis's (REDIS_URL)."""
    cache = django_settings.CACHES["default"]
    assert cache["BACKEND"].endswith("RedisCache"), "needs REDIS_URL (make test-cache)"
    return cache


@pytest.fixture
def second_process(redis_cache, tmp_path):
    """Run Python code in another process of the site that shares this one's cache (the way
    two gunicorn workers do) and return what it prints."""
    import subprocess
    import sys

    cache = redis_cache

    def run(code: str) -> str:
        env = {
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEBUG")},
            "DEBUG": "true",  # no production checks; the same development SECRET_KEY
            "SECRET_KEY": django_settings.SECRET_KEY,
            "REDIS_URL": cache["LOCATION"],
            "CACHE_KEY_PREFIX": cache["KEY_PREFIX"],
            "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        }
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=Path(__file__).parent,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    return run


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what a view queued for after the commit (e-mails), as production would."""

    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)

    return run


def links_in(message) -> list[str]:
    return re.findall(r"https?://[^\s<>\"]+", message.body)


@pytest.fixture
def last_link():
    def find(to: str | None = None) -> str:
        for message in reversed(mail.outbox):
            if to is None or to in message.to:
                return links_in(message)[0]
        raise AssertionError(f"no e-mail to {to}")

    return find


# The cast, like healthchecks' alice/bob/charlie; later apps give them memberships.
@pytest.fixture
def martine(db):
    """A retired volunteer who runs an association."""
    return UserFactory(
        full_name="Martine Lefèvre", email="martine@example.org", intent="association"
    )


@pytest.fixture
def lea(db):
    """A graphic-design student."""
    return UserFactory(full_name="Léa Martin", email="lea@example.org", intent="volunteer")


@pytest.fixture
def staff(db):
    return UserFactory(full_name="Nadia Morel", email="nadia@example.org", is_staff=True)


# --- Browser tests -------------------------------------------------------------------------
# Debian's Chromium driven by Playwright: Playwright's own browser download cannot work here.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"mobile": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the database calls the test
    # makes beside it are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # The live server's first request would import every app's views (seconds on a busy
    # machine, past a page's timeout): they are imported here, once per test process.
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server, settings):
    settings.SITE_URL = live_server.url  # links in e-mails point at the test server
    contexts = []

    def make(width: str = "mobile", *, user=None, language: str = "fr"):
        # axe-core is injected as an inline script: the page's CSP would rightly block it.
        context = browser.new_context(
            base_url=live_server.url,
            viewport=WIDTHS[width],
            locale="fr-FR" if language == "fr" else "en-GB",
            bypass_csp=True,
        )
        context.set_default_timeout(10_000)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
            context.add_cookies(
                [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
            )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; return its violations, shortened."""
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations'], preload: false})"
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [node["html"][:200] for node in violation["nodes"][:5]],
        }
        for violation in result["violations"]
    ]


# --- Organisations -------------------------------------------------------------------------
@pytest.fixture
def association(martine, db):
    """Martine's association, verified, with Yacine as a plain member."""
    from organizations.tests.factories import AssociationFactory, MembershipFactory

    org = AssociationFactory(name="Les Jardins Partagés de Belleville", verified=True)
    MembershipFactory(organization=org, user=martine, role="admin")
    return org


@pytest.fixture
def yacine(association):
    """A plain member of Martine's association."""
    from organizations.tests.factories import MembershipFactory

    user = UserFactory(full_name="Yacine Haddad", email="yacine@example.org", intent="association")
    MembershipFactory(organization=association, user=user, role="member")
    return user


@pytest.fixture
def bruno(db):
    """The admin of another association: an outsider to Martine's."""
    from organizations.tests.factories import AssociationFactory, MembershipFactory

    user = UserFactory(full_name="Bruno Petit", email="bruno@example.org", intent="association")
    MembershipFactory(
        organization=AssociationFactory(name="Club de Judo de Vénissieux"), user=user, role="admin"
    )
    return user


# --- Shipped data --------------------------------------------------------------------------
def _geography_tables() -> tuple[str, ...]:
    from geo.models import Commune, Departement, Region

    return tuple(model._meta.db_table for model in (Region, Departement, Commune))


@functools.cache
def _shipped_geography_counts() -> tuple[int, ...]:
    """How many régions, départements and communes geo/data ships (one per code)."""
    import csv
    import gzip

    from geo.loader import DATA

    counts = []
    for name in ("regions", "departements", "communes"):
        with gzip.open(DATA / f"{name}.csv.gz", "rt", encoding="utf-8", newline="") as source:
            counts.append(len({row["code"] for row in csv.DictReader(source)}))
    return tuple(counts)


def _geography_as_shipped(connection) -> bool:
    with connection.cursor() as cursor:
        counts = []
        for table in _geography_tables():
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts.append(cursor.fetchone()[0])
    return tuple(counts) == _shipped_geography_counts()


@pytest.fixture(scope="session", autouse=True)
def _flush_keeps_the_geography():
    """Transactional tests (browser tests, races) end with a `flush` of every table.

    - The shipped régions, départements and ~35 000 communes took 2.5 s to load back for
      each test asking for `shipped_data`: the flush leaves these three tables alone while
      they hold exactly the shipped rows (no test adds or deletes any; one that did would
      have them flushed and reloaded as before). Nothing else references them but tables
      that are flushed, so PostgreSQL accepts the shorter list.
    - On PostgreSQL, Django's TRUNCATE of ~70 tables took 2.3 s per test (a new file for
      each table and index); the handful of rows a test leaves go with DELETE in 0.01 s.
      Django's foreign keys are DEFERRABLE INITIALLY DEFERRED, so the order does not matter
      inside the flush's transaction. Sequences to reset or a cascade (available_apps)
      keep Django's own statements."""
    from django.core.management.commands import flush

    real_sql_flush = flush.sql_flush

    def sql_flush(style, connection, reset_sequences=True, allow_cascade=False):
        tables = connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        if _geography_as_shipped(connection):
            kept = _geography_tables()
            tables = [table for table in tables if table not in kept]
        elif connection.vendor != "postgresql":
            return real_sql_flush(
                style, connection, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        if connection.vendor == "postgresql" and not reset_sequences and not allow_cascade:
            return [
                "SET CONSTRAINTS ALL DEFERRED;",
                *(f"DELETE FROM {connection.ops.quote_name(table)};" for table in tables),
            ]
        return connection.ops.sql_flush(
            style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(flush, "sql_flush", sql_flush)
        yield


@pytest.fixture
def shipped_data(transactional_db):
    """Transactional tests (browser tests, races) empty every table when they end, the rows
    that data migrations shipped included (the geography aside, kept by the flush while it
    is whole): put back what is missing — taxonomy, mission templates, the diagnosis
    questionnaire, communes — for the test that asks for this fixture."""
    from django.apps import apps
    from django.db import connection

    from diagnosis.models import Question
    from diagnosis.questionnaire import load as load_questionnaire
    from geo.loader import load as load_geography
    from missions.models import MissionTemplate
    from missions.template_data import load as load_templates
    from taxonomy.data import load as load_taxonomy
    from taxonomy.models import Skill

    if not _geography_as_shipped(connection):
        load_geography()
    if not Skill.objects.exists():
        load_taxonomy(apps)
    if not MissionTemplate.objects.exists():
        load_templates(apps)
    if not Question.objects.exists():
        load_questionnaire(apps)
    # The hourly rates that value the work (impact app).
    from impact.rates import load as load_rates

    load_rates(apps)
