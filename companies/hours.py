"""The hours the associations confirmed for companies' employees, read once for the
statements, the attestations and the dashboard: a one-off mission's hours as the association
confirmed its end, a talent solidaire's as it confirmed each month."""

from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime
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
    *,
    year: int,
    company: Company | None = None,
    association_id: int | None = None,
    employees: bool = True,
) -> list[HourLine]:
    """The confirmed hours of `year`, for one company, one association, or both. Two
    queries, whatever the number of lines; each line is read as a row of values, not as the
    five objects it joins (a company of a few hundred employees has as many lines).

    With `employees` False (the dashboard, which shows totals only), the lines leave out
    the employee's name and hourly cost: two joins fewer (the employee, her user) in each
    query, and the lines are ordered by employee id instead of name."""
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
    fields = _LINE_FIELDS if employees else _BRIEF_FIELDS
    row_of = _row if employees else _brief_row
    # The local month of each end, found among the year's local month starts, in UTC as
    # the database gives the ends (the year's filter keeps them within it): what
    # `localtime()` says, without a time-zone conversion per line.
    starts = [
        timezone.make_aware(datetime(year, month, 1)).astimezone(UTC) for month in range(2, 13)
    ]
    lines = [
        _line(
            row_of(row),
            month=date(year, bisect_right(starts, completed_at) + 1, 1),
            hours=hours or 0,
        )
        for *row, completed_at, hours in one_off.values_list(
            *fields,
            "application__completion__completed_at",
            "application__completion__confirmed_hours",
        )
    ]
    lines += [
        _line(row_of(row), month=month, hours=hours)
        for *row, month, hours in months.values_list(
            *[f"engagement__sponsorship__{name}" for name in fields], "month", "hours"
        )
    ]
    if employees:
        lines.sort(key=lambda line: (line.association, line.month, line.employee, line.mission))
    else:
        lines.sort(key=lambda line: (line.association, line.month, line.employee_id, line.mission))
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


# The same without the employee's name and hourly cost (`_brief_row` puts blanks in their
# place).
_EMPLOYEE_FIELDS = ("employee__user__full_name", "employee__hourly_cost")
_BRIEF_FIELDS = tuple(name for name in _LINE_FIELDS if name not in _EMPLOYEE_FIELDS)
_NAME_AT = _LINE_FIELDS.index("employee__user__full_name")


def _row(row: list) -> list:
    return row


def _brief_row(row: list) -> list:
    return [*row[:_NAME_AT], "", None, *row[_NAME_AT:]]


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
