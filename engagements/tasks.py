"""Background work of the engagements app."""

from django.tasks import task

from . import services


@task
def applications_tick() -> dict[str, int]:
    return services.applications_remind_and_expire()
