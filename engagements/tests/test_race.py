"""Two members accept two applications of a one-volunteer mission at the same moment."""

import threading
import time

import pytest
from django.db import OperationalError, connection, transaction

from engagements import services
from engagements.models import Agreement, Application

from .factories import ApplicationFactory


@pytest.mark.django_db(transaction=True)
def test_two_members_accepting_at_once_never_overfill_a_team_of_one(
    shipped_data, mission, lea, karim, martine, yacine
):
    applications = [
        ApplicationFactory(mission=mission, volunteer=lea),
        ApplicationFactory(mission=mission, volunteer=karim),
    ]
    barrier = threading.Barrier(2, timeout=20)
    outcomes = []
    # SQLite takes its write lock when a transaction begins: there the two meet before.
    # PostgreSQL lets both transactions read the team first, then meet: without the lock on
    # the mission row, both would see an empty team and both would be accepted.
    meet_inside = connection.vendor != "sqlite"

    def attempt(application, member):
        with transaction.atomic():
            Application.objects.filter(mission=mission, status="accepted").count()
            if meet_inside:
                barrier.wait()
            services.application_accept(application=application, by=member)

    def accept(application, member):
        try:
            if not meet_inside:
                barrier.wait()
            for _ in range(200):
                try:
                    attempt(application, member)
                    break
                except OperationalError as error:
                    # The test database is SQLite in memory, shared between threads, where a
                    # writer waiting for the lock is told "locked" at once instead of waiting
                    # like the file database does: wait here, as the busy timeout would.
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
            connection.close()  # each thread has its own connection

    threads = [
        threading.Thread(target=accept, args=(applications[0], martine)),
        threading.Thread(target=accept, args=(applications[1], yacine)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["accepted", "team full"]
    assert Application.objects.filter(mission=mission, status="accepted").count() == 1
    assert Agreement.objects.count() == 1
