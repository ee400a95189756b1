"""Shortcuts for diagnosis tests: answer the whole questionnaire in one call."""

from diagnosis import selectors, services
from diagnosis.models import Diagnosis


def choices_for(overrides: dict[str, str] | None = None, *, default: str = "middle") -> dict:
    """{question: choice} for every question: `overrides` by slug → choice value; the others
    get their best ("best"), worst ("worst") or a middling ("middle") counted answer."""
    overrides = overrides or {}
    chosen = {}
    for axis in selectors.questionnaire().axes:
        for question in axis.active_questions:
            counted = sorted(
                (c for c in question.all_choices if c.score is not None), key=lambda c: c.score
            )
            if question.slug in overrides:
                choice = next(
                    c for c in question.all_choices if c.value == overrides[question.slug]
                )
            elif default == "best":
                choice = counted[-1]
            elif default == "worst":
                choice = counted[0]
            else:
                choice = counted[len(counted) // 2]
            chosen[question] = choice
    return chosen


def answer_all(organization, user, overrides=None, *, default="middle", complete=True) -> Diagnosis:
    diagnosis = services.diagnosis_start(organization=organization, by=user)
    services.diagnosis_save_answers(
        diagnosis=diagnosis, answers=choices_for(overrides, default=default)
    )
    if complete:
        diagnosis = services.diagnosis_complete(
            diagnosis=diagnosis, questionnaire=selectors.questionnaire()
        )
    return diagnosis
