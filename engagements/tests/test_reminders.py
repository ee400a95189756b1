"""Unanswered applications: one reminder to the association at 5 days, expiry at 10."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from engagements import services
from engagements.models import Application
from notifications.models import Notification

from .factories import ApplicationFactory


def days_ago(days: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def make(mission, volunteer, days: float) -> Application:
    application = ApplicationFactory(mission=mission, volunteer=volunteer)
    # created_at is set on insert: move it back in time afterwards.
    Application.objects.filter(pk=application.pk).update(created_at=days_ago(days))
    return application


def test_the_association_is_reminded_once_after_five_days(mission, lea, martine, commit):
    application = make(mission, lea, days=6)

    commit(call_command, "engagements_tick")
    commit(call_command, "engagements_tick")

    assert [m.to for m in mail.outbox] == [["martine@example.org"]]
    assert "attend votre réponse" in mail.outbox[0].subject
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING
    assert application.reminded_at is not None


def test_after_ten_days_the_volunteer_is_kindly_told_it_expired(mission, lea, martine, commit):
    application = make(mission, lea, days=11)

    commit(call_command, "engagements_tick")
    commit(call_command, "engagements_tick")

    application.refresh_from_db()
    assert application.status == Application.Status.EXPIRED
    assert [m.to for m in mail.outbox] == [["lea@example.org"]]
    assert "Ce n’est pas un refus de votre personne" in mail.outbox[0].body


def test_recent_and_answered_applications_are_left_alone(mission, lea, karim, commit):
    make(mission, lea, days=2)
    answered = make(mission, karim, days=12)
    Application.objects.filter(pk=answered.pk).update(status=Application.Status.ACCEPTED)

    result = services.applications_remind_and_expire()

    assert result == {"reminded": 0, "expired": 0}
    assert not Notification.objects.exists()


def test_a_reminded_application_still_expires_at_ten_days(mission, lea, martine):
    application = make(mission, lea, days=6)
    services.applications_remind_and_expire()

    later = timezone.now() + datetime.timedelta(days=5)
    assert services.applications_remind_and_expire(now=later) == {"reminded": 0, "expired": 1}

    application.refresh_from_db()
    assert application.status == Application.Status.EXPIRED
    assert Notification.objects.filter(kind="application_reminder").count() == 1
    assert Notification.objects.filter(kind="application_expired", user=lea).count() == 1


def test_a_cancelled_mission_sends_no_reminder(mission, lea):
    make(mission, lea, days=6)
    mission.status = "cancelled"
    mission.save()

    assert services.applications_remind_and_expire() == {"reminded": 0, "expired": 0}
