"""`manage.py demo --volunteers N --missions M`: bulk demo data that pages can rely on."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from accounts.models import User
from core.demo import DEMO_DOMAIN, DEMO_PASSWORD
from engagements.models import Agreement, Application
from home.demo_scale import ADMIN_PREFIX, STARTED, VOLUNTEER_PREFIX
from messaging.models import ReadMark, Thread
from missions.models import Mission, MissionEvent, Status
from organizations.models import Membership, Organization
from volunteers.models import VolunteerProfile

pytestmark = pytest.mark.django_db


def scale_volunteers():
    return VolunteerProfile.objects.filter(user__email__startswith=VOLUNTEER_PREFIX)


def scale_missions():
    return Mission.objects.filter(created_by__email__startswith=ADMIN_PREFIX)


@pytest.fixture(scope="module")
def _scaled_once(django_db_setup, django_db_blocker):
    # Built once for the module (the small demo alone takes seconds), rolled back at its end;
    # each test runs in a savepoint inside it.
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", volunteers=200, missions=100, verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def scaled(_scaled_once, db):
    return None


def test_it_adds_the_volunteers_missions_and_associations_asked_for(scaled):
    assert scale_volunteers().count() == 200
    assert scale_missions().count() == 100
    admins = Membership.objects.filter(
        user__email__startswith=ADMIN_PREFIX, role=Membership.Role.ADMIN
    )
    assert admins.count() == 20  # one association per five missions
    assert {m.organization.kind for m in admins.select_related("organization")} == {
        Organization.Kind.ASSOCIATION
    }
    # The hand-written demo is there too, as `make run` shows it.
    assert User.objects.filter(email=f"martine@{DEMO_DOMAIN}").exists()


def test_volunteers_have_skills_causes_and_a_place_that_agree(scaled):
    profiles = scale_volunteers().annotate(
        skill_count=Count("skills", distinct=True), cause_count=Count("causes", distinct=True)
    )
    assert {p.skill_count for p in profiles} <= {2, 3, 4, 5}
    assert {p.cause_count for p in profiles} <= {1, 2, 3}
    assert len({p.work_mode for p in profiles}) == 3
    wrong_place = profiles.exclude(
        departement_code=F("commune__departement_id"), region_code=F("commune__region_id")
    )
    assert not wrong_place.exists()
    assert len({p.region_code for p in profiles}) > 3  # all over France
    assert all(" " in p.user.full_name for p in profiles.select_related("user")[:20])


def test_missions_are_in_every_state_with_skills_and_an_association(scaled):
    missions = scale_missions().annotate(requirements=Count("required_skills"))
    assert all(m.organization_id and m.requirements > 0 for m in missions)
    assert {m.status for m in missions} >= {Status.DRAFT, Status.OPEN, Status.COMPLETED}
    today = timezone.localdate()
    for mission in missions.filter(status=Status.OPEN).select_related("organization"):
        assert mission.published_at is not None and mission.published_at <= timezone.now()
        assert mission.end_date >= today
        assert mission.last_activity_at is not None
        assert mission.organization.departement_code == mission.departement_code
    assert not missions.filter(status=Status.DRAFT, published_at__isnull=False).exists()
    on_site = missions.filter(commune__isnull=False)
    assert on_site.exists()
    assert not on_site.exclude(departement_code=F("commune__departement_id")).exists()
    organizations = Organization.objects.filter(missions__in=missions).distinct()
    assert not organizations.exclude(region_code=F("commune__region_id")).exists()
    # Every state a mission went through is in its history.
    opened = MissionEvent.objects.filter(mission__in=missions, to_status=Status.OPEN)
    assert opened.count() == missions.exclude(published_at__isnull=True).count()


def test_open_missions_get_about_two_applications_and_teams_stay_within_size(scaled):
    missions = scale_missions()
    open_count = missions.filter(status=Status.OPEN).count()
    on_open = Application.objects.filter(mission__in=missions, mission__status=Status.OPEN)
    assert open_count <= on_open.count() <= 3 * open_count
    over = missions.annotate(
        team=Count("applications", filter=Q(applications__status=Application.Status.ACCEPTED))
    ).filter(team__gt=F("team_size"))
    assert not over.exists()
    done = missions.filter(status=Status.COMPLETED)
    assert not done.exclude(applications__status=Application.Status.ACCEPTED).exists()
    accepted = Application.objects.filter(mission__in=missions, status=Application.Status.ACCEPTED)
    assert Agreement.objects.filter(application__in=accepted).count() == accepted.count()


def test_applications_and_teams_have_conversations_some_still_unread(scaled):
    threads = Thread.objects.filter(mission__in=scale_missions())
    assert threads.filter(application__isnull=False).exists()
    assert threads.filter(application__isnull=True, mission__status__in=STARTED).exists()
    assert not threads.filter(messages__isnull=True).exists()
    assert not threads.exclude(last_message_at__isnull=False).exists()
    unread = ReadMark.objects.filter(thread__in=threads, read_at__lt=F("thread__last_message_at"))
    assert 0 < unread.count() < ReadMark.objects.filter(thread__in=threads).count()


def test_scale_accounts_log_in_with_the_demo_password(scaled, client):
    volunteer = User.objects.filter(email__startswith=VOLUNTEER_PREFIX).first()
    admin = User.objects.filter(email__startswith=ADMIN_PREFIX).first()
    for user in (volunteer, admin):
        assert client.login(email=user.email, password=DEMO_PASSWORD)
        assert client.get("/").status_code == 200
        client.logout()


def test_a_second_run_adds_only_what_is_missing(scaled):
    people = User.objects.count()
    call_command("demo", volunteers=300, missions=150, verbosity=0)
    assert scale_volunteers().count() == 300
    assert scale_missions().count() == 150
    # 100 more volunteers, 10 more association admins: the small demo did not run again.
    assert User.objects.count() == people + 100 + 10
    call_command("demo", volunteers=300, missions=150, verbosity=0)
    assert User.objects.count() == people + 110


def test_plain_demo_still_refuses_a_database_that_holds_it(scaled):
    with pytest.raises(SystemExit):
        call_command("demo", verbosity=0)


def test_it_adds_a_school_with_a_cohort_of_40_students_with_engagements(scaled):
    from home.demo_scale import COHORT_STUDENTS, TEACHER_EMAIL
    from schools.models import Cohort
    from teaching.selectors import dashboard_of

    cohort = Cohort.objects.get(teachers__email=TEACHER_EMAIL)
    assert cohort.school.is_verified
    board = dashboard_of(cohort, today=timezone.localdate())
    assert len(board.students) == COHORT_STUDENTS == 40
    # Each student applied to a mission before: all of it is the cohort's work.
    assert all(student.engagements for student in board.students)
    assert any(row.completion for student in board.students for row in student.engagements)
