"""Scores per axis and the "small steps" plan, from answers: pure functions, no database.

A question's chosen answer is worth 0 to 100 points (None: "does not concern us", left out);
an axis scores the weighted mean of its answers. Each weak answer may propose mission
templates; the plan keeps the three that answer the gravest weaknesses, at most two per axis
at first so that it is not all about one area, fills up with "next level" templates of the
weakest axes when too few answers are weak (a strong association still gets a plan), and
is shown from the easiest win to the longest project.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

PLAN_SIZE = 3
PER_AXIS = 2
# Scores below LOW are "to build", from HIGH up "solid"; the sentences shown follow.
LOW, HIGH = 40, 70


@dataclass(frozen=True)
class Suggestion:
    template: str  # a mission template's slug
    ease: int  # 1 quick … 3 longer


@dataclass(frozen=True)
class Answered:
    """One answer: its question's axis and weight, and the chosen answer's worth."""

    axis: str
    weight: int
    score: int | None
    finding: str = ""
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True)
class NextLevel:
    template: str
    ease: int
    why: str


@dataclass
class Step:
    template: str
    axis: str
    ease: int
    # The gravest weakness the step addresses: its question's weight × missing points.
    need: int = 0
    reasons: list[str] = field(default_factory=list)
    next_level: bool = False


def axis_scores(answers: Iterable[Answered], axes: Sequence[str]) -> dict[str, int | None]:
    """Each axis's score out of 100, or None when none of its answers counts."""
    points = dict.fromkeys(axes, 0)
    weights = dict.fromkeys(axes, 0)
    for answer in answers:
        if answer.score is None or answer.axis not in points:
            continue
        points[answer.axis] += answer.weight * answer.score
        weights[answer.axis] += answer.weight
    return {axis: round(points[axis] / weights[axis]) if weights[axis] else None for axis in axes}


def overall(scores: Mapping[str, int | None]) -> int | None:
    counted = [score for score in scores.values() if score is not None]
    return round(sum(counted) / len(counted)) if counted else None


def band(score: int | None) -> str:
    if score is None or score < LOW:
        return "low"
    return "mid" if score < HIGH else "high"


def progress(
    current: Mapping[str, int | None], previous: Mapping[str, int | None] | None
) -> dict[str, int | None]:
    """Points gained (or lost) per axis since the previous diagnosis; None when unknown."""
    if not previous:
        return dict.fromkeys(current)
    return {
        axis: score - previous[axis]
        if score is not None and previous.get(axis) is not None
        else None
        for axis, score in current.items()
    }


def _candidates(answers: Iterable[Answered]) -> list[Step]:
    """One candidate per proposed template, the most needed first.

    A template's need is the gravest weakness it answers (weight × missing points), not the
    sum: a template that many questions mention must not drown a single grave gap. Among
    equal needs, the one that answers more weaknesses, then questionnaire order (stable).
    """
    steps: dict[str, Step] = {}
    breadth: dict[str, int] = {}
    findings: dict[str, dict[str, int]] = {}
    for answer in answers:
        if answer.score is None or not answer.suggestions:
            continue
        need = answer.weight * (100 - answer.score)
        if need <= 0:
            continue
        for suggestion in answer.suggestions:
            slug = suggestion.template
            step = steps.get(slug)
            if step is None:
                step = steps[slug] = Step(template=slug, axis=answer.axis, ease=suggestion.ease)
                breadth[slug], findings[slug] = 0, {}
            if need > step.need:
                step.need, step.axis = need, answer.axis
            step.ease = min(step.ease, suggestion.ease)
            breadth[slug] += need
            if answer.finding:
                findings[slug][answer.finding] = max(need, findings[slug].get(answer.finding, 0))
    for slug, step in steps.items():
        # The gravest reasons first.
        step.reasons = sorted(findings[slug], key=lambda f: -findings[slug][f])
    return sorted(steps.values(), key=lambda step: (-step.need, -breadth[step.template]))


def plan(
    answers: Sequence[Answered],
    scores: Mapping[str, int | None],
    next_levels: Mapping[str, Sequence[NextLevel]],
    *,
    size: int = PLAN_SIZE,
) -> list[Step]:
    """The small steps: `size` templates, easiest first.

    `scores` gives the axes in questionnaire order; `next_levels` the templates to go
    further, per axis, in their order of preference.
    """
    candidates = _candidates(answers)
    chosen: list[Step] = []
    per_axis: dict[str, int] = {}
    for step in candidates:  # first pass: spread over the axes
        if len(chosen) < size and per_axis.get(step.axis, 0) < PER_AXIS:
            chosen.append(step)
            per_axis[step.axis] = per_axis.get(step.axis, 0) + 1
    for step in candidates:  # then whatever weakness is left
        if len(chosen) < size and step not in chosen:
            chosen.append(step)

    # Too few weak answers: go further where the association is least strong.
    order = list(scores)
    weakest = sorted(
        order, key=lambda axis: (scores[axis] is None, scores[axis] or 0, order.index(axis))
    )
    taken = {step.template for step in chosen}
    rank = 0
    while len(chosen) < size and any(len(next_levels.get(a, ())) > rank for a in weakest):
        for axis in weakest:
            options = next_levels.get(axis, ())
            if len(chosen) < size and len(options) > rank and options[rank].template not in taken:
                option = options[rank]
                chosen.append(
                    Step(
                        template=option.template,
                        axis=axis,
                        ease=option.ease,
                        reasons=[option.why] if option.why else [],
                        next_level=True,
                    )
                )
                taken.add(option.template)
        rank += 1

    # The quickest win first; at equal ease, a weakness before going further.
    return sorted(chosen, key=lambda step: (step.ease, step.next_level, -step.need))
