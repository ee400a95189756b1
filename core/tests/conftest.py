"""The scene of the cross-app tests: one mission of Martine's association with Léa
accepted on it, its conversations, a notification, a report, an invitation."""

from datetime import timedelta

import pytest
from django.utils import timezone

import audit
from engagements.models import Application
from engagements.tests.factories import AgreementFactory, ApplicationFactory
from geo.models import Departement
from messaging import services as messaging
from messaging.tests.factories import AttachmentFactory, MessageFactory
from missions.models import Status
from missions.tests.factories import MissionFactory
from moderation.tests.factories import ReportFactory
from notifications.tests.factories import NotificationFactory
from organizations.models import Organization
from organizations.tests.factories import InvitationFactory
from volunteers.tests.factories import VolunteerProfileFactory


@pytest.fixture
def world(association, martine, yacine, bruno, lea, staff):
    from accounts.tests.factories import UserFactory

    karim = UserFactory(full_name="Karim Benali", email="karim@example.org", intent="volunteer")
    VolunteerProfileFactory(user=karim)
    VolunteerProfileFactory(user=lea, is_public=False)
    mission = MissionFactory(
        organization=association, created_by=martine, status=Status.OPEN, team_size=2
    )
    draft = MissionFactory(organization=association, created_by=martine, status=Status.DRAFT)
    application = ApplicationFactory(
        mission=mission, volunteer=lea, status=Application.Status.ACCEPTED
    )
    AgreementFactory(application=application)
    thread = messaging.thread_for_application(application)
    attachment = AttachmentFactory(message=MessageFactory(thread=thread, author=lea))
    team = messaging.team_thread(mission)
    notification = NotificationFactory(user=lea)
    report = ReportFactory(reporter=lea, mission=mission)
    invitation = InvitationFactory(organization=association, invited_by=martine)
    audit.log(actor=staff, verb="mission.draft", target=draft, data={"from": "submitted"})
    return {
        "users": {
            "anonymous": None,
            "lea": lea,
            "karim": karim,
            "bruno": bruno,
            "yacine": yacine,
            "staff": staff,
            "martine": martine,  # the association's admin
        },
        "org": association.slug,
        "other_org": bruno.memberships.get().organization.slug,
        "martine": martine.memberships.get().pk,
        "mission": mission.pk,
        "draft": draft.pk,
        "application": application.pk,
        "thread": thread.pk,
        "team": team.pk,
        "attachment": attachment.pk,
        "notification": notification.pk,
        "report": report.pk,
        "invitation": invitation.token,
        "invitation_pk": invitation.pk,
        "lea": lea.pk,
        "karim": karim.pk,
        "staff_user": staff.pk,
        "bruno_user": bruno.pk,
    }


@pytest.fixture
def school_world(world):
    """The scene, with a school: Sophie teaches its cohort, which Inès joined; Paul teaches
    at another school. The others of the walk have nothing to do with either."""
    from accounts.tests.factories import UserFactory
    from organizations.tests.factories import MembershipFactory
    from schools import services as schools
    from schools.tests.factories import CohortFactory, SchoolFactory

    school = SchoolFactory(name="École de design de Nantes", verified=True)
    sophie = UserFactory(full_name="Sophie Bernard", email="sophie@example.org")
    MembershipFactory(organization=school, user=sophie, role="admin")
    other_school = SchoolFactory(name="Lycée Jules-Verne", uai="0440012Z", verified=True)
    paul = UserFactory(full_name="Paul Garnier", email="paul@example.org")
    MembershipFactory(organization=other_school, user=paul, role="admin")
    cohort = CohortFactory(school=school, name="Master 1 Design graphique", teachers=[sophie])
    other_cohort = CohortFactory(school=other_school, name="Terminale STD2A", teachers=[paul])
    ines = UserFactory(full_name="Inès Moreau", email="ines@example.org", intent="volunteer")
    VolunteerProfileFactory(user=ines)
    place = schools.cohort_join(cohort=cohort, student=ines)
    # Sophie's call for needs asks the associations of Paris (Martine's and Yacine's); Bruno's
    # club is in the Rhône.
    Organization.objects.filter(memberships__user=world["users"]["bruno"]).update(
        departement_code="69"
    )
    today = timezone.localdate()
    call = schools.call_publish(
        cohort=cohort,
        by=sophie,
        theme="Identité visuelle",
        starts_on=today,
        ends_on=today + timedelta(days=30),
        departement=Departement.objects.get(pk="75"),
    )
    return {
        **world,
        "users": {**world["users"], "sophie": sophie, "paul": paul, "ines": ines},
        "school": school.slug,
        "cohort": cohort.pk,
        "other_cohort": other_cohort.pk,
        "code": cohort.code,
        "ines_place": place.pk,
        "call": call.pk,
    }


@pytest.fixture
def challenge_world(school_world):
    """The scene, with an innovation night of Sophie's school open for registration: the
    challenge of Martine's and Yacine's association is accepted, another one awaits an
    answer; Inès leads a team. Sophie also has a draft event nobody else sees."""
    from challenges import services as challenges
    from challenges.tests.factories import ChallengeFactory, EventFactory

    school = Organization.objects.get(slug=school_world["school"])
    sophie, ines = school_world["users"]["sophie"], school_world["users"]["ines"]
    association = Organization.objects.get(slug=school_world["org"])
    event = EventFactory(organiser=school, created_by=sophie, title="Nuit de l’innovation")
    draft = EventFactory(organiser=school, created_by=sophie, status="draft", title="Brouillon")
    accepted = ChallengeFactory(event=event, association=association, title="Faire connaître")
    submitted = ChallengeFactory(
        event=event, association=association, status="submitted", title="Compter les bénévoles"
    )
    challenges.register(event=event, student=ines)
    team = challenges.team_create(event=event, by=ines, name="Les Colibris")
    return {
        **school_world,
        "event": event.pk,
        "draft_event": draft.pk,
        "accepted": accepted.pk,
        "submitted": submitted.pk,
        "student_team": team.pk,
        "team_code": team.code,
        **_submissions_scene(school, sophie, association, ines, school_world["users"]["lea"]),
        **_jury_scene(school, sophie, association, school_world["users"]),
    }


def _submissions_scene(school, sophie, association, ines, lea) -> dict:
    """Two more nights of Sophie's school: one running, where Inès's team has handed in its
    answer (the deadline is tomorrow); one whose results are out, where Inès's team and Léa's
    both answered the association's challenge."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from challenges import services as challenges
    from challenges.models import Event, Registration, SubmissionFile, Team
    from challenges.tests.factories import ChallengeFactory, EventFactory

    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    scene = {}
    for key, title in (("running", "Nuit en cours"), ("finished", "Nuit terminée")):
        event = EventFactory(
            organiser=school,
            created_by=sophie,
            title=title,
            status=Event.Status.RUNNING,
            submission_deadline=timezone.now() + timedelta(days=1),
        )
        challenge = ChallengeFactory(event=event, association=association)
        members = [("Les Colibris", ines, "RUN1" if key == "running" else "FIN1")]
        if key == "finished":
            members.append(("Les Hérons", lea, "FIN2"))
        teams = []
        for name, student, code in members:
            team = Team.objects.create(
                event=event, name=name, code=code, leader=student, challenge=challenge
            )
            Registration.objects.create(
                event=event, student=student, team=team, registered_at=timezone.now()
            )
            challenges.submission_save(
                team=team,
                by=student,
                description="Une affiche A3 et trois messages courts.",
                links="https://example.org/maquette",
                files=[SimpleUploadedFile("affiche.pdf", pdf)],
            )
            teams.append(team)
        scene[f"{key}_event"] = event.pk
        scene[f"{key}_team"] = teams[0].pk
        scene[f"{key}_file"] = SubmissionFile.objects.get(submission__team=teams[0]).pk
    Event.objects.filter(pk=scene["finished_event"]).update(
        status=Event.Status.RESULTS, submission_deadline=timezone.now() - timedelta(days=1)
    )
    return scene


def _jury_scene(school, sophie, association, users) -> dict:
    """A night of Sophie's school in judging: Inès's and Léa's teams answered the association's
    challenge. Karim sits on the jury with both answers to score; Bruno sits on it with none;
    Yacine too, kept from both by a conflict (his association's challenge). An invitation
    to a newcomer waits. The finished night's first team is ranked, with a prize."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from challenges import jury
    from challenges import services as challenges
    from challenges.models import Criterion, Event, Juror, Registration, SubmissionFile, Team
    from challenges.tests.factories import ChallengeFactory, EventFactory

    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    event = EventFactory(
        organiser=school,
        created_by=sophie,
        title="Nuit au jury",
        status=Event.Status.RUNNING,
        submission_deadline=timezone.now() + timedelta(days=1),
    )
    challenge = ChallengeFactory(event=event, association=association)
    teams = []
    for name, student, code in (
        ("Les Colibris", users["ines"], "JUR1"),
        ("Les Hérons", users["lea"], "JUR2"),
    ):
        team = Team.objects.create(
            event=event, name=name, code=code, leader=student, challenge=challenge
        )
        Registration.objects.create(
            event=event, student=student, team=team, registered_at=timezone.now()
        )
        challenges.submission_save(
            team=team,
            by=student,
            description="Une affiche A3 et trois messages courts.",
            links="",
            files=[SimpleUploadedFile("affiche.pdf", pdf)],
        )
        teams.append(team)
    Event.objects.filter(pk=event.pk).update(
        status=Event.Status.JUDGING, submission_deadline=timezone.now() - timedelta(hours=1)
    )
    event.refresh_from_db()
    criteria = [
        Criterion.objects.create(event=event, name="Utilité", weight=2, order=0),
        Criterion.objects.create(event=event, name="Clarté", weight=1, order=1),
    ]
    seats = {}
    for role in ("karim", "bruno", "yacine"):
        user = users[role]
        seats[role] = Juror.objects.create(
            event=event, email=user.email, user=user, invited_by=sophie, accepted_at=timezone.now()
        )
    jury.assign(event=event, by=sophie, jurors=[seats["karim"], seats["yacine"]])
    pending = Juror.objects.create(event=event, email="nouveau@example.org", invited_by=sophie)
    finished = Team.objects.get(code="FIN1")
    Team.objects.filter(pk=finished.pk).update(rank=1, prize="Prix du jury")
    return {
        "judging_event": event.pk,
        "judging_team": teams[0].pk,
        "judging_file": SubmissionFile.objects.get(submission__team=teams[0]).pk,
        "karim_assignment": seats["karim"].assignments.get(team=teams[0]).pk,
        "criterion_a": criteria[0].pk,
        "criterion_b": criteria[1].pk,
        "juror_token": pending.token,
    }


@pytest.fixture
def class_world(school_world):
    """The school scene with two class projects of Sophie's cohort for missions of Martine's
    and Yacine's association: one proposed (Inès leads, Hugo is in it), one accepted (its
    team's conversation has a message). Marc teaches another cohort of Sophie's school."""
    from accounts.tests.factories import UserFactory
    from organizations.tests.factories import MembershipFactory
    from schools import services as schools
    from schools.models import Cohort
    from schools.tests.factories import CohortFactory

    users = school_world["users"]
    sophie, ines = users["sophie"], users["ines"]
    cohort = Cohort.objects.get(pk=school_world["cohort"])
    association = Organization.objects.get(slug=school_world["org"])
    colleague = UserFactory(full_name="Marc Colin", email="marc@example.org")
    MembershipFactory(organization=cohort.school, user=colleague)
    CohortFactory(school=cohort.school, name="Licence 3 Web", teachers=[colleague])
    hugo = UserFactory(full_name="Hugo Lefèvre", email="hugo@example.org", intent="volunteer")
    VolunteerProfileFactory(user=hugo)
    schools.cohort_join(cohort=cohort, student=hugo)
    projects = []
    for title in ("Affiches du printemps", "Identité des jardins"):
        mission = MissionFactory(
            organization=association, created_by=users["yacine"], title=title, team_size=3
        )
        projects.append(
            schools.class_project_propose(
                cohort=cohort,
                mission=mission,
                by=sophie,
                name=title,
                roles={ines: "direction artistique", hugo: "typographie"},
                lead=ines,
            )
        )
    proposed, accepted = projects
    schools.class_project_accept(project=accepted, by=users["yacine"])
    thread = messaging.thread_for_mission(accepted.mission)
    MessageFactory(thread=thread, author=users["yacine"], body="Bienvenue à toute l’équipe !")
    return {
        **school_world,
        "users": {**users, "colleague": colleague, "hugo": hugo},
        "proposed": proposed.pk,
        "proposed_mission": proposed.mission_id,
        "accepted": accepted.pk,
        "class_thread": thread.pk,
        "team_agreement": accepted.agreement.application_id,
        "accepted_mission": accepted.mission_id,
    }


@pytest.fixture
def teaching_world(school_world):
    """The scene, with Inès's completed mission for Martine's and Yacine's association done
    while in Sophie's cohort, and her private conversation about it; Claire, of the same
    school, teaches another cohort of it."""
    from accounts.tests.factories import UserFactory
    from completion.models import Completion
    from completion.tests.factories import CompletionFactory, engagement
    from organizations.tests.factories import MembershipFactory
    from schools.tests.factories import CohortFactory
    from volunteers.models import VolunteerProfile

    school = Organization.objects.get(slug=school_world["school"])
    claire = UserFactory(full_name="Claire Petit", email="claire@example.org")
    MembershipFactory(organization=school, user=claire, role="member")
    mmi = CohortFactory(school=school, name="BUT MMI 2e année", teachers=[claire])
    ines = school_world["users"]["ines"]
    VolunteerProfile.objects.filter(user=ines).update(is_public=False)
    mission = MissionFactory(
        organization=Organization.objects.get(slug=school_world["org"]),
        title="Une affiche pour la fête",
        status=Status.COMPLETED,
    )
    work = engagement(mission=mission, volunteer=ines)
    CompletionFactory(application=work, status=Completion.Status.COMPLETED)
    thread = messaging.thread_for_application(work)
    MessageFactory(thread=thread, author=ines, body="Mon numéro perso : 06 12 34 56 78")
    return {
        **school_world,
        "users": {**school_world["users"], "claire": claire},
        "mmi": mmi.pk,
        "ines_work": work.pk,
        "ines_thread": thread.pk,
        "ines": ines.pk,
    }


@pytest.fixture
def territory_world(world):
    """The scene, with territories (territories/tests/scene.py): the Rhône (Claire, admin;
    Marc, its territorial moderator), Vénissieux (mediators Nora, with the consent of
    Odette's association, and Sami, without)."""
    from territories.tests.scene import build

    scene = build()
    return {
        **world,
        "users": {**world["users"], **scene["users"]},
        "rhone": scene["rhone"].slug,
        "venissieux": scene["venissieux"].slug,
        "garden": scene["garden"].slug,
        "garden_draft": scene["draft"].pk,
        "garden_submitted": scene["submitted"].pk,
        "consent": scene["consent"].pk,
    }


@pytest.fixture
def pack_world(world):
    """The scene, with the packs numériques (territories/tests/packs_scene.py): Hugo (admin)
    and Nora (agent) of Vénissieux, which proposes a pack to its citizen associations and
    prepares another; Claire, admin of the Rhône; Odette (admin) and Gaston (member) of an
    eligible association; Paula and Louis, admins of associations the pack is not for."""
    from territories.tests.packs_scene import build

    scene = build()
    return {
        **world,
        "users": {**world["users"], **scene["users"]},
        "rhone": scene["rhone"].slug,
        "venissieux": scene["venissieux"].slug,
        "garden": scene["garden"].slug,
        "pro": scene["pro"].slug,
        "theatre": scene["theatre"].slug,
        "pack": scene["pack"].pk,
        "draft_pack": scene["draft_pack"].pk,
    }


@pytest.fixture
def impact_world(world, association):
    """The scene, with a completed mission of Martine's association (Léa did it) whose
    30-day question « do you still use it? » waits for an answer."""
    from impact.tests.factories import asked, done

    finished = MissionFactory(
        organization=association, title="Une affiche pour la fête", status=Status.COMPLETED
    )
    done(finished, hours=12, volunteer=world["users"]["lea"])
    check = asked(finished, day=30, at=timezone.now() - timedelta(days=1))
    return {**world, "adoption": check.pk, "finished": finished.pk}


@pytest.fixture
def company_world(world):
    """The scene, with a company (companies/tests/scene.py): the Imprimerie Martin, its
    manager Sandrine and its employees Julie (a talent solidaire at Martine's association)
    and Thomas (a request for time waiting), and Gilles, another company's manager."""
    from companies.tests.scene import build

    users = world["users"]
    scene = build(
        association=Organization.objects.get(slug=world["org"]),
        martine=users["martine"],
        yacine=users["yacine"],
    )
    return {**world, **scene, "users": {**users, **scene["users"]}}


@pytest.fixture
def quickhelp_world(world):
    """The scene, with quick help (quickhelp/tests/scene.py): Nina, a volunteer of
    spreadsheets, answered Martine's association's questions and took its call."""
    from organizations.models import Organization
    from quickhelp.tests.scene import build

    association = Organization.objects.get(slug=world["org"])
    scene = build(association, world["users"]["martine"], world["users"]["staff"])
    world["users"]["nina"] = scene["nina"]
    return {
        **world,
        "qh_question": scene["question"],
        "qh_open": scene["open_question"],
        "qh_call": scene["call_question"],
        "qh_draft": scene["draft"],
        "qh_draft_slug": scene["draft_slug"],
        "qh_published_slug": scene["published_slug"],
    }
