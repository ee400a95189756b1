"""SQLite gets the planner statistics that PostgreSQL keeps itself."""

from django.db import connection

from core.statistics import refresh_statistics
from missions.tests.factories import MissionFactory


def test_sqlite_gets_statistics_that_postgresql_keeps_itself(db, association):
    MissionFactory(organization=association)

    did = refresh_statistics()

    if connection.vendor != "sqlite":
        assert did is False  # autovacuum's work
        return
    assert did is True
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'missions_mission'")
        assert cursor.fetchone()[0] > 0
