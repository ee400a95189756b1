"""Background work of the companies app."""

from django.tasks import task

from . import services


@task
def check_ins_tick() -> int:
    """Remind the tutors of the talents solidaires whose last month is not confirmed yet."""
    return services.remind_check_ins()
