"""The adoption follow-up's daily job, on a frozen clock (`now`): the question goes to the
association's admins 30 and 90 days after a mission's end, once, and never about a mission
that did not end well."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.models import OutgoingEmail
from home.management.commands.cron import JOBS
from impact.models import AdoptionCheck
from impact.services import adoption_ask_due, adoption_tick
from missions.models import Status
from notifications.models import Notification, Preference

from .factories import completed_on, done, mission_in

pytestmark = pytest.mark.django_db

S = AdoptionCheck.Status
# In UTC: days are counted in hours of 24, across the change to summer time.
END = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def days(n: int, hours: int = 0) -> datetime:
    return END + timedelta(days=n, hours=hours)


@pytest.fixture
def mission(association, martine, yacine):
    """Martine's association's poster, completed on 2 March 2026 at 10:00."""
    mission = mission_in(association, template="event-poster", status=Status.DELIVERED)
    done(mission, hours=10, at=END)
    completed_on(mission, END)
    return mission


def questions() -> dict[int, str]:
    return dict(AdoptionCheck.objects.values_list("day", "status"))


def test_the_job_asks_the_admins_at_day_30_then_at_day_90(
    mission, martine, yacine, django_capture_on_commit_callbacks
):
    assert adoption_tick(now=days(29, 23)) == {"expired": 0, "scheduled": 2, "asked": 0}
    assert questions() == {30: S.PENDING, 90: S.PENDING}
    assert not OutgoingEmail.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert adoption_tick(now=days(30)) == {"expired": 0, "scheduled": 0, "asked": 1}
    assert questions() == {30: S.ASKED, 90: S.PENDING}
    # Martine administers the association; Yacine, a plain member, is not asked.
    [email] = mail.outbox
    assert email.to == ["martine@example.org"]
    assert "l’utilisez-vous encore ?" in email.subject
    check = AdoptionCheck.objects.get(day=30)
    assert f"http://testserver/impact/adoption/{check.pk}/" in email.body
    assert "Il y a 30 jours" in email.body
    [notification] = Notification.objects.filter(kind="adoption_check")
    assert notification.user == martine
    assert notification.url == f"/impact/adoption/{check.pk}/"
    assert not Notification.objects.filter(user=yacine).exists()

    # Day 60: nobody answered within 30 days, the question closes; day 90: the second one.
    with django_capture_on_commit_callbacks(execute=True):
        assert adoption_tick(now=days(61)) == {"expired": 1, "scheduled": 0, "asked": 0}
        assert adoption_tick(now=days(90, 1)) == {"expired": 0, "scheduled": 0, "asked": 1}
    assert questions() == {30: S.EXPIRED, 90: S.ASKED}
    assert len(mail.outbox) == 2
    assert "Il y a 90 jours" in mail.outbox[1].body


def test_a_second_run_sends_nothing_twice(mission):
    adoption_tick(now=days(30))
    adoption_tick(now=days(30))
    adoption_tick(now=days(31))
    assert OutgoingEmail.objects.filter(template="adoption_check").count() == 1
    assert Notification.objects.filter(kind="adoption_check").count() == 1
    # Even handed a row already claimed, the job claims it again and fails: nothing sent.
    AdoptionCheck.objects.filter(day=30).update(status=S.PENDING)
    adoption_ask_due(now=days(31))
    assert OutgoingEmail.objects.filter(template="adoption_check").count() == 1


def test_the_cron_table_runs_the_job_daily(association, martine):
    job = next(job for job in JOBS if job.name == "impact")
    assert job.every == "daily"
    ended = timezone.now() - timedelta(days=30, hours=1)
    mission = mission_in(association, template="event-poster", status=Status.DELIVERED)
    done(mission, hours=3, at=ended)
    completed_on(mission, ended)
    call_command("cron", only=["impact"], verbosity=0)
    assert questions() == {30: S.ASKED, 90: S.PENDING}


def test_no_question_about_a_mission_that_did_not_end(association, martine):
    # A volunteer's part confirmed, but the mission cancelled, or still under way.
    cancelled = mission_in(association, template="event-poster", status=Status.CANCELLED)
    done(cancelled, hours=5, at=END)
    running = mission_in(association, template="newsletter", status=Status.IN_PROGRESS)
    done(running, hours=5, at=END)
    for moment in (days(30), days(90)):
        assert adoption_tick(now=moment) == {"expired": 0, "scheduled": 0, "asked": 0}
    assert not AdoptionCheck.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_no_question_about_a_mission_ended_long_before(mission):
    assert adoption_tick(now=days(200))["scheduled"] == 0
    assert not AdoptionCheck.objects.exists()


def test_a_question_the_job_could_not_ask_on_its_day_is_dropped_after_two_weeks(mission):
    adoption_tick(now=days(1))
    # The job stopped for three weeks: the 30-day question would come at day 51.
    assert adoption_tick(now=days(51)) == {"expired": 1, "scheduled": 0, "asked": 0}
    assert questions() == {30: S.EXPIRED, 90: S.PENDING}
    # A few days late is still fine.
    assert adoption_tick(now=days(95))["asked"] == 1


def test_an_admin_who_wants_no_email_finds_the_question_on_the_site(mission, martine):
    Preference.objects.create(user=martine, category="missions", frequency="off")
    adoption_tick(now=days(30))
    assert not OutgoingEmail.objects.exists()
    assert Notification.objects.filter(user=martine, kind="adoption_check").exists()


def test_the_notification_is_not_repeated_in_the_daily_summary(mission, martine):
    Preference.objects.create(user=martine, category="missions", frequency="daily")
    adoption_tick(now=days(30))
    assert OutgoingEmail.objects.filter(template="adoption_check").count() == 1
    notification = Notification.objects.get(kind="adoption_check")
    assert notification.email_frequency == "off"  # the question's own e-mail told her
