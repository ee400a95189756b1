"""Background work of the impact app."""

from django.tasks import task

from . import services


@task
def impact_tick() -> dict[str, int]:
    """Close, schedule and ask the adoption questions (30 and 90 days after the end)."""
    return services.adoption_tick()
