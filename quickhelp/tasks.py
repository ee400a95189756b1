"""Background work of quick help: the hourly round."""

from django.tasks import task

from .attestations import attest_due, attest_question
from .services import calls_remind, questions_resurface


@task
def quickhelp_tick() -> dict[str, int]:
    """Every hour: remind the calls of the next day; ask more volunteers about questions
    unanswered for 48 h, then offer the association to make them missions; attest the
    hours a failed task left without their attestation."""
    return {"reminded": calls_remind(), **questions_resurface(), "attested": attest_due()}


@task
def attest_solved_question(question_id: int) -> list[str]:
    """Sign the attestations of a solved question's helpers."""
    return [credential.public_id for credential in attest_question(question_id)]
