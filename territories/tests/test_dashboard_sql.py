"""Every figure of the dashboard, computed again over the demo data (`manage.py demo`) with
SQL written here by hand — through the cursor, not the ORM code under test — finds the same
numbers, for territories of every level and for several periods."""

import datetime
import json
import math
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from geo.models import Commune, Departement, Region
from organizations.models import Organization
from territories.dashboard import MIN_ASSOCIATIONS, STATE_GROUPS, board_for
from territories.models import Territory
from territories.period import Period

from .factories import AuthorityFactory


@pytest.fixture(scope="module")
def _demo_once(django_db_setup, django_db_blocker):
    # The whole demo, built once for the module and rolled back at its end.
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def territories(_demo_once, db) -> list[Territory]:
    """The demo's (the Rhône, Vénissieux) and a few more: a région, two départements, an
    EPCI made of the communes of six demo associations."""
    found = list(Territory.objects.order_by("pk"))
    assert {t.level for t in found} == {"departement", "commune"}
    for level, code in (("region", "75"), ("departement", "59"), ("departement", "75")):
        authority = AuthorityFactory(verified=True)
        if level == "region":
            found.append(
                Territory.objects.create(
                    authority=authority, level=level, region=Region.objects.get(pk=code)
                )
            )
        else:
            found.append(
                Territory.objects.create(
                    authority=authority, level=level, departement=Departement.objects.get(pk=code)
                )
            )
    epci = Territory.objects.create(authority=AuthorityFactory(verified=True), level="epci")
    communes = (
        Organization.objects.filter(kind="association", commune__isnull=False)
        .order_by("pk")
        .values_list("commune_id", flat=True)[:6]
    )
    epci.communes.set(Commune.objects.filter(pk__in=list(communes)))
    found.append(epci)
    return found


# --- The hand-written SQL -------------------------------------------------------------------
def fetch(sql: str, params=()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def moment(value: datetime.datetime):
    """A bound as the database stores it."""
    return connection.ops.adapt_datetimefield_value(value)


def local(value) -> datetime.datetime:
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if timezone.is_naive(value):  # SQLite keeps UTC, without saying so
        value = value.replace(tzinfo=datetime.UTC)
    return timezone.localtime(value)


def inside(territory: Territory, alias: str = "o") -> tuple[str, list]:
    """The territory's associations (refused ones aside), as SQL on the organisations'
    table named `alias`."""
    if territory.level == "departement":
        where, params = f"{alias}.departement_code = %s", [territory.departement_id]
    elif territory.level == "region":
        where, params = f"{alias}.region_code = %s", [territory.region_id]
    else:
        where = (
            f"{alias}.commune_id IN (SELECT commune_id FROM territories_territory_communes "
            "WHERE territory_id = %s)"
        )
        params = [territory.pk]
    return (
        f"({where} AND {alias}.kind = 'association' AND {alias}.verification <> 'rejected')",
        params,
    )


def half_up(value: float) -> int:
    return math.floor(value + 0.5)


def percent(part: int, whole: int):
    return (200 * part + whole) // (2 * whole) if whole else None


def expected_by_kind(territory, period) -> list[list]:
    where, params = inside(territory)
    rows = fetch(
        f"""SELECT o.association_type, COUNT(*),
                   SUM(CASE WHEN o.created_at >= %s THEN 1 ELSE 0 END)
            FROM organizations_organization o WHERE {where} AND o.created_at < %s
            GROUP BY o.association_type""",
        [moment(period.start_at), *params, moment(period.end_at)],
    )
    found = {kind: (int(new), total) for kind, total, new in rows}
    return [list(found.get(kind, (0, 0))) for kind in ("citizen", "professional", "")]


def expected_by_cause(territory, period) -> list[list]:
    where, params = inside(territory)
    rows = fetch(
        f"""SELECT c.name_fr, COUNT(o.id),
                   SUM(CASE WHEN o.created_at >= %s THEN 1 ELSE 0 END)
            FROM taxonomy_cause c
            LEFT JOIN organizations_organization_causes oc ON oc.cause_id = c.id
            LEFT JOIN organizations_organization o
              ON o.id = oc.organization_id AND {where} AND o.created_at < %s
            GROUP BY c.id, c.name_fr, c."order", c.slug ORDER BY c."order", c.slug""",
        [moment(period.start_at), *params, moment(period.end_at)],
    )
    return [[name, int(new or 0), total] for name, total, new in rows]


def expected_diagnoses(territory, period) -> list[list]:
    where, params = inside(territory)
    previous = period.previous()
    axes = [slug for (slug,) in fetch('SELECT slug FROM diagnosis_axis ORDER BY "order", slug')]
    rows = fetch(
        f"""SELECT d.completed_at, d.organization_id, d.scores, d.overall
            FROM diagnosis_diagnosis d JOIN organizations_organization o
              ON o.id = d.organization_id
            WHERE {where} AND d.completed_at >= %s AND d.completed_at < %s""",
        [*params, moment(previous.start_at), moment(period.end_at)],
    )
    buckets: dict[str, list] = {"now": [], "before": []}
    for completed_at, organization, scores, overall in rows:
        when = local(completed_at).date()
        scores = json.loads(scores) if isinstance(scores, str) else scores
        bucket = "now" if when >= period.start else "before"
        buckets[bucket].append((organization, {**scores, "overall": overall}))

    def average(bucket: str, key: str):
        found = buckets[bucket]
        if len({organization for organization, _ in found}) < MIN_ASSOCIATIONS:
            return None
        values = [scores[key] for _, scores in found if scores.get(key) is not None]
        return sum(values) / len(values) if values else None

    table = []
    for key in [*axes, "overall"]:
        now, before = average("now", key), average("before", key)
        change = None if now is None or before is None else half_up(now) - half_up(before)
        table.append(
            [
                None if now is None else half_up(now),
                None if before is None else half_up(before),
                change,
            ]
        )
    return table


def expected_by_month(territory, period) -> list[list]:
    where, params = inside(territory)
    rows = fetch(
        f"""SELECT m.created_at, m.status FROM missions_mission m
            JOIN organizations_organization o ON o.id = m.organization_id
            WHERE {where} AND m.created_at >= %s AND m.created_at < %s
              AND m.status <> 'draft'""",
        [*params, moment(period.start_at), moment(period.end_at)],
    )
    counts: dict[tuple, dict] = defaultdict(lambda: defaultdict(int))
    for created_at, status in rows:
        when = local(created_at)
        counts[(when.year, when.month)][status] += 1
    table = []
    for first in period.months():
        by_status = counts[(first.year, first.month)]
        values = [sum(by_status[s] for s in statuses) for _label, statuses in STATE_GROUPS]
        table.append([*values, sum(values)])
    return table


def expected_rates(territory, period) -> list[list]:
    where, params = inside(territory)
    ((published, answered, completed),) = fetch(
        f"""SELECT COUNT(*),
              SUM(CASE WHEN EXISTS (SELECT 1 FROM engagements_application a
                        WHERE a.mission_id = m.id AND (a.invited_by_id IS NULL
                          OR a.status NOT IN ('invited', 'declined'))) THEN 1 ELSE 0 END),
              SUM(CASE WHEN m.status = 'completed' THEN 1 ELSE 0 END)
            FROM missions_mission m JOIN organizations_organization o ON o.id = m.organization_id
            WHERE {where} AND m.published_at >= %s AND m.published_at < %s""",
        [*params, moment(period.start_at), moment(period.end_at)],
    )
    answered, completed = int(answered or 0), int(completed or 0)
    return [
        [published, answered, percent(answered, published)],
        [published, completed, percent(completed, published)],
    ]


def expected_communes(territory, period) -> dict:
    where, params = inside(territory)
    places: dict = defaultdict(lambda: [0, 0, 0])
    for commune, count in fetch(
        f"""SELECT o.commune_id, COUNT(*) FROM organizations_organization o
            WHERE {where} AND o.created_at < %s GROUP BY o.commune_id""",
        [*params, moment(period.end_at)],
    ):
        places[commune or ""][0] = count
    for commune, published, completed in fetch(
        f"""SELECT o.commune_id, COUNT(*), SUM(CASE WHEN m.status = 'completed' THEN 1 ELSE 0 END)
            FROM missions_mission m JOIN organizations_organization o ON o.id = m.organization_id
            WHERE {where} AND m.published_at >= %s AND m.published_at < %s
            GROUP BY o.commune_id""",
        [*params, moment(period.start_at), moment(period.end_at)],
    ):
        places[commune or ""][1:] = [published, int(completed or 0)]
    return dict(places)


def expected_value(territory, period) -> list[list]:
    """Hours confirmed on completed engagements, each valued at its mission's domain rate:
    the template's domain, else the domain of most required skills (a tie: the first in the
    taxonomy's order, then the smallest id), else none (the average rate)."""
    where, params = inside(territory)
    rates = {
        domain: Decimal(rate)
        for domain, rate in fetch("SELECT domain_id, rate FROM impact_hourlyrate")
    }
    fallback = (sum(rates.values(), Decimal(0)) / len(rates)).quantize(Decimal("0.01"))
    domains = {
        pk: (order, name)
        for pk, order, name in fetch('SELECT id, "order", name_fr FROM taxonomy_skilldomain')
    }
    skills: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for mission, domain in fetch(
        """SELECT ms.mission_id, s.domain_id FROM missions_missionskill ms
           JOIN taxonomy_skill s ON s.id = ms.skill_id"""
    ):
        skills[mission][domain] += 1
    rows = fetch(
        f"""SELECT m.id, t.domain_id, c.confirmed_hours FROM completion_completion c
            JOIN engagements_application a ON a.id = c.application_id
            JOIN missions_mission m ON m.id = a.mission_id
            LEFT JOIN missions_missiontemplate t ON t.id = m.template_id
            JOIN organizations_organization o ON o.id = m.organization_id
            WHERE {where} AND c.status = 'completed'
              AND c.completed_at >= %s AND c.completed_at < %s""",
        [*params, moment(period.start_at), moment(period.end_at)],
    )
    buckets: dict = defaultdict(lambda: [0, Decimal(0)])
    for mission, domain, hours in rows:
        if domain is None and skills.get(mission):
            counted = skills[mission]
            domain = min(counted, key=lambda d: (-counted[d], domains[d][0], d))
        known = domain if domain in rates else None
        rate = rates[known] if known is not None else fallback
        buckets[known][0] += hours or 0
        buckets[known][1] += (hours or 0) * rate
    whole = lambda amount: int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))  # noqa: E731
    table = [
        [
            domains[d][1] if d is not None else "Domaine non précisé",
            h,
            whole(rates.get(d, fallback)),
            whole(e),
        ]
        for d, (h, e) in sorted(
            ((d, b) for d, b in buckets.items() if b[0]),
            key=lambda item: (item[0] is None, domains[item[0]][0] if item[0] else 0),
        )
    ]
    hours = sum(row[1] for row in table)
    euros = sum((b[1] for b in buckets.values() if b[0]), Decimal(0))
    # The coups de main its associations marked solved in the period, each question's hours
    # valued at its topic's rate.
    solved = fetch(
        f"""SELECT q.domain_id, coalesce(sum(cr.hours), 0) FROM quickhelp_credit cr
            JOIN quickhelp_question q ON q.id = cr.question_id
            JOIN organizations_organization o ON o.id = q.organization_id
            WHERE {where} AND cr.credited_at >= %s AND cr.credited_at < %s
            GROUP BY q.domain_id""",
        [*params, moment(period.start_at), moment(period.end_at)],
    )
    quick = sum((Decimal(h) for _, h in solved), Decimal(0))
    quick_euros = sum((Decimal(h) * rates.get(d, fallback) for d, h in solved), Decimal(0))
    if quick:
        plain = int(quick) if quick == int(quick) else float(quick)
        table.append(["Coups de main (questions résolues)", plain, None, whole(quick_euros)])
    total = hours + quick
    total = int(total) if total == int(total) else float(total)
    return [*table, ["Total", total, None, whole(euros + quick_euros)]]


def expected_adoption(territory, period) -> list:
    where, params = inside(territory)
    rows = fetch(
        f"""SELECT ac.status, ac.answer FROM impact_adoptioncheck ac
            JOIN missions_mission m ON m.id = ac.mission_id
            JOIN organizations_organization o ON o.id = m.organization_id
            WHERE {where} AND ac.day = 90 AND ac.asked_at IS NOT NULL
              AND ac.due_at >= %s AND ac.due_at < %s""",
        [*params, moment(period.start_at), moment(period.end_at)],
    )
    answered = [answer for status, answer in rows if status == "answered"]
    yes, partly, no = (answered.count(a) for a in ("yes", "partly", "no"))
    return [
        [yes, percent(yes, len(answered))],
        [partly, percent(partly, len(answered))],
        [no, percent(no, len(answered))],
        [len(rows) - len(answered), None],
        [len(rows), None],
    ]


def expected_packs(territory, period) -> list[list]:
    rows = fetch(
        """SELECT p.title, p.places,
                  (SELECT COUNT(*) FROM territories_packclaim c WHERE c.pack_id = p.id),
                  (SELECT COUNT(DISTINCT cm.mission_id) FROM territories_packclaim c
                     JOIN territories_packclaim_missions cm ON cm.packclaim_id = c.id
                     WHERE c.pack_id = p.id),
                  (SELECT COUNT(DISTINCT cm.mission_id) FROM territories_packclaim c
                     JOIN territories_packclaim_missions cm ON cm.packclaim_id = c.id
                     JOIN missions_mission m ON m.id = cm.mission_id
                     WHERE c.pack_id = p.id AND m.status = 'completed')
           FROM territories_pack p
           WHERE p.authority_id = %s AND p.status <> 'draft'
             AND p.opens_on <= %s AND p.closes_on >= %s
           ORDER BY p.opens_on, p.id""",
        [territory.authority_id, period.end, period.start],
    )
    return [list(row) for row in rows]


# --- The comparison -------------------------------------------------------------------------
def periods() -> list[Period]:
    today = timezone.localdate()
    return [
        Period.custom(today - datetime.timedelta(days=400), today),
        Period.year(today.year),
        Period.quarter(today.year, (today.month - 1) // 3 + 1),
        Period.month(today.year, today.month),
        Period.last_month(today),
    ]


def test_every_figure_matches_hand_written_sql_over_the_demo(territories):
    seen = defaultdict(int)
    for territory in territories:
        for period in periods():
            board = board_for(territory, period)
            where = f"{territory} ({territory.level}), {period.label}"

            by_kind = board.table("associations_by_kind").rows
            assert [row[1:] for row in by_kind] == expected_by_kind(territory, period), where
            by_cause = board.table("associations_by_cause").rows
            assert by_cause == expected_by_cause(territory, period), where
            diagnoses = board.table("diagnoses").rows
            assert [row[1:] for row in diagnoses] == expected_diagnoses(territory, period), where
            months = board.table("missions_by_month").rows
            assert [row[1:] for row in months] == expected_by_month(territory, period), where
            rates = board.table("rates").rows
            assert [row[1:] for row in rates] == expected_rates(territory, period), where
            communes = {row[1]: row[2:] for row in board.table("communes").rows}
            assert communes == expected_communes(territory, period), where
            value = board.table("value").rows
            assert value == expected_value(territory, period), where
            adoption = board.table("adoption").rows
            assert [row[1:] for row in adoption] == expected_adoption(territory, period), where
            packs = board.table("packs").rows
            assert packs == expected_packs(territory, period), where

            seen["associations"] += sum(row[2] for row in by_kind)
            seen["missions"] += sum(row[-1] for row in months)
            seen["answered"] += rates[0][2]
            seen["completed"] += rates[1][2]
            seen["averages"] += sum(1 for row in diagnoses if row[1] is not None)
            seen["communes"] += len(communes)
            seen["hours"] += value[-1][1]
            seen["adoption"] += adoption[-1][1]
            seen["answers"] += sum(row[1] for row in adoption[:3])
            seen["packs"] += len(packs)
            seen["claimed"] += sum(row[2] for row in packs)
    # The comparison saw numbers, not only zeros: every figure had something to count.
    assert all(
        seen[key] > 0
        for key in (
            "associations",
            "missions",
            "answered",
            "completed",
            "averages",
            "communes",
            "hours",
            "adoption",
            "answers",
            "packs",
            "claimed",
        )
    ), dict(seen)
