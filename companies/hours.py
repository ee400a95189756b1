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
    queries, whatever the number of lines."""
    one_off = Sponsorship.objects.filter(
        status=Sponsorship.Status.APPROVED,
        format=Sponsorship.Format.ONE_OFF,
        application__completion__status=Completion.Status.COMPLETED,
        application__completion__completed_at__year=year,
    ).select_related(
        "employee__user",
        "programme",
        "application__completion",
        "application__mission__organization",
    )
    months = CheckIn.objects.filter(month__year=year).select_related(
        "engagement__sponsorship__employee__user",
        "engagement__sponsorship__programme",
        "engagement__sponsorship__application__mission__organization",
    )
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
            sponsorship,
            month=timezone.localtime(sponsorship.application.completion.completed_at)
            .date()
            .replace(day=1),
            hours=sponsorship.application.completion.confirmed_hours or 0,
        )
        for sponsorship in one_off
    ]
    lines += [
        _line(check_in.engagement.sponsorship, month=check_in.month, hours=check_in.hours)
        for check_in in months
    ]
    lines.sort(key=lambda line: (line.association, line.month, line.employee, line.mission))
    return lines


def _line(sponsorship: Sponsorship, *, month: date, hours: int) -> HourLine:
    mission = sponsorship.application.mission
    association = mission.organization
    return HourLine(
        association_id=association.pk,
        association=association.name,
        association_slug=association.slug,
        company_id=sponsorship.programme.company_id,
        employee_id=sponsorship.employee_id,
        employee=sponsorship.employee.user.full_name,
        mission=mission.title,
        mission_departement=mission.departement_code or association.departement_code,
        month=month,
        hours=hours,
        recurring=sponsorship.is_recurring,
        hourly_cost=sponsorship.employee.hourly_cost,
    )
