"""Two members of the association accept two classes' teams at the same moment, when the
mission has room for one of them only."""

import threading
import time

import pytest
from django.db import OperationalError, connection, transaction

from accounts.tests.factories import UserFactory
from engagements.models import Agreement, Application
from engagements.tests.factories import MissionFactory
from organizations.tests.factories import MembershipFactory
from schools import services
from schools.models import ClassProject

from .factories import CohortFactory, CohortMembershipFactory


def _team_of_two(school, name: str):
    teacher = UserFactory(full_name=f"Enseignant·e {name}")
    MembershipFactory(organization=school, user=teacher)
    cohort = CohortFactory(school=school, name=name, teachers=[teacher])
    students = [UserFactory(full_name=f"{name} élève {n}") for n in range(2)]
    for student in students:
        CohortMembershipFactory(cohort=cohort, student=student)
    return cohort, teacher, students


@pytest.mark.django_db(transaction=True)
def test_two_members_accepting_two_teams_at_once_never_overfill_the_mission(
    shipped_data, school, association, martine, yacine
):
    mission = MissionFactory(organization=association, team_size=2)
    projects = []
    for name in ("Master 1", "Master 2"):
        cohort, teacher, students = _team_of_two(school, name)
        projects.append(
            services.class_project_propose(
                cohort=cohort,
                mission=mission,
                by=teacher,
                name=name,
                roles=dict.fromkeys(students, "graphisme"),
                lead=students[0],
            )
        )
    barrier = threading.Barrier(2, timeout=20)
    outcomes = []
    # As in engagements' race: PostgreSQL lets both read the team before they meet; only
    # the lock on the mission row keeps the second from seeing an empty team.
    meet_inside = connection.vendor != "sqlite"

    def attempt(project, member):
        with transaction.atomic():
            Application.objects.filter(mission=mission, status="accepted").count()
            if meet_inside:
                barrier.wait()
            services.class_project_accept(project=project, by=member)

    def accept(project, member):
        try:
            if not meet_inside:
                barrier.wait()
            for _ in range(200):
                try:
                    attempt(project, member)
                    break
                except OperationalError as error:
                    # SQLite in memory says "locked" at once instead of waiting.
                    if connection.vendor != "sqlite" or "locked" not in str(error):
                        raise
                    time.sleep(0.01)
            else:
                raise AssertionError("the database stayed locked")
            outcomes.append("accepted")
        except services.TeamFull:
            outcomes.append("team full")
        except Exception as error:  # reported below rather than lost in the thread
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=accept, args=(projects[0], martine)),
        threading.Thread(target=accept, args=(projects[1], yacine)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["accepted", "team full"]
    assert Application.objects.filter(mission=mission, status="accepted").count() == 2
    assert Agreement.objects.filter(covered_by=None).count() == 1
    statuses = sorted(ClassProject.objects.values_list("status", flat=True))
    assert statuses == ["accepted", "proposed"]
