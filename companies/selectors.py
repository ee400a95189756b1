"""Reads about companies, and the lookups that check who may see what on the way."""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import User
from missions.selectors import is_member as acts_for_mission
from organizations.models import Membership, Organization

from .lifecycle import email_domain
from .models import Company, EmailDomain, Employee, Programme, RecurringEngagement, Sponsorship


def is_manager(user, company: Company) -> bool:
    """Programme managers are the members of the company's organisation."""
    return (
        user is not None
        and user.is_authenticated
        and Membership.objects.filter(user=user, organization_id=company.organization_id).exists()
    )


def get_company(slug: str) -> Company:
    """The company `slug` (404 for anything else); its company side is made the first time
    it is asked for, since organisations, below, cannot make it when one registers."""
    organization = get_object_or_404(Organization, slug=slug, kind=Organization.Kind.COMPANY)
    company, _created = Company.objects.get_or_create(organization=organization)
    company.organization = organization
    return company


def get_company_for_manager(request, slug: str) -> Company:
    """The company `slug` if the requester manages it; 404 when there is no such company,
    403 for anyone else (staff included: the valuation of the employees' time is the
    company's business)."""
    user = request.user
    # One query: the company, its organisation and whether she manages it.
    found = (
        Company.objects.select_related("organization")
        .annotate(
            managed=Exists(
                Membership.objects.filter(organization=OuterRef("organization"), user_id=user.pk)
            )
        )
        .filter(organization__slug=slug, organization__kind=Organization.Kind.COMPANY)
        .first()
    )
    company: Company
    if found is not None:
        company, managed = found, found.managed
    else:  # no such company (404), or its company side is made now
        company = get_company(slug)
        managed = is_manager(user, company)
    if not (user.is_authenticated and managed):
        raise PermissionDenied
    return company


def get_employee_for_self(request, pk: int) -> Employee:
    """Her own place in a company; 404 for anyone else's."""
    return get_object_or_404(
        Employee.objects.select_related("company__organization"), pk=pk, user=request.user
    )


def get_employee_for_manager(request, company: Company, pk: int) -> Employee:
    employee = get_object_or_404(Employee.objects.select_related("user"), pk=pk, company=company)
    employee.company = company
    return employee


def employments_of(user, *, joined_only: bool = True) -> list[Employee]:
    if not user.is_authenticated:
        return []
    rows = Employee.objects.filter(user=user).select_related("company__organization")
    if joined_only:
        rows = rows.filter(status=Employee.Status.JOINED)
    return list(rows.order_by("company__organization__name"))


def managed_companies(user) -> list[Organization]:
    if not user.is_authenticated:
        return []
    return list(
        Organization.objects.filter(
            kind=Organization.Kind.COMPANY, memberships__user=user
        ).order_by("name")
    )


def joinable_by_domain(user) -> list[Company]:
    """The checked companies whose declared domain is her confirmed address's, that she has
    not joined: she joins them in one click."""
    if not user.is_authenticated or not user.is_email_verified:
        return []
    domain = email_domain(user.email)
    return list(
        Company.objects.filter(
            domains__domain=domain,
            organization__verification=Organization.Verification.VERIFIED,
        )
        .exclude(employees__user=user, employees__status=Employee.Status.JOINED)
        .select_related("organization")
        .order_by("organization__name")
    )


def domains_of(company: Company) -> list[EmailDomain]:
    return list(company.domains.all())


def employees_of(company: Company) -> QuerySet[Employee]:
    return (
        Employee.objects.filter(company=company, status=Employee.Status.JOINED)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )


def employers_shown(user) -> list[str]:
    """The companies she chose to name on her profile."""
    return list(
        Employee.objects.filter(
            Q(user=user), status=Employee.Status.JOINED, show_employer=True
        ).values_list("company__organization__name", flat=True)
    )


# --- programmes ------------------------------------------------------------------------------
def programmes_of(company: Company) -> list[Programme]:
    return list(
        Programme.objects.filter(company=company)
        .prefetch_related("causes", "departements")
        .order_by("status", "-created_at")
    )


def get_programme_for_manager(request, pk: int) -> Programme:
    """A programme of a company the requester manages; 404 for any other."""
    programme = get_object_or_404(
        Programme.objects.select_related("company__organization").prefetch_related(
            "causes", "departements"
        ),
        pk=pk,
        company__organization__memberships__user=request.user.pk,
    )
    return programme


def open_programmes_of(companies: list[Company]) -> list[Programme]:
    return list(
        Programme.objects.filter(company__in=companies, status=Programme.Status.OPEN)
        .select_related("company__organization")
        .prefetch_related("causes", "departements")
        .order_by("company_id", "-created_at")
    )


# --- working time: budgets and requests ------------------------------------------------------
def hours_used(
    employee: Employee, programme: Programme, year: int, *, excluding: Sponsorship | None = None
) -> int:
    """The hours of her budget in `programme` already approved for `year`."""
    rows = Sponsorship.objects.filter(
        employee=employee, programme=programme, year=year, status=Sponsorship.Status.APPROVED
    )
    if excluding is not None and excluding.pk:
        rows = rows.exclude(pk=excluding.pk)
    return rows.aggregate(total=Sum("hours"))["total"] or 0


def hours_used_by_programme(employee_ids, programme_ids, year: int) -> dict[tuple[int, int], int]:
    """{(employee id, programme id): approved hours of `year`}, in one query."""
    rows = (
        Sponsorship.objects.filter(
            employee_id__in=employee_ids,
            programme_id__in=programme_ids,
            year=year,
            status=Sponsorship.Status.APPROVED,
        )
        .values_list("employee_id", "programme_id")
        .annotate(total=Sum("hours"))
    )
    return {(employee, programme): total for employee, programme, total in rows}


def _sponsorships() -> QuerySet[Sponsorship]:
    return Sponsorship.objects.select_related(
        "employee__user",
        "programme__company__organization",
        "application__mission__organization",
    )


def requests_to_answer(company: Company) -> list[Sponsorship]:
    return list(
        _sponsorships()
        .filter(programme__company=company, status=Sponsorship.Status.REQUESTED)
        .order_by("created_at")
    )


def recent_answers(company: Company, *, limit: int = 20) -> list[Sponsorship]:
    return list(
        _sponsorships()
        .filter(programme__company=company)
        .exclude(status=Sponsorship.Status.REQUESTED)
        .order_by("-decided_at", "-created_at")[:limit]
    )


def requests_of(user) -> list[Sponsorship]:
    return list(_sponsorships().filter(employee__user=user).order_by("-created_at")[:50])


def get_sponsorship_for_manager(request, pk: int) -> Sponsorship:
    """A request for time to a company the requester manages; 404 for any other."""
    return get_object_or_404(
        _sponsorships(),
        pk=pk,
        programme__company__organization__memberships__user=request.user.pk,
    )


def get_sponsorship_for_employee(request, pk: int) -> Sponsorship:
    return get_object_or_404(_sponsorships(), pk=pk, employee__user=request.user.pk)


def sponsorship_of(application) -> Sponsorship | None:
    return _sponsorships().filter(application=application).first()


def supporters_of(mission) -> dict[int, Sponsorship]:
    """{application id: its approved time} for a mission's applications: what the
    association reads as « soutenue par … » (nothing before a manager approved it)."""
    return {
        sponsorship.application_id: sponsorship
        for sponsorship in Sponsorship.objects.filter(
            application__mission=mission, status=Sponsorship.Status.APPROVED
        ).select_related("programme__company__organization")
    }


# --- talents solidaires ----------------------------------------------------------------------
def get_recurring_for_viewer(request, pk: int) -> tuple[RecurringEngagement, dict]:
    """A talent solidaire as its three sides see it — the association that welcomes her (its
    members), herself, her company's managers — with who the viewer is; 404 for anyone
    else."""
    engagement = get_object_or_404(
        RecurringEngagement.objects.select_related(
            "tutor",
            "sponsorship__employee__user",
            "sponsorship__programme__company__organization",
            "sponsorship__application__mission__organization",
        ),
        pk=pk,
    )
    sponsorship = engagement.sponsorship
    user = request.user
    sides = {
        "is_member": acts_for_mission(user, sponsorship.application.mission),
        "is_employee": user.is_authenticated and user.pk == sponsorship.employee.user_id,
        "is_manager": is_manager(user, sponsorship.programme.company),
    }
    if not any(sides.values()):
        raise Http404
    return engagement, sides


def association_members(organization_id: int) -> QuerySet[User]:
    return User.objects.filter(memberships__organization_id=organization_id).order_by("full_name")


def recurring_of(sponsorship: Sponsorship) -> RecurringEngagement | None:
    return RecurringEngagement.objects.filter(sponsorship=sponsorship).first()
