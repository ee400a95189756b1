"""Every write to companies, their employees, programmes, approvals and hours goes through
here: keyword-only arguments, one transaction, the audit journal."""

import re
import uuid
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.models import User
from core.errors import ActionRefused
from organizations.models import Organization

from .lifecycle import EMPLOYEE, PROGRAMME, email_domain, join_refused
from .models import Company, EmailDomain, Employee, Programme
from .selectors import is_manager

# Addresses anyone may open: a company cannot claim them as its own.
PUBLIC_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.fr",
        "outlook.com",
        "outlook.fr",
        "live.com",
        "live.fr",
        "msn.com",
        "yahoo.com",
        "yahoo.fr",
        "icloud.com",
        "me.com",
        "aol.com",
        "orange.fr",
        "wanadoo.fr",
        "free.fr",
        "sfr.fr",
        "neuf.fr",
        "laposte.net",
        "bbox.fr",
        "numericable.fr",
        "protonmail.com",
        "proton.me",
        "gmx.fr",
        "gmx.com",
        "yandex.com",
        "example.org",
        "example.com",
    }
)
DOMAIN_SHAPE = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def _require_manager(user, company: Company) -> None:
    if user is None or not is_manager(user, company):
        raise PermissionDenied("only the company's programme managers may do this")


# --- the company -----------------------------------------------------------------------------
def company_of(organization: Organization) -> Company:
    """The company side of a company organisation, made the first time it is asked for."""
    if organization.kind != Organization.Kind.COMPANY:
        raise ValueError("not a company")
    company, _created = Company.objects.get_or_create(organization=organization)
    company.organization = organization
    return company


@transaction.atomic
def invite_link_renew(*, company: Company, by: User) -> Company:
    """A new invitation link: the old one stops working (those who joined stay)."""
    _require_manager(by, company)
    company.invite_token = uuid.uuid4()
    company.save(update_fields=["invite_token"])
    audit.log(actor=by, verb="company.invite_link_renewed", target=company.organization)
    return company


def normalize_domain(value: str) -> str:
    return (value or "").strip().lower().removeprefix("@").rstrip(".")


def domain_refusal(company: Company, domain: str, by: User) -> str:
    """Why `by` may not declare `domain` as the company's ("" when she may). Her own
    confirmed address must be in it: that is what shows the domain is the company's."""
    domain = normalize_domain(domain)
    if not DOMAIN_SHAPE.match(domain):
        return _(
            "Écrivez seulement ce qui suit le @ de vos adresses, par exemple : imprimerie-martin.fr"
        )
    if domain in PUBLIC_DOMAINS:
        return _(
            "« %(domain)s » est une messagerie ouverte à tous : n’importe qui pourrait "
            "rejoindre l’entreprise. Utilisez plutôt le lien d’invitation."
        ) % {"domain": domain}
    if not by.is_email_verified or email_domain(by.email) != domain:
        return _(
            "Pour déclarer « %(domain)s », votre propre adresse e-mail confirmée doit en faire "
            "partie : c’est ce qui montre que ce domaine est celui de l’entreprise."
        ) % {"domain": domain}
    other = EmailDomain.objects.filter(domain=domain).exclude(company=company).first()
    if other is not None:
        return _("Ce domaine est déjà déclaré par une autre entreprise.")
    if EmailDomain.objects.filter(domain=domain, company=company).exists():
        return _("Ce domaine est déjà déclaré.")
    return ""


@transaction.atomic
def domain_declare(*, company: Company, domain: str, by: User) -> EmailDomain:
    _require_manager(by, company)
    refusal = domain_refusal(company, domain, by)
    if refusal:
        raise ActionRefused(refusal)
    declared = EmailDomain.objects.create(
        company=company, domain=normalize_domain(domain), declared_by=by
    )
    audit.log(actor=by, verb="company.domain_declared", target=company.organization)
    return declared


@transaction.atomic
def domain_remove(*, domain: EmailDomain, by: User) -> None:
    _require_manager(by, domain.company)
    audit.log(actor=by, verb="company.domain_removed", target=domain.company.organization)
    domain.delete()


# --- employees -------------------------------------------------------------------------------
def _employee_logged(employee: Employee, verb: str, by: User | None, **data) -> None:
    audit.log(
        actor=by,
        verb=verb,
        target=employee.company.organization,
        data={"user": employee.user_id, **data},
    )


@transaction.atomic
def employee_join(*, company: Company, user: User, via: str) -> Employee:
    """`user` joins `company` as an employee, by its link or by its e-mail domain
    (`lifecycle.join_refused`), or comes back after leaving."""
    company = Company.objects.select_for_update().select_related("organization").get(pk=company.pk)
    employee = Employee.objects.select_for_update().filter(company=company, user=user).first()
    domains = list(company.domains.values_list("domain", flat=True))
    refused = join_refused(company, user, via=via, employee=employee, domains=domains)
    if refused is not None:
        raise refused
    now = timezone.now()
    if employee is None:
        employee = Employee.objects.create(company=company, user=user, via=via, joined_at=now)
    else:
        EMPLOYEE.check(employee, "join", user)
        employee.status = Employee.Status.JOINED
        employee.via = via
        employee.joined_at = now
        employee.ended_at = None
        employee.ended_by = None
        employee.save(update_fields=["status", "via", "joined_at", "ended_at", "ended_by"])
    employee.company = company
    _employee_logged(employee, "company.employee_joined", user, via=via)
    return employee


@transaction.atomic
def employee_leave(*, employee: Employee, by: User) -> Employee:
    """The employee leaves (`leave`), or a manager takes her off the list (`remove`). Her
    hours stay in the statements; her requests still waiting for an answer are withdrawn."""
    locked = (
        Employee.objects.select_for_update()
        .select_related("company__organization")
        .get(pk=employee.pk)
    )
    action = "leave" if by.pk == locked.user_id else "remove"
    transition = EMPLOYEE.check(
        locked, action, by, is_manager=action == "remove" and is_manager(by, locked.company)
    )
    locked.status = transition.target
    locked.ended_at = timezone.now()
    locked.ended_by = by
    locked.save(update_fields=["status", "ended_at", "ended_by"])
    _employee_logged(locked, f"company.employee_{'left' if action == 'leave' else 'removed'}", by)
    for name in ("status", "ended_at", "ended_by"):
        setattr(employee, name, getattr(locked, name))
    _after_leaving(locked, by)
    return employee


def _after_leaving(employee: Employee, by: User) -> None:
    """Filled in by the programmes (her requests waiting for an answer are withdrawn)."""


@transaction.atomic
def employee_show_employer(*, employee: Employee, by: User, shown: bool) -> Employee:
    if by.pk != employee.user_id:
        raise PermissionDenied("only the employee chooses")
    employee.show_employer = shown
    employee.save(update_fields=["show_employer"])
    return employee


@transaction.atomic
def employee_set_cost(*, employee: Employee, by: User, hourly_cost: Decimal | None) -> Employee:
    """The hourly cost a manager enters for the statement's valuation (never shown to others)."""
    _require_manager(by, employee.company)
    employee.hourly_cost = hourly_cost
    employee.save(update_fields=["hourly_cost"])
    _employee_logged(employee, "company.employee_cost_set", by)
    return employee


# --- programmes ------------------------------------------------------------------------------
PROGRAMME_FIELDS = (
    "name",
    "description",
    "hours_per_employee",
    "one_off",
    "recurring",
    "recurring_hours_per_month",
    "recurring_months",
)


@transaction.atomic
def programme_create(
    *, company: Company, by: User, causes=(), departements=(), **fields
) -> Programme:
    """A manager opens a programme: employees may ask for time within it at once."""
    _require_manager(by, company)
    programme = Programme(company=company, created_by=by, **fields)
    programme.full_clean()
    programme.save()
    programme.causes.set(causes)
    programme.departements.set(departements)
    audit.log(
        actor=by,
        verb="programme.opened",
        target=company.organization,
        data={"programme": programme.pk, "hours": programme.hours_per_employee},
    )
    return programme


@transaction.atomic
def programme_update(
    *, programme: Programme, by: User, causes=(), departements=(), **fields
) -> Programme:
    """Change the frame; what was approved already keeps the hours it was approved for."""
    _require_manager(by, programme.company)
    for name, value in fields.items():
        setattr(programme, name, value)
    programme.full_clean()
    programme.save(update_fields=list(fields))
    programme.causes.set(causes)
    programme.departements.set(departements)
    audit.log(
        actor=by,
        verb="programme.changed",
        target=programme.company.organization,
        data={"programme": programme.pk, "hours": programme.hours_per_employee},
    )
    return programme


@transaction.atomic
def programme_move(*, programme: Programme, action: str, by: User) -> Programme:
    """Close a programme (no new requests; what was approved goes on) or open it again."""
    locked = Programme.objects.select_for_update().get(pk=programme.pk)
    transition = PROGRAMME.check(locked, action, by, is_manager=is_manager(by, programme.company))
    programme.status = locked.status = transition.target
    programme.closed_at = locked.closed_at = timezone.now() if action == "close" else None
    locked.save(update_fields=["status", "closed_at"])
    audit.log(
        actor=by,
        verb=f"programme.{'closed' if action == 'close' else 'opened'}",
        target=programme.company.organization,
        data={"programme": programme.pk},
    )
    return programme
