"""The hours the associations confirmed for companies' employees, read once for the
statements, the attestations and the dashboard: a one-off mission's hours as the association
confirmed its end, a talent solidaire's as it confirmed each month."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from completion.models import Completion

from .models import CheckIn, Company, Sponsorship


@dataclass(frozen=True)
class HourLine:
    association_id: int
    association: str
    association_slug: str
    company_id: int
    employee_id: int
    employee: str
    mission: str
    mission_departement: str
    month: date  # the first day of the month the hours were confirmed for
    hours: int
    recurring: bool
    # Entered by the company's managers; only the company's papers read it.
    hourly_cost: Decimal | None

    @property
    def value(self) -> Decimal | None:
        return None if self.hourly_cost is None else self.hourly_cost * self.hours


def hour_lines(
    *, year: int, company: Company | None = None, association_id: int | None = None
) -> list[HourLine]:
    """The confirmed hours of `year`, for one company, one association, or both. Two
    queries, whatever the number of lines; each line is read as a row of values, not as the
    five objects it joins (a company of a few hundred employees has as many lines)."""
    one_off = Sponsorship.objects.filter(
        status=Sponsorship.Status.APPROVED,
        format=Sponsorship.Format.ONE_OFF,
        application__completion__status=Completion.Status.COMPLETED,
        application__completion__completed_at__year=year,
    )
    months = CheckIn.objects.filter(month__year=year)
    if company is not None:
        one_off = one_off.filter(programme__company=company)
        months = months.filter(engagement__sponsorship__programme__company=company)
    if association_id is not None:
        one_off = one_off.filter(application__mission__organization_id=association_id)
        months = months.filter(
            engagement__sponsorship__application__mission__organization_id=association_id
        )
    lines = [
        _line(
            row,
            month=timezone.localtime(completed_at).date().replace(day=1),
            hours=hours or 0,
        )
        for *row, completed_at, hours in one_off.values_list(
            *_LINE_FIELDS,
            "application__completion__completed_at",
            "application__completion__confirmed_hours",
        )
    ]
    lines += [
        _line(row, month=month, hours=hours)
        for *row, month, hours in months.values_list(
            *[f"engagement__sponsorship__{name}" for name in _LINE_FIELDS], "month", "hours"
        )
    ]
    lines.sort(key=lambda line: (line.association, line.month, line.employee, line.mission))
    return lines


# What a line reads of its sponsorship, in `_line`'s order.
_LINE_FIELDS = (
    "application__mission__organization_id",
    "application__mission__organization__name",
    "application__mission__organization__slug",
    "application__mission__organization__departement_code",
    "programme__company_id",
    "employee_id",
    "employee__user__full_name",
    "employee__hourly_cost",
    "application__mission__title",
    "application__mission__departement_code",
    "format",
)


def _line(row: list, *, month: date, hours: int) -> HourLine:
    (
        association_id,
        association,
        association_slug,
        association_departement,
        company_id,
        employee_id,
        employee,
        hourly_cost,
        mission,
        mission_departement,
        kind,
    ) = row
    return HourLine(
        association_id=association_id,
        association=association,
        association_slug=association_slug,
        company_id=company_id,
        employee_id=employee_id,
        employee=employee,
        mission=mission,
        mission_departement=mission_departement or association_departement,
        month=month,
        hours=hours,
        recurring=kind == Sponsorship.Format.RECURRING,
        hourly_cost=hourly_cost,
    )
