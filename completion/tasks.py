"""Background work of the completion app."""

from django.tasks import task

from . import services


@task
def completion_tick() -> dict[str, int]:
    """Remind who has not written their review (5 days), publish reviews due (14 days)."""
    return services.completion_tick()
