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
