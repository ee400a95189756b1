"""Background work of quick help: the hourly round."""

from django.tasks import task

from .services import calls_remind, questions_resurface


@task
def quickhelp_tick() -> dict[str, int]:
    """Every hour: remind the calls of the next day; ask more volunteers about questions
    unanswered for 48 h, then offer the association to make them missions."""
    return {"reminded": calls_remind(), **questions_resurface()}
