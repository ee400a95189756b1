"""The companies' scene, shared by the permission walk and the accessibility sweep.

The Imprimerie Martin (verified, domain imprimerie-martin.fr) runs a programme; Sandrine
manages it, Gilles manages another company. Julie, an employee, gives Tuesdays to the
association of the walk (Martine's, where Yacine is a member) as a talent solidaire: her
time approved, the agreement confirmed, this month's hours too. Thomas, another employee,
asked for time for an open mission of the same association: his request waits for Sandrine.
"""

from decimal import Decimal

from django.utils import timezone

from accounts.tests.factories import UserFactory
from companies import services
from companies.models import RecurringEngagement
from missions.tests.factories import MissionFactory
from organizations.models import Organization
from organizations.tests.factories import MembershipFactory
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import (
    CompanyFactory,
    EmailDomainFactory,
    EmployeeFactory,
    ProgrammeFactory,
    SponsorshipFactory,
)


def build(*, association: Organization, martine, yacine) -> dict:
    company = CompanyFactory(organization__name="Imprimerie Martin")
    EmailDomainFactory(company=company, domain="imprimerie-martin.fr")
    sandrine = UserFactory(full_name="Sandrine Roux", email="sandrine@imprimerie-martin.fr")
    MembershipFactory(organization=company.organization, user=sandrine, role="admin")
    gilles = UserFactory(full_name="Gilles Perrin", email="gilles@transports-perrin.fr")
    other = CompanyFactory(organization__name="Transports Perrin", organization__siren="552100554")
    MembershipFactory(organization=other.organization, user=gilles, role="admin")
    programme = ProgrammeFactory(
        company=company,
        name="Mécénat 2026",
        hours_per_employee=120,
        recurring_hours_per_month=16,
        recurring_months=6,
    )

    julie = UserFactory(full_name="Julie Garnier", email="julie@imprimerie-martin.fr")
    julie_employment = EmployeeFactory(
        company=company, user=julie, via="domain", hourly_cost=Decimal("40")
    )
    VolunteerProfileFactory(user=julie, kind="employee", school_name="", programme="")
    talent_mission = MissionFactory(
        organization=association, title="Communication des jardins, le mardi", team_size=1
    )
    sponsorship = SponsorshipFactory(
        programme=programme,
        employee=julie_employment,
        application__mission=talent_mission,
        format="recurring",
        hours=96,
        schedule="le mardi, de 9 h à 13 h",
    )
    recurring = RecurringEngagement.objects.create(
        sponsorship=sponsorship, schedule=sponsorship.schedule, months=6, hours_per_month=16
    )
    this_month = timezone.localdate().replace(day=1)
    services.recurring_confirm(
        engagement=recurring, by=martine, tutor=yacine, start_month=this_month, schedule=""
    )
    services.check_in_confirm(engagement=recurring, month=this_month, hours=14, by=yacine)

    thomas = UserFactory(full_name="Thomas Blanc", email="thomas.blanc@example.net")
    thomas_employment = EmployeeFactory(company=company, user=thomas)
    VolunteerProfileFactory(user=thomas, kind="employee", school_name="", programme="")
    poster = MissionFactory(organization=association, title="Une affiche pour le troc")
    request = SponsorshipFactory(
        programme=programme,
        employee=thomas_employment,
        application__mission=poster,
        application__status="pending",
        status="requested",
        hours=15,
    )
    return {
        "users": {"sandrine": sandrine, "gilles": gilles, "julie": julie, "thomas": thomas},
        "company": company.organization.slug,
        "company_pk": company.pk,
        "invite_token": company.invite_token,
        "programme": programme.pk,
        "recurring": recurring.pk,
        "talent_mission": talent_mission.pk,
        "julie_application": sponsorship.application_id,
        "julie_employment": julie_employment.pk,
        "thomas_request": request.pk,
        "approval_token": services.approval_token(request, sandrine),
        "year": timezone.localdate().year,
    }
