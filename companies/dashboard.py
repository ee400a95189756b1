"""A company's dashboard for one year: aggregates only (counts and sums of what the
associations confirmed, reviews once published), so that nothing private of an employee —
her messages, a review not yet public — ever reaches her managers. A handful of queries,
whatever the size of the company."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, Q
from django.utils import formats

from completion.models import Review
from geo.models import Departement
from taxonomy.models import Cause

from .hours import HourLine, hour_lines
from .models import Company, Sponsorship


@dataclass
class Dashboard:
    year: int
    lines: list[HourLine]
    engaged: int
    by_month: list[tuple[str, int]]
    by_cause: list[tuple[str, int]]
    by_territory: list[tuple[str, int]]
    associations: list[tuple[str, int]]
    reviews: int
    rating: float | None

    @property
    def hours(self) -> int:
        return sum(line.hours for line in self.lines)

    @property
    def missions_completed(self) -> int:
        return len({(line.mission, line.employee_id) for line in self.lines if not line.recurring})

    @property
    def talents(self) -> int:
        return len({(line.mission, line.employee_id) for line in self.lines if line.recurring})


def dashboard_of(company: Company, year: int) -> Dashboard:
    # Totals only: the lines without the employees' names and hourly costs (fewer joins).
    lines = hour_lines(year=year, company=company, employees=False)
    # One pass over the lines for every total.
    months: Counter = Counter()
    association_hours: Counter = Counter()
    hours_of: Counter = Counter()  # per association id, for the causes
    territory_hours: Counter = Counter()
    for line in lines:
        months[line.month.month] += line.hours
        association_hours[line.association] += line.hours
        hours_of[line.association_id] += line.hours
        if line.mission_departement:
            territory_hours[line.mission_departement] += line.hours
    by_month = [
        (formats.date_format(date(year, month, 1), "F"), months.get(month, 0))
        for month in range(1, 13)
    ]
    # An association working for several causes counts its hours under each of them.
    # Their causes and the causes' names at once.
    causes_of: dict[int, list[int]] = {}
    causes: dict[int, Cause] = {}
    for organization_id, pk, name_fr, name_en in Cause.objects.filter(
        organization__in=list(hours_of)
    ).values_list("organization", "pk", "name_fr", "name_en"):
        causes_of.setdefault(organization_id, []).append(pk)
        if pk not in causes:
            causes[pk] = Cause(pk=pk, name_fr=name_fr, name_en=name_en)
    cause_hours: Counter = Counter()
    for association_id, hours in hours_of.items():
        for cause_id in causes_of.get(association_id, []):
            cause_hours[cause_id] += hours
    by_cause = sorted(
        ((causes[pk].name, hours) for pk, hours in cause_hours.items()), key=lambda c: -c[1]
    )
    names = dict(
        Departement.objects.filter(code__in=list(territory_hours)).values_list("code", "name")
    )
    # Equal hours in the order of the names (the lines are not read in an order that says
    # anything of the départements).
    by_territory = sorted(
        (
            (f"{names[code]} ({code})" if code in names else code, hours)
            for code, hours in territory_hours.items()
        ),
        key=lambda t: (-t[1], t[0]),
    )
    # The employees engaged this year and the reviews the associations published this year
    # on the company's approved sponsorships, in one query (a sponsorship has at most one
    # association's review: one per application and side).
    published = Q(
        application__reviews__direction=Review.Direction.ASSOCIATION,
        application__reviews__published_at__isnull=False,
        application__reviews__published_at__year=year,
    )
    reviews = Sponsorship.objects.filter(
        programme__company=company, status=Sponsorship.Status.APPROVED
    ).aggregate(
        engaged=Count("employee", distinct=True, filter=Q(year=year)),
        count=Count("application__reviews", filter=published),
        quality=Avg("application__reviews__quality", filter=published),
        communication=Avg("application__reviews__communication", filter=published),
        deadlines=Avg("application__reviews__deadlines", filter=published),
    )
    averages = [
        reviews[k] for k in ("quality", "communication", "deadlines") if reviews[k] is not None
    ]
    return Dashboard(
        year=year,
        lines=lines,
        engaged=reviews["engaged"],
        by_month=by_month,
        by_cause=by_cause,
        by_territory=by_territory,
        associations=association_hours.most_common(),
        reviews=reviews["count"],
        rating=round(sum(averages) / len(averages), 1) if averages else None,
    )
