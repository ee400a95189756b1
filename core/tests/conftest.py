"""The scene of the cross-app tests: one mission of Martine's association with Léa
accepted on it, its conversations, a notification, a report, an invitation."""

import pytest

import audit
from engagements.models import Application
from engagements.tests.factories import AgreementFactory, ApplicationFactory
from messaging import services as messaging
from messaging.tests.factories import AttachmentFactory, MessageFactory
from missions.models import Status
from missions.tests.factories import MissionFactory
from moderation.tests.factories import ReportFactory
from notifications.tests.factories import NotificationFactory
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
