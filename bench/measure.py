"""In-process measures: server time and SQL queries of each page, time of the weekly digest.

Pages are requested through Django's test `Client` — the whole stack (middleware, view,
templates) without the network — by people of the scale demo data: ten volunteers and
the admins of ten open missions' associations, picked evenly across the data, in turn.
The public pages are measured again as an anonymous visitor sees them (no cookie): their
own rows, `"visitor": "anonymous"` (the others are `"member"`), served from the page cache
after the warm-up (core/pagecache.py).
"""

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from accounts.services import terms_accept, terms_to_accept
from core.demo import DEMO_DOMAIN
from home.demo_scale import ADMIN_PREFIX, TEACHER_EMAIL, VOLUNTEER_PREFIX
from missions.models import Mission, Status

# Who visits, how many of them, and the keywords of the search.
CAST_SIZE = 10
SEARCH = "site internet"
# A page that takes seconds gets fewer timed requests: at least this many, then as many as
# fit in the time budget.
MIN_REQUESTS = 10
BUDGET_SECONDS = 30
# Before the timed requests, the page's visits in turn, this many requests (as the load
# test's two seconds do): a server that has answered the page a while, not the first few
# after another page, whose slow ones would make the p95 of 50 (a round of 10 visits was
# too few: a page's p95 moved by several milliseconds between two runs a minute apart).
WARMUP_REQUESTS = 30
WARMUP_SECONDS = 10


@dataclass(frozen=True)
class Visit:
    path: str
    user_id: int | None  # None: an anonymous visitor, no cookie
    mission_id: int | None = None


@dataclass(frozen=True)
class Cast:
    """Who the benchmark logs in as: volunteers, and open missions with their admins."""

    volunteers: list[int]
    missions: list[int]
    admins: list[int]  # admins[i] runs the association of missions[i]

    @classmethod
    def pick(cls, size: int = CAST_SIZE) -> "Cast":
        volunteers = list(
            User.objects.filter(
                email__startswith=VOLUNTEER_PREFIX,
                email__endswith=DEMO_DOMAIN,
                volunteer_profile__isnull=False,
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        missions = list(
            Mission.objects.filter(
                status=Status.OPEN,
                created_by__email__startswith=ADMIN_PREFIX,
                created_by__email__endswith=DEMO_DOMAIN,
            )
            .order_by("pk")
            .values_list("pk", "created_by_id")
        )
        if not volunteers or not missions:
            raise RuntimeError("No scale data: run `manage.py demo --volunteers N` first.")
        chosen = _spread(missions, size)
        return cls(
            volunteers=_spread(volunteers, size),
            missions=[pk for pk, _ in chosen],
            admins=[admin for _, admin in chosen],
        )


def _spread(items: list, count: int) -> list:
    """`count` items evenly spaced through `items` (all of them if there are fewer)."""
    if len(items) <= count:
        return list(items)
    step = len(items) / count
    return [items[int(i * step + step / 2)] for i in range(count)]


@dataclass(frozen=True)
class Page:
    name: str
    label: str
    visits: Callable[[Cast], list[Visit]]
    # For the lists kept in the cache: forget the visit's list, to time it made anew.
    forget: Callable[[Visit], None] | None = None
    # "member": logged-in people of the cast; "anonymous": no cookie at all.
    visitor: str = "member"


def _search(cast: Cast) -> list[Visit]:
    path = f"{reverse('missions:list')}?q={SEARCH.replace(' ', '+')}"
    return [Visit(path, user) for user in cast.volunteers]


def _for_you(cast: Cast) -> list[Visit]:
    return [Visit(reverse("matching:missions_for_you"), user) for user in cast.volunteers]


def _volunteers_for(cast: Cast) -> list[Visit]:
    return [
        Visit(reverse("matching:volunteers_for_mission", args=[pk]), admin, pk)
        for pk, admin in zip(cast.missions, cast.admins, strict=True)
    ]


def _forget_for_you(visit: Visit) -> None:
    from matching.selectors import forget_suggestions

    forget_suggestions(user_ids=[visit.user_id])


def _forget_volunteers(visit: Visit) -> None:
    from matching.selectors import forget_suggestions

    forget_suggestions(mission_ids=[visit.mission_id])


def _api_missions(cast: Cast) -> list[Visit]:
    """The public API's open missions, the same keywords as the search page."""
    path = f"/api/v1/missions?q={SEARCH.replace(' ', '+')}"
    return [Visit(path, user) for user in cast.volunteers]


def _mission_page(cast: Cast) -> list[Visit]:
    return [
        Visit(reverse("missions:detail", args=[pk]), user)
        for pk, user in zip(cast.missions, cast.volunteers, strict=False)
    ]


def _dashboard(cast: Cast) -> list[Visit]:
    return [Visit(reverse("core:home"), admin) for admin in cast.admins]


def _teacher_dashboard(cast: Cast) -> list[Visit]:
    """The dashboard of the scale data's cohort (40 students), by its teacher."""
    from schools.models import Cohort

    cohort = (
        Cohort.objects.filter(teachers__email=TEACHER_EMAIL).values_list("pk", "teachers").first()
    )
    if cohort is None:
        raise RuntimeError("No scale cohort: run `manage.py demo --volunteers N` first.")
    pk, teacher = cohort
    return [Visit(reverse("teaching:dashboard", args=[pk]), teacher)] * len(cast.admins)


def _forget_teacher_dashboard(visit: Visit) -> None:
    """The board's HTML is kept under the digest of its figures: forget it, to time the
    first view after a change."""
    from django.core.cache import cache
    from django.urls import resolve
    from django.utils import timezone

    from schools.models import Cohort
    from teaching.selectors import dashboard_of
    from teaching.views import board_html_key

    cohort = Cohort.objects.get(pk=resolve(visit.path).kwargs["pk"])
    board = dashboard_of(cohort, today=timezone.localdate())
    cache.delete(board_html_key(board, viewer_id=visit.user_id))


# The agent of a département's authority whose dashboard is measured (bench-only rows).
TERRITORY_AGENT_EMAIL = f"agente-territoire-en-nombre@{DEMO_DOMAIN}"


def territory_agent() -> tuple[str, int]:
    """The slug of a local authority covering the département with the most associations
    of the scale data, and one of its agents. Made here when missing — a user, the
    authority, its membership and territory — so that a database built before this page
    existed serves it without being built again."""
    from django.db.models import Count

    from geo.models import Commune
    from organizations.models import Membership, Organization
    from territories.models import Territory

    found = (
        Membership.objects.filter(user__email=TERRITORY_AGENT_EMAIL)
        .values_list("organization__slug", "user_id")
        .first()
    )
    if found is not None:
        return found
    busiest = (
        Organization.objects.filter(kind=Organization.Kind.ASSOCIATION)
        .values("departement_code")
        .annotate(n=Count("pk"))
        .order_by("-n", "departement_code")
        .first()
    )
    if busiest is None:
        raise RuntimeError("No scale data: run `manage.py demo --volunteers N` first.")
    code = busiest["departement_code"]
    seat = Commune.objects.filter(departement_id=code).order_by("-population").first()
    agent = User.objects.create(
        email=TERRITORY_AGENT_EMAIL,
        full_name="Agente du Département (données en nombre)",
        intent=User.Intent.OTHER,
    )
    authority = Organization.objects.create(
        kind=Organization.Kind.LOCAL_AUTHORITY,
        name=f"Département {code} (données en nombre)",
        slug=f"departement-{code.lower()}-en-nombre",
        commune=seat,
        departement_code=code,
        region_code=seat.region_id if seat else "",
        verification=Organization.Verification.VERIFIED,
    )
    Membership.objects.create(organization=authority, user=agent, role=Membership.Role.ADMIN)
    Territory.objects.create(
        authority=authority, level=Territory.Level.DEPARTEMENT, departement_id=code
    )
    return authority.slug, agent.pk


def _territory_dashboard(cast: Cast) -> list[Visit]:
    """This year's dashboard of the département with the most associations, by its agent."""
    slug, agent = territory_agent()
    return [Visit(reverse("territories:dashboard", args=[slug]), agent)] * len(cast.admins)


def _forget_territory_dashboard(visit: Visit) -> None:
    from territories.dashboard import forget_board
    from territories.models import Territory
    from territories.period import Period

    slug = visit.path.strip("/").split("/")[1]
    territory = Territory.objects.only("pk").get(authority__slug=slug)
    forget_board(territory.pk, Period.default())


# The programme manager of a company whose dashboard is measured (bench-only rows), and how
# many scale volunteers it employs.
COMPANY_MANAGER_EMAIL = f"responsable-mecenat-en-nombre@{DEMO_DOMAIN}"
COMPANY_EMPLOYEES = 300
COMPANY_TALENTS = 10  # of whom this many give a day a week to an association


def company_manager() -> tuple[str, int]:
    """The slug of a company of the scale data and one of its programme managers. The scale
    data has no company of any size: made here when missing, as `territory_agent()` makes
    its authority — COMPANY_EMPLOYEES volunteers spread through the data become employees,
    their engagements on completed missions count as approved programme time with the
    hours the associations confirmed this year (a published review on every third), and
    COMPANY_TALENTS of them are talents solidaires with their monthly check-ins."""
    import datetime

    from django.db import transaction
    from django.utils import timezone

    from companies.models import (
        CheckIn,
        Company,
        Employee,
        Programme,
        RecurringEngagement,
        Sponsorship,
    )
    from completion.models import Completion, Review
    from engagements.models import Application
    from organizations.models import Membership, Organization

    found = (
        Membership.objects.filter(user__email=COMPANY_MANAGER_EMAIL)
        .values_list("organization__slug", "user_id")
        .first()
    )
    if found is not None:
        return found
    now = timezone.now()
    year = timezone.localdate().year
    scale = Application.objects.filter(
        status=Application.Status.ACCEPTED,
        volunteer__email__startswith=VOLUNTEER_PREFIX,
        volunteer__email__endswith=DEMO_DOMAIN,
        completion__isnull=True,
        sponsorship__isnull=True,
    )
    done_by = list(
        scale.filter(mission__status=Status.COMPLETED)
        .order_by("volunteer_id")
        .values_list("volunteer_id", flat=True)
        .distinct()
    )
    if not done_by:  # a tiny scale data: volunteers anyway, so that the page is measured
        done_by = list(
            User.objects.filter(
                email__startswith=VOLUNTEER_PREFIX,
                email__endswith=DEMO_DOMAIN,
                volunteer_profile__isnull=False,
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    if not done_by:
        raise RuntimeError("No scale data: run `manage.py demo --volunteers N` first.")
    chosen = _spread(done_by, COMPANY_EMPLOYEES)
    with transaction.atomic():
        manager = User.objects.create(
            email=COMPANY_MANAGER_EMAIL,
            full_name="Responsable du mécénat (données en nombre)",
            intent=User.Intent.OTHER,
        )
        organization = Organization.objects.create(
            kind=Organization.Kind.COMPANY,
            name="Entreprise (données en nombre)",
            slug="entreprise-en-nombre",
            verification=Organization.Verification.VERIFIED,
        )
        Membership.objects.create(
            organization=organization, user=manager, role=Membership.Role.ADMIN
        )
        company = Company.objects.create(organization=organization)
        programme = Programme.objects.create(
            company=company,
            name=f"Mécénat de compétences {year} (données en nombre)",
            hours_per_employee=168,
            one_off=True,
            recurring=True,
            created_by=manager,
        )
        employees = Employee.objects.bulk_create(
            Employee(
                company=company,
                user_id=user_id,
                via=Employee.Via.LINK,
                hourly_cost=35 + index % 20,
                joined_at=now - datetime.timedelta(days=400),
            )
            for index, user_id in enumerate(chosen)
        )
        employee_of = {employee.user_id: employee for employee in employees}
        days = (now.date() - datetime.date(year, 1, 1)).days
        done = scale.filter(volunteer_id__in=chosen, mission__status=Status.COMPLETED)
        sponsorships, completions, reviews = [], [], []
        for index, application in enumerate(
            done.select_related("mission").order_by("volunteer_id", "pk")
        ):
            hours = application.mission.effort_hours or 10
            when = now - datetime.timedelta(days=(index * 7) % (days + 1))
            sponsorships.append(
                Sponsorship(
                    application=application,
                    programme=programme,
                    employee=employee_of[application.volunteer_id],
                    hours=hours,
                    year=year,
                    status=Sponsorship.Status.APPROVED,
                    decided_by=manager,
                    decided_at=when - datetime.timedelta(days=30),
                )
            )
            completions.append(
                Completion(
                    application=application,
                    status=Completion.Status.COMPLETED,
                    proposed_hours=hours,
                    confirmed_hours=hours,
                    delivered_at=when,
                    completed_at=when,
                    review_reminded_at=when,
                )
            )
            if index % 3 == 0:
                reviews.append(
                    Review(
                        application=application,
                        direction=Review.Direction.ASSOCIATION,
                        author_id=application.mission.created_by_id,
                        quality=3 + index % 3,
                        communication=4 + index % 2,
                        deadlines=3 + index % 3,
                        written_at=when,
                        published_at=when,
                    )
                )
        # Talents solidaires: a day a week since January on a mission under way.
        under_way: dict[int, Application] = {}
        for application in (
            scale.filter(volunteer_id__in=chosen, mission__status=Status.IN_PROGRESS)
            .select_related("mission")
            .order_by("volunteer_id", "pk")
        ):
            if len(under_way) < COMPANY_TALENTS:
                under_way.setdefault(application.volunteer_id, application)
        talents = []
        for application in under_way.values():
            talents.append(
                Sponsorship(
                    application=application,
                    programme=programme,
                    employee=employee_of[application.volunteer_id],
                    format=Sponsorship.Format.RECURRING,
                    hours=168,
                    year=year,
                    schedule="Le mardi",
                    status=Sponsorship.Status.APPROVED,
                    decided_by=manager,
                    decided_at=now - datetime.timedelta(days=days),
                )
            )
        Sponsorship.objects.bulk_create(sponsorships + talents)
        Completion.objects.bulk_create(completions)
        Review.objects.bulk_create(reviews)
        months = min(6, timezone.localdate().month)
        engagements = RecurringEngagement.objects.bulk_create(
            RecurringEngagement(
                sponsorship=sponsorship,
                schedule="Le mardi, de 9 h à 17 h",
                start_month=datetime.date(year, 1, 1),
                months=6,
                hours_per_month=28,
                tutor_id=sponsorship.application.mission.created_by_id,
                status=RecurringEngagement.Status.ACTIVE,
                confirmed_at=sponsorship.decided_at,
            )
            for sponsorship in talents
        )
        CheckIn.objects.bulk_create(
            CheckIn(
                engagement=engagement,
                month=datetime.date(year, month, 1),
                hours=28,
                confirmed_by_id=engagement.tutor_id,
                confirmed_at=now,
            )
            for engagement in engagements
            for month in range(1, months + 1)
        )
    if connection.vendor == "postgresql":
        # What autovacuum does soon after rows are added (the run analysed the data before
        # they were): the plans see a company of that size, not empty tables.
        tables = [
            model._meta.db_table
            for model in (Company, Employee, Programme, Sponsorship, RecurringEngagement)
        ]
        tables += [model._meta.db_table for model in (CheckIn, Completion, Review)]
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(tables)}")
    return organization.slug, manager.pk


def _company_dashboard(cast: Cast) -> list[Visit]:
    """This year's dashboard of the company of the scale data, by its programme manager."""
    slug, manager = company_manager()
    return [Visit(reverse("companies:dashboard", args=[slug]), manager)] * len(cast.admins)


# --- The public pages, as an anonymous visitor sees them -------------------------------------
def _anonymous(visits: list[Visit]) -> list[Visit]:
    return [Visit(visit.path, None) for visit in visits]


def _public_home(cast: Cast) -> list[Visit]:
    return [Visit(reverse("core:home"), None)] * len(cast.volunteers)


def _public_search(cast: Cast) -> list[Visit]:
    return _anonymous(_search(cast))


def _public_mission_page(cast: Cast) -> list[Visit]:
    return _anonymous(_mission_page(cast))


def _public_association_page(cast: Cast) -> list[Visit]:
    slugs = dict(
        Mission.objects.filter(pk__in=cast.missions).values_list("pk", "organization__slug")
    )
    return [Visit(reverse("organizations:detail", args=[slugs[pk]]), None) for pk in cast.missions]


def _some(paths: list[str], what: str) -> list[Visit]:
    if not paths:
        raise RuntimeError(f"No {what} in the data: run `manage.py demo` first.")
    return [Visit(path, None) for path in paths]


def _public_book(cast: Cast) -> list[Visit]:
    from portfolio.models import Portfolio

    slugs = Portfolio.objects.filter(is_public=True).order_by("pk").values_list("slug", flat=True)
    paths = [reverse("portfolio:detail", args=[slug]) for slug in slugs[:CAST_SIZE]]
    return _some(paths, "public book")


def _public_verification(cast: Cast) -> list[Visit]:
    from credentials.models import Credential

    ids = Credential.objects.order_by("pk").values_list("public_id", flat=True)[:CAST_SIZE]
    return _some([reverse("credentials:verify", args=[pk]) for pk in ids], "credential")


def _public_quickhelp_answer(cast: Cast) -> list[Visit]:
    from quickhelp.models import PublicAnswer

    slugs = (
        PublicAnswer.objects.filter(status=PublicAnswer.Status.PUBLISHED)
        .order_by("pk")
        .values_list("slug", flat=True)[:CAST_SIZE]
    )
    return _some([reverse("quickhelp:answer", args=[slug]) for slug in slugs], "quick-help answer")


PAGES = [
    Page("mission_search", "Recherche de missions (« site internet »)", _search),
    Page("missions_for_you", "Missions pour vous", _for_you, _forget_for_you),
    Page(
        "volunteers_for_mission", "Bénévoles pour une mission", _volunteers_for, _forget_volunteers
    ),
    Page("mission_page", "Page d’une mission", _mission_page),
    Page("association_dashboard", "Tableau de bord d’une association", _dashboard),
    Page(
        "teacher_dashboard",
        "Tableau de bord d’une promotion (40 élèves)",
        _teacher_dashboard,
        _forget_teacher_dashboard,
    ),
    Page(
        "territory_dashboard",
        "Tableau de bord d’un département (collectivité)",
        _territory_dashboard,
        _forget_territory_dashboard,
    ),
    Page(
        "company_dashboard",
        f"Tableau de bord d’une entreprise ({COMPANY_EMPLOYEES} salarié·es)",
        _company_dashboard,
    ),
    Page("api_missions", "API : missions ouvertes (« site internet »)", _api_missions),
    Page("public_home", "Accueil, anonyme", _public_home, visitor="anonymous"),
    Page(
        "public_search",
        "Recherche (« site internet »), anonyme",
        _public_search,
        visitor="anonymous",
    ),
    Page(
        "public_mission_page",
        "Page d’une mission, anonyme",
        _public_mission_page,
        visitor="anonymous",
    ),
    Page(
        "public_association_page",
        "Page d’une association, anonyme",
        _public_association_page,
        visitor="anonymous",
    ),
    Page("public_book", "Book d’un·e bénévole, anonyme", _public_book, visitor="anonymous"),
    Page(
        "public_verification",
        "Vérification d’une attestation, anonyme",
        _public_verification,
        visitor="anonymous",
    ),
    Page(
        "public_quickhelp_answer",
        "Réponse d’un coup de main, anonyme",
        _public_quickhelp_answer,
        visitor="anonymous",
    ),
]


class Sessions:
    """One logged-in test client per person, and their session cookies for the load test."""

    def __init__(self):
        self.clients: dict[int, Client] = {}

    def client(self, user_id: int | None) -> Client:
        if user_id is None:
            return Client()  # anonymous: a new one each time, so that no cookie is kept
        if user_id not in self.clients:
            client = Client()
            person = User.objects.get(pk=user_id)
            if terms_to_accept(person):  # a database built before the terms' version
                terms_accept(user=person)
            client.force_login(person)
            self.clients[user_id] = client
        return self.clients[user_id]

    def cookie(self, user_id: int | None) -> str:
        from django.conf import settings

        if user_id is None:
            return ""

        name = settings.SESSION_COOKIE_NAME
        return f"{name}={self.client(user_id).cookies[name].value}"


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile: the value below which `fraction` of them lie."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _get(client: Client, path: str):
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}, not 200")
    return response


def measure_page(page: Page, cast: Cast, sessions: Sessions, *, requests: int) -> dict:
    """Server time (median, 95th percentile) over `requests` requests after a warm-up
    (WARMUP_REQUESTS), the most SQL queries a request made and the median time spent in SQL.

    A slow page gets fewer: the warm-up stops after WARMUP_SECONDS, the timed requests
    after BUDGET_SECONDS once MIN_REQUESTS are done.
    """
    visits = page.visits(cast)
    begun = time.perf_counter()
    for index in range(max(WARMUP_REQUESTS, len(visits))):  # caches, templates, the database's
        visit = visits[index % len(visits)]
        _get(sessions.client(visit.user_id), visit.path)
        if time.perf_counter() - begun > WARMUP_SECONDS:
            break
    durations, queries, sql, slowest = [], 0, [], (0.0, "")
    begun = time.perf_counter()
    for index in range(requests):
        if index >= MIN_REQUESTS and time.perf_counter() - begun > BUDGET_SECONDS:
            break
        visit = visits[index % len(visits)]
        client = sessions.client(visit.user_id)
        # Capturing costs microseconds per query (the SQL text is kept): nothing next to
        # a page's milliseconds.
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            _get(client, visit.path)
            durations.append((time.perf_counter() - started) * 1000)
        queries = max(queries, len(captured))
        times = [(float(query["time"]) * 1000, query["sql"]) for query in captured]
        sql.append(sum(duration for duration, _ in times))
        slowest = max([slowest, *times], key=lambda item: item[0])
    measured = {
        "p50_ms": round(statistics.median(durations), 1),
        "p95_ms": round(percentile(durations, 0.95), 1),
        "queries": queries,
        "sql_ms": round(statistics.median(sql), 1),
        "samples": len(durations),
        "slowest_ms": round(slowest[0], 1),
        "slowest_sql": " ".join(slowest[1].split())[:160],
    }
    if page.forget is not None:
        measured.update(_first_views(page, visits, sessions, requests=min(requests, 20)))
    return measured


def _first_views(page: Page, visits: list[Visit], sessions: Sessions, *, requests: int) -> dict:
    """The same requests with the kept list forgotten before each: the ranking made anew,
    as the first view of the page (and every ten minutes) costs."""
    durations, queries = [], 0
    for index in range(requests):
        visit = visits[index % len(visits)]
        client = sessions.client(visit.user_id)
        page.forget(visit)
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            _get(client, visit.path)
            durations.append((time.perf_counter() - started) * 1000)
        queries = max(queries, len(captured))
    return {
        "first_p50_ms": round(statistics.median(durations), 1),
        "first_p95_ms": round(percentile(durations, 0.95), 1),
        "first_queries": queries,
    }


def measure_pages(
    *,
    database: str,
    volunteers: int,
    requests: int,
    cast: Cast | None = None,
    sessions: Sessions | None = None,
    log: Callable[[str], None] = print,
    errors: list[str] | None = None,
    details: dict | None = None,
    only: list[str] | None = None,
) -> list[dict]:
    """A row per page (of `only`, when given: page names). A page that fails raises, or
    with `errors` is left out and its error added there, so that one broken page does not
    cost the whole run. `details` receives, per page, the median time in SQL and the number
    of timed requests."""
    cast = cast or Cast.pick()
    sessions = sessions or Sessions()
    rows = []
    for page in PAGES:
        if only is not None and page.name not in only:
            continue
        try:
            measured = measure_page(page, cast, sessions, requests=requests)
        except Exception as error:
            if errors is None:
                raise
            errors.append(f"{page.name}: {error!r}")
            log(f"  {page.name:<24} FAILED: {error!r}")
            continue
        log(
            f"  {page.name:<24} p50 {measured['p50_ms']:>7.1f} ms  "
            f"p95 {measured['p95_ms']:>7.1f} ms  {measured['queries']:>3} queries  "
            f"SQL {measured['sql_ms']:>6.1f} ms  ({measured['samples']} requests)"
        )
        if "first_p50_ms" in measured:
            log(
                f"  {'  made anew':<24} p50 {measured['first_p50_ms']:>7.1f} ms  "
                f"p95 {measured['first_p95_ms']:>7.1f} ms  {measured['first_queries']:>3} queries"
            )
        if details is not None:
            details[page.name] = {
                key: measured[key] for key in ("sql_ms", "samples", "slowest_ms", "slowest_sql")
            }
        rows.append(
            {
                "page": page.name,
                "visitor": page.visitor,
                "database": database,
                "volunteers": volunteers,
                "p50_ms": measured["p50_ms"],
                "p95_ms": measured["p95_ms"],
                "queries": measured["queries"],
                "rps": None,
                "bare_rps": None,
                **{key: value for key, value in measured.items() if key.startswith("first_")},
            }
        )
    return rows


def time_weekly_digest(*, database: str, volunteers: int) -> tuple[dict, dict]:
    """Prepare and send every volunteer's weekly digest, timed; then forget them so that
    the next run (a larger size) starts from the same point. Returns the row and details."""
    from django.utils import timezone

    from notifications import weekly
    from notifications.models import WeeklyDigest

    now = timezone.now()
    week = weekly.week_of(now)
    WeeklyDigest.objects.filter(week=week).delete()
    started = time.perf_counter()
    recorded = weekly.prepare_weekly_digests(now=now)
    prepared = time.perf_counter()
    sent = 0
    for ids in weekly.unsent_batches(week=week):
        sent += weekly.send_weekly_digests(ids, now=now)
    finished = time.perf_counter()
    WeeklyDigest.objects.filter(week=week).delete()
    row = {
        "page": "weekly_digest",
        "database": database,
        "volunteers": volunteers,
        "seconds": round(finished - started, 2),
    }
    details = {
        "prepare_seconds": round(prepared - started, 2),
        "send_seconds": round(finished - prepared, 2),
        "digests": recorded,
        "emails": sent,
    }
    return row, details
