"""Background work of missions: the daily round."""

from django.tasks import task

from . import reminders
from .services import missions_expire


@task
def missions_tick() -> dict[str, int]:
    """Once a day: expire the open missions past their end date, then send the reminders
    (the associations whose mission just expired hear about it in the same round)."""
    expired = missions_expire()
    return {"expired": expired, **reminders.missions_remind()}


@task
def opendata_tick() -> dict[str, int]:
    """Once a day: the open missions as open data files (CSV and JSON, missions.opendata)."""
    from . import opendata

    return {"missions": opendata.build()}
