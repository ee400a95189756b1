"""Demo skills-based volunteering: the Imprimerie Martin, whose manager Sandrine runs a
programme; five employees joined (three by the company's e-mail domain, two by its link);
Camille gives one day a week to Martine's association as a talent solidaire, her first two
months confirmed; Hugo's time for a one-off mission waits for Sandrine's answer."""

import datetime
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from core.demo import DEMO_DOMAIN, DEMO_PASSWORD, DemoContext
from core.errors import ActionRefused
from engagements.services import application_accept, application_create
from missions.lifecycle import ACCEPTING_APPLICATIONS
from missions.models import Mission
from organizations.models import Organization
from organizations.services import organization_create
from volunteers.models import VolunteerProfile

from . import services
from .models import Employee, Sponsorship

DOMAIN = f"imprimerie-martin.{DEMO_DOMAIN}"
# (first name, full name, joined by, hourly cost the company entered)
EMPLOYEES = [
    ("camille", "Camille Dubois", Employee.Via.DOMAIN, Decimal("38.50")),
    ("hugo", "Hugo Lambert", Employee.Via.DOMAIN, Decimal("45.00")),
    ("ines", "Inès Carpentier", Employee.Via.DOMAIN, Decimal("41.20")),
    ("mathis", "Mathis Roche", Employee.Via.LINK, None),
    ("nadege", "Nadège Fabre", Employee.Via.LINK, Decimal("52.00")),
]


def _first_of_month(months_back: int) -> datetime.date:
    first = timezone.localdate().replace(day=1)
    for _ in range(months_back):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return first


def _open_missions(organization: Organization) -> list[Mission]:
    return list(
        Mission.objects.filter(
            organization=organization, status__in=ACCEPTING_APPLICATIONS
        ).order_by("pk")
    )


def _apply(missions: list[Mission], user: User, message: str):
    """Her application to the first of `missions` that takes it (and takes it off the list)."""
    while missions:
        mission = missions.pop(0)
        try:
            return application_create(mission=mission, volunteer=user, message=message)
        except ActionRefused:
            continue
    return None


def build(ctx: DemoContext) -> None:
    users = ctx.objects.get("users", {})
    organizations = ctx.objects.get("organizations", {})
    belleville = organizations.get("belleville")
    martine = users.get("martine")
    if belleville is None or martine is None:
        return
    now = timezone.now()
    password = make_password(DEMO_PASSWORD)

    def person(key: str, name: str) -> User:
        return User.objects.create(
            email=f"{key}@{DOMAIN}",
            full_name=name,
            intent=User.Intent.VOLUNTEER,
            email_verified_at=now,
            password=password,
        )

    sandrine = person("sandrine", "Sandrine Roux")
    sandrine.intent = User.Intent.OTHER
    sandrine.save(update_fields=["intent"])
    organization = organization_create(
        by=sandrine,
        kind=Organization.Kind.COMPANY,
        name="Imprimerie Martin",
        commune_id="69123",
        description=(
            "Une imprimerie lyonnaise de 40 personnes : graphistes, maquettistes, "
            "imprimeurs. Elle donne chaque année du temps de travail aux associations."
        ),
        siren="732829320",
    )
    organization.verification = Organization.Verification.VERIFIED
    organization.verified_at = now - datetime.timedelta(days=120)
    organization.verified_by = users.get("nadia")
    organization.save(update_fields=["verification", "verified_at", "verified_by"])
    company = services.company_of(organization)
    services.domain_declare(company=company, domain=DOMAIN, by=sandrine)
    programme = services.programme_create(
        company=company,
        by=sandrine,
        name=f"Mécénat de compétences {timezone.localdate().year}",
        description=(
            "Chaque salarié·e peut donner jusqu’à un jour par semaine pendant six mois à une "
            "association : une mission ponctuelle, ou un talent solidaire."
        ),
        hours_per_employee=168,
        one_off=True,
        recurring=True,
        recurring_hours_per_month=28,
        recurring_months=6,
    )
    ctx.add_login("Responsable du mécénat (entreprise)", sandrine.email)

    employees = {}
    for key, name, via, cost in EMPLOYEES:
        user = person(key, name)
        employee = services.employee_join(company=company, user=user, via=via)
        if cost is not None:
            services.employee_set_cost(employee=employee, by=sandrine, hourly_cost=cost)
        VolunteerProfile.objects.create(
            user=user,
            kind=VolunteerProfile.Kind.EMPLOYEE,
            hours_per_week=7,
            commune_id="69123",
            departement_code="69",
            region_code="84",
            bio=f"{name.split()[0]} travaille à l’Imprimerie Martin.",
        )
        employees[key] = employee
    Employee.objects.filter(pk=employees["camille"].pk).update(show_employer=True)
    ctx.add_login("Salariée en talent solidaire", employees["camille"].user.email)

    ctx.objects["company"] = company
    missions = _open_missions(belleville)
    # Camille's talent solidaire at Martine's association: approved, accepted, confirmed,
    # two months checked in.
    camille = employees["camille"]
    application = _apply(
        missions,
        camille.user,
        "Bonjour, je suis graphiste à l’Imprimerie Martin : je peux venir le mardi, "
        "pendant six mois, pour votre communication.",
    )
    if application is None:
        return
    sponsorship = services.sponsorship_request(
        application=application,
        employee=camille,
        programme=programme,
        format=Sponsorship.Format.RECURRING,
        hours=programme.recurring_hours,
        schedule="le mardi, de 9 h à 17 h",
        by=camille.user,
    )
    services.sponsorship_answer(sponsorship=sponsorship, action="approve", by=sandrine)
    try:
        application_accept(application=application, by=martine)
    except ActionRefused:
        return
    engagement = sponsorship.recurring
    services.recurring_confirm(
        engagement=engagement,
        by=martine,
        tutor=martine,
        start_month=_first_of_month(2),
        schedule="le mardi, de 9 h à 17 h",
    )
    for months_back, hours, note in (
        (2, 28, "Les premières affiches du jardin sont prêtes."),
        (1, 21, "Un mardi férié ; la lettre d’information est partie."),
    ):
        services.check_in_confirm(
            engagement=engagement,
            month=_first_of_month(months_back),
            hours=hours,
            by=martine,
            note=note,
        )
    # Hugo's one-off mission waits for Sandrine's answer.
    hugo = employees["hugo"]
    other = _apply(missions, hugo.user, "Bonjour, je peux vous aider sur mon temps de travail.")
    if other is not None:
        services.sponsorship_request(
            application=other,
            employee=hugo,
            programme=programme,
            format=Sponsorship.Format.ONE_OFF,
            hours=min(other.mission.effort_hours or 15, 40),
            by=hugo.user,
        )
    ctx.objects["company"] = company
