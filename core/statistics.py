"""The database's statistics, which its query planner reads to choose an index.

PostgreSQL keeps them itself (autovacuum). SQLite keeps none until asked: without them it
may walk every pending application to count one association's, where one index lookup
would do. `refresh_statistics` asks it — a sample of each index, in a few milliseconds
whatever the size — after the demo data is loaded, and daily from `manage.py cron`.
"""

from django.db import connection
from django.tasks import task

# Rows SQLite samples per index: enough for its choices, fast on any size.
SAMPLE = 1000


def refresh_statistics() -> bool:
    """Refresh the planner's statistics where the database does not do it itself; True if
    it did something."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit = {SAMPLE}")
        cursor.execute("ANALYZE")
    return True


@task
def statistics_tick() -> bool:
    return refresh_statistics()
