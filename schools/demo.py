"""Demo cohorts: the design school of Nantes with two teachers and two cohorts of students,
Léa among them; a mission Sophie chose for Léa's cohort, and her call for needs, which
Martine's association (in Paris) sees on its dashboard. Two class projects: Sophie's team
at work on an association's mission, and Thomas's, whose mission is completed (completion's
demo then hands the work over and writes the reviews, credentials' signs the attestations)."""

import datetime

from django.contrib.auth.hashers import make_password
from django.db.models import Case, When
from django.utils import timezone

from accounts.models import User
from core.demo import DEMO_DOMAIN, DEMO_PASSWORD, DemoContext
from engagements.models import Application
from engagements.services import agreement_confirm
from geo.models import Departement
from missions.models import Mission, MissionEvent, Status
from missions.services import mission_start
from organizations.models import Membership, Organization
from organizations.validators import uai_letter
from taxonomy.models import Skill
from volunteers.models import VolunteerProfile

from . import services
from .models import ClassProject, Cohort, CohortMembership, Level, PinnedMission

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
    _class_projects(ctx, design, sophie, mmi, thomas)


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


# Roles the teachers give, in the words of a design school.
ROLES = ["direction artistique", "typographie", "mise en page", "illustration", "photographie"]
TEAM = 3


def _team_for(cohort: Cohort, mission: Mission) -> list[User]:
    """Students of `cohort` with nothing to do with `mission` yet."""
    busy = Application.objects.filter(mission=mission).values("volunteer_id")
    return list(
        User.objects.filter(
            cohort_memberships__cohort=cohort,
            cohort_memberships__status=CohortMembership.Status.JOINED,
        )
        .exclude(pk__in=busy)
        .order_by("pk")[:TEAM]
    )


def _team_project(ctx, cohort: Cohort, teacher: User, mission: Mission):
    students = _team_for(cohort, mission)
    admin = (
        Membership.objects.filter(organization=mission.organization)
        .order_by("role", "pk")
        .select_related("user")
        .first()
    )
    if len(students) < 2 or admin is None:
        return None
    taken = Application.objects.filter(mission=mission, status=Application.Status.ACCEPTED)
    Mission.objects.filter(pk=mission.pk).update(team_size=taken.count() + len(students))
    mission.refresh_from_db()
    project = services.class_project_propose(
        cohort=cohort,
        mission=mission,
        by=teacher,
        name=f"Atelier {cohort.name} : {mission.title}"[:120],
        roles={student: ROLES[i % len(ROLES)] for i, student in enumerate(students)},
        lead=students[0],
        message=(
            "Mes étudiant·es travailleront en atelier le jeudi après-midi ; je relis chaque "
            "étape avec eux avant de vous la montrer."
        ),
    )
    services.class_project_accept(project=project, by=admin.user)
    project.refresh_from_db()
    agreement = project.agreement
    for person in (admin.user, students[0], teacher):
        agreement_confirm(agreement=agreement, by=person)
    return project, admin.user


def _class_projects(ctx: DemoContext, design: Cohort, sophie: User, mmi: Cohort, thomas: User):
    ids = [m.pk for m in ctx.objects.get("missions", [])]
    graphic = list(
        Mission.objects.filter(
            pk__in=ids,
            status=Status.OPEN,
            required_skills__skill__domain__slug="graphic-design",
        )
        # The mission Sophie chose stays open for her students to see first.
        .exclude(pk__in=PinnedMission.objects.values("mission_id"))
        .select_related("organization")
        .distinct()
        .order_by("pk")
    )
    if len(graphic) < 2:
        return
    projects = {}
    # In progress: Sophie's team is at work on an association's mission.
    at_work = _team_project(ctx, design, sophie, graphic[0])
    if at_work is not None:
        project, admin = at_work
        mission_start(mission=project.mission, by=admin)
        projects["in_progress"] = project
    # Completed six weeks ago: Thomas's team; completion's demo adds the work and reviews.
    done = _team_project(ctx, mmi, thomas, graphic[-1])
    if done is not None:
        project, admin = done
        finished = timezone.now() - datetime.timedelta(days=42)
        mission = project.mission
        steps = [(Status.OPEN, Status.IN_PROGRESS, 70), (Status.IN_PROGRESS, Status.DELIVERED, 45)]
        steps.append((Status.DELIVERED, Status.COMPLETED, 42))
        for source, target, days in steps:
            event = MissionEvent.objects.create(
                mission=mission, from_status=source, to_status=target, by=admin
            )
            at = timezone.now() - datetime.timedelta(days=days)
            MissionEvent.objects.filter(pk=event.pk).update(at=at)
        Mission.objects.filter(pk=mission.pk).update(status=Status.COMPLETED)
        services.class_projects_follow_mission(mission_id=mission.pk)
        ClassProject.objects.filter(pk=project.pk).update(completed_at=finished)
        projects["completed"] = project
    ctx.objects["class_projects"] = projects
