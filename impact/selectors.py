"""Reads of the value of the work done and of the adoption follow-up.

Value: the hours confirmed on completed engagements, each valued at the hourly rate of its
mission's main domain (`mission_domain`, docs/impact.md). Every function here asks the
database a fixed number of queries, whatever the number of rows: the sums are made by the
database, grouped by domain, then multiplied by the handful of rates in Python.

For the territory dashboard (any set of organisations, as a queryset or a condition on
`Organization`, over a period of days, both ends included, local time):

- `hours_and_value(organizations, start, end)` → `HoursAndValue` (hours, euros, by domain)
- `hours_and_value_by(organizations, start, end, by=…)` → {key: `Value`}
- `value_report(organizations, start, end)` → `ValueReport`: the total, by domain, by
  commune and by month at once (one aggregate query instead of three)
- `adoption_rate(organizations, day=90, start=, end=)` → `Adoption`
- `adoption_by(organizations, day=90, start=, end=, by=…)` → {key: `Adoption`}

`by`: "organization" (its id), "commune" (INSEE code), "departement" (code) or "month"
(the first day of the month).
"""

import functools
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import (
    Count,
    DateField,
    Expression,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.http import Http404

from completion.models import Completion
from core.sql import table
from engagements.models import Application
from missions.models import Mission, MissionSkill, MissionTemplate
from organizations.models import Membership, Organization
from taxonomy.models import Skill, SkillDomain

from .models import AdoptionCheck, HourlyRate
from .rates import DEFAULTS, hourly

type Organizations = QuerySet[Organization] | Q
type Key = int | str | date | None
type Grouping = Expression | F

BY = ("organization", "commune", "departement", "month")
CENT = Decimal("0.01")


# --- What things are worth ------------------------------------------------------------------
@dataclass(frozen=True)
class Value:
    """Hours of work and what they would have cost (euros, an estimate)."""

    hours: int = 0
    euros: Decimal = Decimal(0)

    def __add__(self, other: "Value") -> "Value":
        return Value(self.hours + other.hours, self.euros + other.euros)

    @property
    def is_empty(self) -> bool:
        return not self.hours

    @property
    def plural_count(self) -> int:
        """The whole number that picks « heure » or « heures » (1.5 hours: « heures »), as
        gettext wants an integer: the hours rounded up."""
        return math.ceil(self.hours)


@dataclass(frozen=True)
class DomainValue(Value):
    """The hours of one domain, its rate, their value (`domain` None: no domain known)."""

    domain: SkillDomain | None = None
    rate: Decimal = Decimal(0)


@dataclass(frozen=True)
class HoursAndValue(Value):
    by_domain: list[DomainValue] = field(default_factory=list)


@dataclass(frozen=True)
class Rates:
    by_domain: dict[int, HourlyRate]
    domains: dict[int, SkillDomain]
    # For a mission in no domain, or a domain without a rate: the average of the rates.
    fallback: Decimal

    def of(self, domain_id: int | None) -> Decimal:
        rate = self.by_domain.get(domain_id) if domain_id is not None else None
        return rate.rate if rate is not None else self.fallback


# The rates are read by every page that shows a value (the association's home page on each
# visit) and change when staff edit one: kept in the cache, forgotten when a rate or a
# domain is saved or deleted (`forget_rates`, connected in apps.py), and after an hour at
# most (a write made with `.update()` sends no signal).
RATES_KEY = "impact:rates"
RATES_SECONDS = 60 * 60


def current_rates() -> Rates:
    """The rates staff set (one query, none while they are kept in the cache)."""
    rates = cache.get(RATES_KEY)
    if rates is None:
        rates = _read_rates()
        cache.set(RATES_KEY, rates, RATES_SECONDS)
    return rates


def forget_rates(**kwargs) -> None:
    """Now, and again when the transaction commits: a page that read the rates in between
    (before the commit, so the old ones) must not keep them."""
    cache.delete(RATES_KEY)
    transaction.on_commit(lambda: cache.delete(RATES_KEY))


def _read_rates() -> Rates:
    rates = list(HourlyRate.objects.select_related("domain"))
    if rates:
        fallback = sum((r.rate for r in rates), Decimal(0)) / len(rates)
    else:  # nothing configured at all (an emptied database): the shipped defaults' mean
        fallback = sum((hourly(day) for day, _ in DEFAULTS.values()), Decimal(0)) / len(DEFAULTS)
    return Rates(
        by_domain={r.domain_id: r for r in rates},
        domains={r.domain_id: r.domain for r in rates},
        fallback=fallback.quantize(CENT),
    )


def mission_domain(mission: str = "application__mission") -> Coalesce:
    """The domain whose rate values a mission's hours, as an SQL expression on the model
    that reaches the mission through `mission`: the domain of the template it was made
    from; else the domain of most of its required skills (a tie: the first in the
    taxonomy's order); else NULL (valued at the average rate)."""
    by_skills = (
        MissionSkill.objects.filter(mission=OuterRef(mission))
        .order_by()
        .values("skill__domain")
        .annotate(n=Count("pk"), place=Min("skill__domain__order"))
        .order_by("-n", "place", "skill__domain")
        .values("skill__domain")[:1]
    )
    return Coalesce(
        F(f"{mission}__template__domain"), Subquery(by_skills), output_field=IntegerField()
    )


def _midnight(day: date) -> datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.combine(day, time.min))


def _period(field_name: str, start: date | None, end: date | None) -> Q:
    """The rows whose `field_name` falls on a day from `start` to `end` (both included)."""
    condition = Q()
    if start is not None:
        condition &= Q(**{f"{field_name}__gte": _midnight(start)})
    if end is not None:
        condition &= Q(**{f"{field_name}__lt": _midnight(end + timedelta(days=1))})
    return condition


def _organizations(organizations: Organizations) -> QuerySet[Organization]:
    if isinstance(organizations, Q):
        return Organization.objects.filter(organizations)
    return organizations


def _key(by: str, mission: str, moment: str) -> Grouping:
    if by not in BY:
        raise ValueError(f"by must be one of {BY}, not {by!r}")
    if by == "month":
        return TruncMonth(moment, output_field=DateField())
    column = {"organization": "id", "commune": "commune", "departement": "departement_code"}[by]
    return F(f"{mission}__organization__{column}")


def completed_engagements() -> QuerySet[Completion]:
    """The engagements whose end the association confirmed: the hours that count."""
    return Completion.objects.filter(status=Completion.Status.COMPLETED)


def _valued(completions: QuerySet[Completion], keys: dict[str, Grouping] | None = None):
    """[(keys, domain id, hours)] of `completions` grouped by domain (and `keys`): one
    query, and the rates: a second."""
    keys = keys or {}
    rows = (
        completions.order_by()
        .annotate(value_domain=mission_domain(), **keys)
        .values("value_domain", *keys)
        .annotate(hours=Coalesce(Sum("confirmed_hours"), 0))
    )
    return [
        (tuple(row[k] for k in keys), row["value_domain"], row["hours"] or 0) for row in rows
    ], current_rates()


def _total(completions: QuerySet[Completion]) -> HoursAndValue:
    rows, rates = _valued(completions)
    return _by_domain(((domain_id, hours) for _, domain_id, hours in rows), rates)


def _by_domain(rows: Iterable[tuple[int | None, int]], rates: Rates) -> HoursAndValue:
    """The total of (domain id, hours) rows, and its parts by domain, valued at `rates`."""
    by_domain: dict[int | None, DomainValue] = {}
    for domain_id, hours in rows:
        rate = rates.of(domain_id)
        domain = rates.domains.get(domain_id) if domain_id is not None else None
        known = domain_id if domain is not None else None
        before = by_domain.get(known, DomainValue(domain=domain, rate=rate))
        by_domain[known] = DomainValue(
            hours=before.hours + hours,
            euros=before.euros + hours * rate,
            domain=before.domain,
            rate=rate,
        )
    parts = sorted(
        (part for part in by_domain.values() if part.hours),
        key=lambda part: (part.domain is None, part.domain.order if part.domain else 0),
    )
    return HoursAndValue(
        hours=sum(part.hours for part in parts),
        euros=sum((part.euros for part in parts), Decimal(0)),
        by_domain=parts,
    )


def _grouped(completions: QuerySet[Completion], key: Grouping) -> dict[Key, Value]:
    rows, rates = _valued(completions, {"group": key})
    totals: dict[Key, Value] = defaultdict(Value)
    for (group,), domain_id, hours in rows:
        totals[group] += Value(hours, hours * rates.of(domain_id))
    return dict(totals)


def engagement_value(application: Application) -> DomainValue:
    """What one engagement is worth: nothing until its end is confirmed (two queries)."""
    total = _total(completed_engagements().filter(application=application))
    if not total.by_domain:
        return DomainValue()
    return total.by_domain[0]


def value_received(organization: Organization) -> Value:
    """The value of the work an association received: « Valeur du travail reçu »."""
    return values_received([organization.pk]).get(organization.pk, Value())


@functools.cache
def _received_sql() -> str:
    # `_grouped(completed_engagements() of the organisations, by organisation)` written
    # out: the association's home page asks it on every visit, and building it with the
    # ORM (the domain's subquery of `mission_domain`) took longer than answering it.
    # test_value.test_values_received_matches_the_orm keeps the two the same.
    return f"""
    SELECT COALESCE(tpl.domain_id, (
            SELECT skill.domain_id FROM {table(MissionSkill)} ms
            JOIN {table(Skill)} skill ON skill.id = ms.skill_id
            JOIN {table(SkillDomain)} d ON d.id = skill.domain_id
            WHERE ms.mission_id = a.mission_id
            GROUP BY 1 ORDER BY COUNT(ms.id) DESC, MIN(d."order") ASC, 1 ASC LIMIT 1
        )),
        mission.organization_id,
        COALESCE(SUM(c.confirmed_hours), 0)
    FROM {table(Completion)} c
    JOIN {table(Application)} a ON a.id = c.application_id
    JOIN {table(Mission)} mission ON mission.id = a.mission_id
    LEFT JOIN {table(MissionTemplate)} tpl ON tpl.id = mission.template_id
    WHERE c.status = %s AND mission.organization_id IN ({{ids}})
    GROUP BY 1, 2
    """


def values_received(
    organization_ids: Iterable[int], rates: Rates | None = None
) -> dict[int, Value]:
    """`value_received` of several organisations at once (two queries, one with `rates`
    already read), by id."""
    ids = list(organization_ids)
    if not ids:
        return {}
    sql = _received_sql().replace("{ids}", ", ".join(["%s"] * len(ids)))
    with connection.cursor() as cursor:
        cursor.execute(sql, [Completion.Status.COMPLETED, *ids])
        rows = cursor.fetchall()
    rates = rates or current_rates()
    totals: dict[int, Value] = defaultdict(Value)
    for domain_id, organization_id, hours in rows:
        hours = hours or 0
        totals[organization_id] += Value(hours, hours * rates.of(domain_id))
    return dict(totals)


def value_given(user, *, only_shown: bool = False) -> Value:
    """The value of a volunteer's work: « Valeur de votre engagement » (`only_shown`: the
    missions she shows in her book only)."""
    completions = completed_engagements().filter(application__volunteer_id=user.pk)
    if only_shown:
        completions = completions.filter(shown_in_portfolio=True)
    return _total(completions)


def hours_and_value(
    organizations: Organizations, start: date | None = None, end: date | None = None
) -> HoursAndValue:
    """Hours and value of the work the organisations received, ended (confirmed) from
    `start` to `end`, both days included; by domain too. Two queries."""
    completions = completed_engagements().filter(
        _period("completed_at", start, end),
        application__mission__organization__in=_organizations(organizations),
    )
    return _total(completions)


def hours_and_value_by(
    organizations: Organizations,
    start: date | None = None,
    end: date | None = None,
    *,
    by: str,
) -> dict[Key, Value]:
    """`hours_and_value` split by organisation, commune, département or month (see `BY`);
    keys without any work are absent. Two queries."""
    completions = completed_engagements().filter(
        _period("completed_at", start, end),
        application__mission__organization__in=_organizations(organizations),
    )
    return _grouped(completions, _key(by, "application__mission", "completed_at"))


@dataclass(frozen=True)
class ValueReport:
    """`hours_and_value` with its splits by commune and by month, from one query."""

    total: HoursAndValue
    by_commune: dict[Key, Value]
    by_month: dict[Key, Value]


def value_report(
    organizations: Organizations, start: date | None = None, end: date | None = None
) -> ValueReport:
    """Everything the territory dashboard shows of hours and value, in two queries: the
    rows grouped by domain, commune and month at once, then the rates."""
    completions = completed_engagements().filter(
        _period("completed_at", start, end),
        application__mission__organization__in=_organizations(organizations),
    )
    keys = {
        "commune": _key("commune", "application__mission", "completed_at"),
        "month": _key("month", "application__mission", "completed_at"),
    }
    rows, rates = _valued(completions, keys)
    by_commune: dict[Key, Value] = defaultdict(Value)
    by_month: dict[Key, Value] = defaultdict(Value)
    for (commune, month), domain_id, hours in rows:
        value = Value(hours, hours * rates.of(domain_id))
        by_commune[commune] += value
        by_month[month] += value
    return ValueReport(
        total=_by_domain(((domain_id, hours) for _, domain_id, hours in rows), rates),
        by_commune=dict(by_commune),
        by_month=dict(sorted(by_month.items())),
    )


# --- Adoption ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Adoption:
    """The questions put to associations « do you still use it? » and their answers."""

    asked: int = 0  # put to the association: answered, waiting or left unanswered
    answered: int = 0
    yes: int = 0
    partly: int = 0
    no: int = 0

    @property
    def rate(self) -> float | None:
        """The share of answers saying the work is still used, wholly or in part."""
        return (self.yes + self.partly) / self.answered if self.answered else None

    @property
    def full_rate(self) -> float | None:
        """The share of answers saying it is still used, wholly."""
        return self.yes / self.answered if self.answered else None

    @property
    def response_rate(self) -> float | None:
        return self.answered / self.asked if self.asked else None


A = AdoptionCheck.Answer
ANSWERED = Q(status=AdoptionCheck.Status.ANSWERED)
ADOPTION_COUNTS = {
    "asked": Count("pk"),
    "answered": Count("pk", filter=ANSWERED),
    "yes": Count("pk", filter=ANSWERED & Q(answer=A.YES)),
    "partly": Count("pk", filter=ANSWERED & Q(answer=A.PARTLY)),
    "no": Count("pk", filter=ANSWERED & Q(answer=A.NO)),
}


def _asked_checks(
    organizations: Organizations, day: int, start: date | None, end: date | None
) -> QuerySet[AdoptionCheck]:
    return AdoptionCheck.objects.filter(
        _period("due_at", start, end),
        day=day,
        asked_at__isnull=False,
        mission__organization__in=_organizations(organizations),
    ).order_by()


def adoption_rate(
    organizations: Organizations,
    *,
    day: int = 90,
    start: date | None = None,
    end: date | None = None,
) -> Adoption:
    """The answers to the question asked `day` days after the end of the organisations'
    missions, for the questions due from `start` to `end` (both included). One query."""
    counts = _asked_checks(organizations, day, start, end).aggregate(**ADOPTION_COUNTS)
    return Adoption(**counts)


def adoption_by(
    organizations: Organizations,
    *,
    day: int = 90,
    start: date | None = None,
    end: date | None = None,
    by: str,
) -> dict[Key, Adoption]:
    """`adoption_rate` split by organisation, commune, département or month. One query."""
    rows = (
        _asked_checks(organizations, day, start, end)
        .annotate(group=_key(by, "mission", "due_at"))
        .values("group")
        .annotate(**ADOPTION_COUNTS)
    )
    # The counts come in the order of Adoption's fields.
    return {
        group: Adoption(*counts) for group, *counts in rows.values_list("group", *ADOPTION_COUNTS)
    }


def questions_for(user, *, admin_of: Iterable[int] | None = None) -> dict[int, list[AdoptionCheck]]:
    """The questions waiting for an answer from the associations `user` administers, by
    organisation id (one query; none when `admin_of`, the ids of the organisations she
    administers when the caller knows them already, is empty)."""
    if not user.is_authenticated:
        return {}
    if admin_of is None:
        organizations: Iterable[int] | QuerySet = Membership.objects.filter(
            user=user, role=Membership.Role.ADMIN
        ).values("organization")
    else:
        organizations = list(admin_of)
        if not organizations:
            return {}
    checks = (
        AdoptionCheck.objects.filter(
            status=AdoptionCheck.Status.ASKED, mission__organization_id__in=organizations
        )
        .select_related("mission")
        .order_by("due_at", "pk")
    )
    questions: dict[int, list[AdoptionCheck]] = defaultdict(list)
    for check in checks:
        questions[check.mission.organization_id].append(check)
    return dict(questions)


def get_check_for_admin(request, pk: int) -> AdoptionCheck:
    """A question about a mission, for an admin of its association: 404 for anyone outside
    the association (its missions' follow-up is private), 403 for its plain members."""
    check = AdoptionCheck.objects.select_related("mission__organization").filter(pk=pk).first()
    if check is None or not request.user.is_authenticated:
        raise Http404
    membership = Membership.objects.filter(
        user=request.user, organization_id=check.mission.organization_id
    ).first()
    if membership is None:
        raise Http404
    if not membership.is_admin:
        raise PermissionDenied
    return check


def rates_shown() -> list[HourlyRate]:
    """Every domain's rate, in the taxonomy's order (the public page, the staff page)."""
    return list(HourlyRate.objects.select_related("domain"))
