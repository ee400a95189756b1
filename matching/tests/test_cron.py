"""`manage.py cron`: every periodic job, each digest and reminder sent once."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.tests.factories import UserFactory
from engagements.models import Application
from home.management.commands.cron import JOBS, period_of
from home.models import PeriodicRun
from matching import digest
from missions.models import MissionReminder, Status
from missions.tests.factories import MissionFactory
from notifications.models import Frequency, Notification, WeeklyDigest
from notifications.tests.factories import PreferenceFactory
from notifications.weekly import prepare_weekly_digests, send_weekly_digests, week_of
from taxonomy.models import Level
from volunteers.tests.factories import VolunteerProfileFactory


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the command as cron would, the e-mails queued after commit included."""

    def cron(*args):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("cron", *args, verbosity=0)

    return cron


def digests_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to and "pour vous cette semaine" in m.subject]


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def test_running_cron_twice_sends_each_weekly_digest_once(run, designer, logo_mission):
    run()
    run()

    sent = digests_to(designer.user.email)
    assert len(sent) == 1
    assert "Un logo pour les jardins" in sent[0].body
    assert "Logo et identité visuelle, Figma · à distance · 15 h sur 3 semaines" in sent[0].body
    assert "/missions/for-you/" in sent[0].body
    html = sent[0].alternatives[0][0]
    assert "Un logo pour les jardins" in html


def test_even_forced_runs_never_send_a_digest_twice(run, designer, logo_mission):
    run("--force", "--only", "matching-digest")
    run("--force", "--only", "matching-digest")

    assert len(digests_to(designer.user.email)) == 1
    assert WeeklyDigest.objects.get(user=designer.user).sent_at is not None


def test_the_digest_lists_only_new_missions_that_fit(run, designer, association):
    MissionFactory(organization=association, title="Logo tout neuf", skills=["logo"])
    MissionFactory(
        organization=association, title="Logo ancien", skills=["logo"], published_at=days_ago(9)
    )
    MissionFactory(organization=association, title="Tableau neuf", skills=["spreadsheets"])
    applied = MissionFactory(organization=association, title="Logo déjà demandé", skills=["logo"])
    Application.objects.create(mission=applied, volunteer=designer.user)

    run()

    body = digests_to(designer.user.email)[0].body
    assert "Logo tout neuf" in body
    for absent in ("Logo ancien", "Tableau neuf", "Logo déjà demandé"):
        assert absent not in body


def test_no_digest_for_those_who_turned_it_off_or_have_nothing_new(run, designer, logo_mission):
    quiet = VolunteerProfileFactory(skills={"logo": Level.EXPERT})
    PreferenceFactory(user=quiet.user, category=digest.CATEGORY, frequency=Frequency.OFF)
    weekly = VolunteerProfileFactory(skills={"logo": Level.EXPERT})
    PreferenceFactory(user=weekly.user, category=digest.CATEGORY, frequency=Frequency.WEEKLY)
    filmmaker = VolunteerProfileFactory(skills={"video-editing": Level.EXPERT})

    run()

    assert len(digests_to(designer.user.email)) == 1
    assert len(digests_to(weekly.user.email)) == 1
    assert digests_to(quiet.user.email) == []
    assert digests_to(filmmaker.user.email) == []


def test_a_mission_closed_before_the_sending_is_left_out(designer, logo_mission, association):
    MissionFactory(organization=association, title="Logo qui reste", skills=["logo"])
    prepare_weekly_digests()
    logo_mission.status = Status.CANCELLED
    logo_mission.save(update_fields=["status"])

    sent = send_weekly_digests(list(WeeklyDigest.objects.values_list("pk", flat=True)))

    assert sent == 1
    assert "Logo qui reste" in mail.outbox[0].body
    assert "Un logo pour les jardins" not in mail.outbox[0].body


def test_a_digest_recorded_before_the_move_to_notifications_is_still_sent(designer, logo_mission):
    # Its items name no section: they are the missions of matching's.
    record = WeeklyDigest.objects.create(
        user=designer.user,
        week=week_of(timezone.now()),
        items=[{"mission": logo_mission.pk, "score": 90, "reasons": []}],
    )

    assert send_weekly_digests([record.pk]) == 1
    assert "Un logo pour les jardins" in mail.outbox[0].body


def test_preparing_the_digests_costs_the_same_queries_for_3_or_30_volunteers(
    association, django_assert_max_num_queries
):
    MissionFactory(organization=association, skills=["logo"])
    MissionFactory(organization=association, skills=["logo", "figma"])

    def volunteers(count):
        for _ in range(count):
            VolunteerProfileFactory(skills={"logo": Level.EXPERT}, causes=["culture"])

    volunteers(3)
    with django_assert_max_num_queries(20) as few:
        assert prepare_weekly_digests() == 3
    WeeklyDigest.objects.all().delete()
    volunteers(27)

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert prepare_weekly_digests() == 30


def test_a_silent_open_mission_reminds_its_association_once(run, martine, yacine, association):
    quiet = MissionFactory(organization=association, title="Mission oubliée")
    MissionFactory(organization=association, title="Mission vivante")
    type(quiet).objects.filter(pk=quiet.pk).update(last_activity_at=days_ago(15))

    run()
    run("--force")

    reminders = Notification.objects.filter(kind="mission_silent")
    assert sorted(n.user.email for n in reminders) == [martine.email, yacine.email]
    assert "Mission oubliée" in reminders[0].title
    assert reminders[0].url == f"/missions/{quiet.pk}/volunteers/"
    assert MissionReminder.objects.count() == 1
    assert sum("Mission oubliée" in m.subject for m in mail.outbox) == 2


def test_a_mission_that_wakes_up_then_falls_silent_again_is_reminded_again(run, association):
    mission = MissionFactory(organization=association)
    type(mission).objects.filter(pk=mission.pk).update(last_activity_at=days_ago(30))
    run("--only", "missions")
    # Two weeks later: a message came after the reminder, then nothing again.
    MissionReminder.objects.update(created_at=days_ago(29))
    type(mission).objects.filter(pk=mission.pk).update(last_activity_at=days_ago(15))

    run("--force", "--only", "missions")

    assert MissionReminder.objects.filter(mission=mission).count() == 2


def test_a_mission_past_its_end_date_reminds_the_association_and_its_volunteers_once(
    run, martine, association, lea
):
    late = MissionFactory(
        organization=association,
        title="Mission en retard",
        status=Status.IN_PROGRESS,
        start_date=timezone.localdate() - datetime.timedelta(days=40),
        end_date=timezone.localdate() - datetime.timedelta(days=2),
    )
    Application.objects.create(mission=late, volunteer=lea, status="accepted")

    run()
    run("--force")

    people = Notification.objects.filter(kind="mission_past_end").values_list(
        "user__email", flat=True
    )
    assert sorted(people) == sorted([martine.email, lea.email])


def test_an_open_mission_past_its_end_date_expires_and_its_association_learns_why(
    run, martine, association
):
    MissionFactory(
        organization=association,
        title="Mission sans bénévole",
        start_date=timezone.localdate() - datetime.timedelta(days=40),
        end_date=timezone.localdate() - datetime.timedelta(days=1),
    )

    run()
    run("--force")

    told = Notification.objects.get(kind="mission_expired")
    assert told.user == martine
    assert "n’est plus proposée" in told.title
    assert association.missions.get().status == Status.EXPIRED


def test_cron_also_runs_the_application_reminders_once(run, martine, association, lea):
    mission = MissionFactory(organization=association)
    application = Application.objects.create(mission=mission, volunteer=lea)
    Application.objects.filter(pk=application.pk).update(created_at=days_ago(6))

    run()
    run("--force")

    assert Notification.objects.filter(kind="application_reminder", user=martine).count() == 1


def test_each_job_is_queued_once_per_period(run, db):
    run()
    run()

    assert PeriodicRun.objects.count() == len(JOBS)


def test_periods_start_at_seven_in_the_morning():
    paris = timezone.get_current_timezone()
    monday_six = datetime.datetime(2026, 3, 2, 6, 30, tzinfo=paris)
    monday_eight = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=paris)

    assert period_of("daily", monday_six) == "2026-03-01"
    assert period_of("daily", monday_eight) == "2026-03-02"
    assert period_of("weekly", monday_six) == "2026-W09"
    assert period_of("weekly", monday_eight) == "2026-W10"
    assert period_of("hourly", monday_eight) == "2026-03-02T08"


def test_the_digest_of_a_deleted_account_goes_with_it(designer, logo_mission):
    from django.apps import apps

    prepare_weekly_digests()
    config = apps.get_app_config("notifications")

    (digest,) = config.personal_data(designer.user)["weekly_digests"]
    assert [item["mission"] for item in digest["items"]] == [logo_mission.pk]
    config.erase_personal_data(designer.user)
    assert not WeeklyDigest.objects.filter(user=designer.user).exists()


def test_an_inactive_account_gets_no_digest(run, designer, logo_mission):
    UserFactory._meta.model.objects.filter(pk=designer.user_id).update(is_active=False)

    run()

    assert digests_to(designer.user.email) == []
