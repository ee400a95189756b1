"""Every write to companies, their employees, programmes, approvals and hours goes through
here: keyword-only arguments, one transaction, the audit journal."""

import re
import uuid
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

import audit
from accounts.models import User
from core.emails import send_email
from core.errors import ActionRefused
from engagements.models import Application
from missions.selectors import is_member as acts_for_mission
from notifications.services import notify
from organizations.models import Membership, Organization

from .lifecycle import (
    CHECK_IN,
    EMPLOYEE,
    PROGRAMME,
    RECURRING,
    SPONSORSHIP,
    email_domain,
    join_refused,
    request_refusal,
)
from .models import (
    CheckIn,
    Company,
    EmailDomain,
    Employee,
    Programme,
    RecurringEngagement,
    Sponsorship,
)
from .selectors import hours_used, is_manager

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
    # Her requests still waiting for an answer go; the time approved stays, as it was given.
    for sponsorship in Sponsorship.objects.filter(
        employee=employee, status=Sponsorship.Status.REQUESTED
    ):
        sponsorship_cancel(sponsorship=sponsorship, by=None)


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


# --- working time asked for an application, and the managers' answer --------------------------
# The link in the managers' e-mail works this long; after that, the company's page does.
APPROVAL_LINK_DAYS = 30
APPROVAL_SALT = "companies.approval"


def approval_token(sponsorship: Sponsorship, manager: User) -> str:
    """A link's secret that lets `manager`, and her alone, answer this one request."""
    return signing.dumps({"s": sponsorship.pk, "m": manager.pk}, salt=APPROVAL_SALT)


def read_approval_token(token: str) -> tuple[int, int]:
    """(sponsorship id, manager id); `signing.SignatureExpired` past its days,
    `signing.BadSignature` for anything forged."""
    data = signing.loads(token, salt=APPROVAL_SALT, max_age=APPROVAL_LINK_DAYS * 24 * 3600)
    return int(data["s"]), int(data["m"])


def managers_of(company: Company) -> list[User]:
    return list(
        User.objects.filter(
            memberships__organization_id=company.organization_id, is_active=True
        ).order_by("pk")
    )


def _format_words(sponsorship: Sponsorship) -> str:
    if sponsorship.is_recurring:
        return _("talent solidaire, %(schedule)s") % {"schedule": sponsorship.schedule}
    return str(Sponsorship.Format.ONE_OFF.label)


def _ask_managers(
    sponsorship: Sponsorship, *, employee: Employee, application: Application
) -> None:
    company = sponsorship.programme.company
    mission = application.mission
    for manager in managers_of(company):
        if manager.pk == employee.user_id:
            continue  # her own time is approved by another manager
        path = reverse("companies:approve_by_link", args=[approval_token(sponsorship, manager)])
        with translation.override(manager.language):
            context = {
                "employee": employee.user.full_name,
                "mission": mission.title,
                "association": mission.organization.name,
                "programme": sponsorship.programme.name,
                "hours": sponsorship.hours,
                "format": _format_words(sponsorship),
                "link": settings.SITE_URL + path,
                "days": APPROVAL_LINK_DAYS,
                "requests": settings.SITE_URL
                + reverse("companies:requests", args=[company.organization.slug]),
            }
        send_email(
            "sponsorship_request",
            to=manager.email,
            language=manager.language,
            context=context,
            key=f"sponsorship-{sponsorship.pk}-{manager.pk}",
        )


@transaction.atomic
def sponsorship_request(
    *,
    application: Application,
    employee: Employee,
    programme: Programme,
    format: str,
    hours: int | None,
    schedule: str = "",
    by: User,
) -> Sponsorship:
    """She asks for working time as she applies (`lifecycle.request_refusal`); each manager
    receives an e-mail with a link to answer in one click."""
    if by.pk != employee.user_id or application.volunteer_id != by.pk:
        raise PermissionDenied("one asks for one's own time")
    # Her row first: two requests of hers are checked against the budget one after the other.
    employee = (
        Employee.objects.select_for_update()
        .select_related("company__organization")
        .get(pk=employee.pk)
    )
    programme = (
        Programme.objects.select_related("company__organization")
        .prefetch_related("causes", "departements")
        .get(pk=programme.pk, company=employee.company)
    )
    year = timezone.localdate().year
    cause_ids = set(application.mission.organization.causes.values_list("pk", flat=True))
    refusal = request_refusal(
        programme,
        employee,
        application.mission,
        format=format,
        hours=hours,
        used=hours_used(employee, programme, year),
        cause_ids=cause_ids,
    )
    if refusal or hours is None:
        raise ActionRefused(refusal)
    sponsorship = Sponsorship.objects.create(
        application=application,
        programme=programme,
        employee=employee,
        format=format,
        hours=hours,
        year=year,
        schedule=schedule.strip(),
    )
    audit.log(
        actor=by,
        verb="sponsorship.requested",
        target=application,
        data={"programme": programme.pk, "hours": hours, "format": format},
    )
    _ask_managers(sponsorship, employee=employee, application=application)
    return sponsorship


def _lock(sponsorship: Sponsorship) -> Sponsorship:
    # The employee's row first (her budget), then the request: always in this order.
    Employee.objects.select_for_update().get(pk=sponsorship.employee_id)
    return (
        Sponsorship.objects.select_for_update(of=("self",))
        .select_related(
            "employee__user", "programme__company__organization", "application__mission"
        )
        .get(pk=sponsorship.pk)
    )


def _copy(source: Sponsorship, target: Sponsorship) -> None:
    for name in ("status", "decided_by_id", "decided_at", "note"):
        setattr(target, name, getattr(source, name))


@transaction.atomic
def sponsorship_answer(
    *, sponsorship: Sponsorship, action: str, by: User, note: str = ""
) -> Sponsorship:
    """A manager approves the time (within the employee's budget: `lifecycle.SPONSORSHIP`)
    or refuses it; she is told. Once approved, the association reads the application as
    « soutenue par » the company."""
    if action not in ("approve", "refuse"):
        raise ValueError(action)
    locked = _lock(sponsorship)
    company = locked.programme.company
    transition = SPONSORSHIP.check(locked, action, by, is_manager=is_manager(by, company))
    locked.status = transition.target
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.note = note.strip()
    locked.save(update_fields=["status", "decided_by", "decided_at", "note"])
    if action == "approve" and locked.is_recurring:
        # Its own agreement, which the association confirms once it has accepted her.
        RecurringEngagement.objects.get_or_create(
            sponsorship=locked,
            defaults={
                "schedule": locked.schedule,
                "months": locked.programme.recurring_months,
                "hours_per_month": locked.programme.recurring_hours_per_month,
            },
        )
    verb = "sponsorship.approved" if action == "approve" else "sponsorship.refused"
    data = {"programme": locked.programme_id, "hours": locked.hours}
    audit.log(actor=by, verb=verb, target=locked.application, data=data)
    notify(
        users=[locked.employee.user],
        kind=f"sponsorship_{'approved' if action == 'approve' else 'refused'}",
        context={
            "company": company.organization.name,
            "mission": locked.application.mission.title,
            "hours": locked.hours,
            "note": locked.note,
        },
        url=reverse("engagements:detail", args=[locked.application_id]),
    )
    _copy(locked, sponsorship)
    return sponsorship


@transaction.atomic
def sponsorship_cancel(*, sponsorship: Sponsorship, by: User | None) -> Sponsorship:
    """She withdraws her request (`by` her), or the application ended without the work
    (`by` None: declined, withdrawn, expired): the hours go back to her budget."""
    locked = _lock(sponsorship)
    transition = SPONSORSHIP.check(locked, "cancel", by)
    locked.status = transition.target
    locked.save(update_fields=["status"])
    data = {"programme": locked.programme_id, "hours": locked.hours}
    audit.log(actor=by, verb="sponsorship.cancelled", target=locked.application, data=data)
    _copy(locked, sponsorship)
    return sponsorship


def sponsorships_follow_application(*, volunteer_id: int, mission_id: int) -> int:
    """The time asked for an application that ended without the work is given back."""
    ended = Sponsorship.objects.filter(
        application__volunteer_id=volunteer_id,
        application__mission_id=mission_id,
        status__in=[Sponsorship.Status.REQUESTED, Sponsorship.Status.APPROVED],
    ).exclude(
        application__status__in=[
            Application.Status.PENDING,
            Application.Status.INVITED,
            Application.Status.ACCEPTED,
        ]
    )
    count = 0
    for sponsorship in ended:
        sponsorship_cancel(sponsorship=sponsorship, by=None)
        count += 1
    return count


# --- a talent solidaire: its agreement and its monthly check-ins -----------------------------
MAX_HOURS_A_MONTH = 200
# How far from today the first month of a talent solidaire may be: one already under way
# when it is recorded, or one planned for later in the year.
START_WINDOW_MONTHS = 12


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _lock_engagement(engagement: RecurringEngagement) -> RecurringEngagement:
    return (
        RecurringEngagement.objects.select_for_update(of=("self",))
        .select_related(
            "sponsorship__employee__user",
            "sponsorship__programme__company__organization",
            "sponsorship__application__mission__organization",
        )
        .get(pk=engagement.pk)
    )


def _copy_engagement(source: RecurringEngagement, target: RecurringEngagement) -> None:
    for name in (
        "status",
        "schedule",
        "start_month",
        "tutor_id",
        "confirmed_by_id",
        "confirmed_at",
        "ended_at",
    ):
        setattr(target, name, getattr(source, name))


@transaction.atomic
def recurring_confirm(
    *,
    engagement: RecurringEngagement,
    by: User,
    tutor: User,
    start_month: date,
    schedule: str,
    today: date | None = None,
) -> RecurringEngagement:
    """The association confirms the talent solidaire's agreement: when she comes, from which
    month, and who looks after her there (one of its members)."""
    locked = _lock_engagement(engagement)
    mission = locked.sponsorship.application.mission
    RECURRING.check(locked, "confirm", by, is_member=acts_for_mission(by, mission))
    today = today or timezone.localdate()
    start_month = first_of_month(start_month)
    if abs(_months_between(first_of_month(today), start_month)) > START_WINDOW_MONTHS:
        raise ActionRefused(_("Choisissez un premier mois dans l’année qui vient ou qui s’achève."))
    if not Membership.objects.filter(user=tutor, organization_id=mission.organization_id).exists():
        raise ActionRefused(_("Le tuteur ou la tutrice doit faire partie de l’association."))
    locked.status = RecurringEngagement.Status.ACTIVE
    locked.tutor = tutor
    locked.start_month = start_month
    locked.schedule = schedule.strip() or locked.schedule
    locked.confirmed_by = by
    locked.confirmed_at = timezone.now()
    locked.save(
        update_fields=["status", "tutor", "start_month", "schedule", "confirmed_by", "confirmed_at"]
    )
    audit.log(
        actor=by,
        verb="recurring.confirmed",
        target=locked.sponsorship.application,
        data={"months": locked.months, "hours": locked.hours_per_month},
    )
    _copy_engagement(locked, engagement)
    return engagement


@transaction.atomic
def recurring_end(*, engagement: RecurringEngagement, by: User) -> RecurringEngagement:
    locked = _lock_engagement(engagement)
    sponsorship = locked.sponsorship
    RECURRING.check(
        locked,
        "end",
        by,
        is_member=acts_for_mission(by, sponsorship.application.mission),
        is_manager=is_manager(by, sponsorship.programme.company),
    )
    locked.status = RecurringEngagement.Status.ENDED
    locked.ended_at = timezone.now()
    locked.save(update_fields=["status", "ended_at"])
    audit.log(actor=by, verb="recurring.ended", target=sponsorship.application)
    _copy_engagement(locked, engagement)
    return engagement


@transaction.atomic
def check_in_confirm(
    *,
    engagement: RecurringEngagement,
    month: date,
    hours: int,
    by: User,
    note: str = "",
    today: date | None = None,
) -> CheckIn:
    """The association confirms the hours of one month (once): they go into the company's
    statement and the association's attestation."""
    locked = _lock_engagement(engagement)
    month = first_of_month(month)
    existing = CheckIn.objects.filter(engagement=locked, month=month).first()
    check_in = existing or CheckIn(engagement=locked, month=month)
    CHECK_IN.check(
        check_in,
        "confirm",
        by,
        is_member=acts_for_mission(by, locked.sponsorship.application.mission),
        today=today or timezone.localdate(),
    )
    if not 0 < hours <= MAX_HOURS_A_MONTH:
        raise ActionRefused(_("Indiquez un nombre d’heures entre 1 et 200."))
    check_in.hours = hours
    check_in.note = note.strip()
    check_in.confirmed_by = by
    check_in.confirmed_at = timezone.now()
    check_in.save()
    audit.log(
        actor=by,
        verb="check_in.confirmed",
        target=locked.sponsorship.application,
        data={"month": f"{month:%Y-%m}", "hours": hours},
    )
    notify(
        users=[locked.sponsorship.employee.user],
        kind="check_in_confirmed",
        context={
            "association": locked.sponsorship.application.mission.organization.name,
            "month": f"{month:%m/%Y}",
            "hours": hours,
        },
        url=reverse("companies:recurring", args=[locked.pk]),
    )
    return check_in


def remind_check_ins(today: date | None = None) -> int:
    """Once a month has ended, the tutor of each talent solidaire whose hours of that month
    are not confirmed gets an e-mail (once: the e-mail's key is the engagement and the
    month, so running twice sends nothing more). The number of e-mails queued."""
    today = today or timezone.localdate()
    last_month = first_of_month(first_of_month(today) - timedelta(days=1))
    engagements = [
        engagement
        for engagement in RecurringEngagement.objects.filter(
            status=RecurringEngagement.Status.ACTIVE, tutor__isnull=False
        ).select_related(
            "tutor", "sponsorship__employee__user", "sponsorship__application__mission"
        )
        if last_month in engagement.month_list
    ]
    done = set(
        CheckIn.objects.filter(engagement__in=engagements, month=last_month).values_list(
            "engagement_id", flat=True
        )
    )
    sent = 0
    for engagement in engagements:
        tutor = engagement.tutor
        if engagement.pk in done or tutor is None:
            continue
        with translation.override(tutor.language):
            month = date_format(last_month, "F Y")
        send_email(
            "check_in_reminder",
            to=tutor.email,
            language=tutor.language,
            context={
                "employee": engagement.sponsorship.employee.user.full_name,
                "mission": engagement.sponsorship.application.mission.title,
                "month": month,
                "link": settings.SITE_URL + reverse("companies:recurring", args=[engagement.pk]),
            },
            key=f"check-in-{engagement.pk}-{last_month:%Y-%m}",
        )
        sent += 1
    return sent
