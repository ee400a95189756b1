"""Demo cohorts: the design school of Nantes with two teachers and two cohorts of students,
Léa among them; a mission Sophie chose for Léa's cohort, and her call for needs, which
Martine's association (in Paris) sees on its dashboard."""

import datetime

from django.contrib.auth.hashers import make_password
from django.db.models import Case, When
from django.utils import timezone

from accounts.models import User
from core.demo import DEMO_DOMAIN, DEMO_PASSWORD, DemoContext
from geo.models import Departement
from missions.models import Mission, Status
from organizations.models import Membership, Organization
from organizations.validators import uai_letter
from taxonomy.models import Skill
from volunteers.models import VolunteerProfile

from . import services
from .models import Cohort, Level

STUDENTS_PER_COHORT = 6


def _school_year() -> int:
    today = timezone.localdate()
    return today.year if today.month >= 8 else today.year - 1


def build(ctx: DemoContext) -> None:
    users = ctx.objects["users"]
    school: Organization = ctx.objects["organizations"]["design_nantes"]
    # Its number in the national register of schools (the check letter computed).
    Organization.objects.filter(pk=school.pk).update(uai=f"0442913{uai_letter('0442913')}")
    sophie = users["sophie"]
    thomas = User.objects.create(
        email=f"thomas@{DEMO_DOMAIN}",
        password=make_password(DEMO_PASSWORD),
        full_name="Thomas Girard",
        intent=User.Intent.OTHER,
        email_verified_at=timezone.now(),
    )
    Membership.objects.create(organization=school, user=thomas, role=Membership.Role.MEMBER)
    ctx.add_login("Enseignant (école)", thomas.email)
    users["thomas"] = thomas

    year = _school_year()
    design = services.cohort_create(
        school=school,
        by=sophie,
        teachers=[sophie, thomas],
        name="Master 1 Design graphique",
        programme="Design graphique",
        level=Level.BAC_4,
        year=year,
    )
    mmi = services.cohort_create(
        school=school,
        by=thomas,
        teachers=[thomas],
        name="BUT MMI 2e année",
        programme="Métiers du multimédia et de l’internet",
        level=Level.BAC_2,
        year=year,
    )
    students = [
        profile.user
        for profile in VolunteerProfile.objects.filter(
            kind=VolunteerProfile.Kind.STUDENT, school__isnull=True
        )
        .exclude(user=users["lea"])
        .select_related("user")
        .order_by("pk")[: 2 * STUDENTS_PER_COHORT - 1]
    ]
    services.cohort_join(cohort=design, student=users["lea"])
    for index, student in enumerate(students):
        cohort = design if index < STUDENTS_PER_COHORT - 1 else mmi
        services.cohort_join(cohort=cohort, student=student)
    ctx.objects["cohorts"] = {"design": design, "mmi": mmi}
    _curation(ctx, design, sophie)


def _curation(ctx: DemoContext, cohort: Cohort, teacher: User) -> None:
    # An open mission for graphic designers, Martine's association's if it has one: Sophie
    # chooses it for her cohort.
    ids = [m.pk for m in ctx.objects.get("missions", [])]
    belleville = ctx.objects["organizations"].get("belleville")
    mission = (
        Mission.objects.filter(
            pk__in=ids,
            status=Status.OPEN,
            required_skills__skill__domain__slug="graphic-design",
        )
        .order_by(Case(When(organization=belleville, then=0), default=1), "pk")
        .first()
    )
    if mission is not None:
        services.mission_pin(cohort=cohort, mission=mission, by=teacher)
    # Her students can work at a distance: she asks the associations of Paris.
    today = timezone.localdate()
    skills = list(Skill.objects.filter(slug__in=["logo", "print-layout", "illustration"]))
    services.call_publish(
        cohort=cohort,
        by=teacher,
        theme="Identité visuelle et communication imprimée",
        description=(
            "Par groupes de trois, nos étudiant·es de master 1 refont le logo, les affiches "
            "ou les flyers d’une association, encadré·es par leur enseignante. Rendu en "
            "fin de semestre."
        ),
        skills=skills,
        starts_on=today + datetime.timedelta(days=14),
        ends_on=today + datetime.timedelta(days=90),
        departement=Departement.objects.get(pk="75"),
    )
