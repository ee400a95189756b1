"""What a completed diagnosis shows, on its page and in its printable summary: a row per
axis (score, meaning, progress, the chart's geometry) and the plan of small steps."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from missions.models import MissionTemplate

from . import scoring
from .models import Axis, Diagnosis, Ease
from .selectors import Questionnaire, answers_of, previous_of

# The chart, drawn in pixels that do not scale with the page: each axis is a label line
# over a bar whose length is a percentage of the chart's width, so it reads at 360 px.
ROW_HEIGHT = 62
LABEL_Y = 20
BAR_Y = 30
BAR_HEIGHT = 20
# The bar's colour follows the band (the score is always written beside it too).
COLOURS = {"low": "#a11d1d", "mid": "#8a4b00", "high": "#1a6b34"}


@dataclass
class AxisRow:
    axis: Axis
    score: int | None
    previous: int | None = None
    top: int = 0

    @property
    def band(self) -> str:
        return scoring.band(self.score)

    @property
    def meaning(self) -> str:
        return self.axis.meaning(self.band) if self.score is not None else ""

    @property
    def change(self) -> int | None:
        if self.score is None or self.previous is None:
            return None
        return self.score - self.previous

    @property
    def change_size(self) -> int:
        """For "point" or "points": French plural rules know nothing of negative numbers."""
        return abs(self.change or 0)

    @property
    def colour(self) -> str:
        return COLOURS[self.band]

    @property
    def marker_x(self) -> int | None:
        """Where last time's score is marked, kept inside the chart."""
        return None if self.previous is None else max(0, min(self.previous, 99))

    @property
    def label_y(self) -> int:
        return self.top + LABEL_Y

    @property
    def bar_y(self) -> int:
        return self.top + BAR_Y

    @property
    def marker_y(self) -> int:
        return self.top + BAR_Y - 4


@dataclass
class PlanStep:
    number: int
    template: MissionTemplate
    axis: Axis
    ease: int
    reasons: list[str] = field(default_factory=list)
    next_level: bool = False
    # The mission already made from this step, if any (a `missions.Mission`).
    mission: object = None

    @property
    def ease_label(self) -> str:
        return Ease(self.ease).label


@dataclass
class Results:
    diagnosis: Diagnosis
    previous: Diagnosis | None
    rows: list[AxisRow]
    plan: list[PlanStep]

    @property
    def overall_change(self) -> int | None:
        if self.previous is None or None in (self.diagnosis.overall, self.previous.overall):
            return None
        return self.diagnosis.overall - self.previous.overall

    @property
    def overall_change_size(self) -> int:
        return abs(self.overall_change or 0)

    @property
    def chart_height(self) -> int:
        return ROW_HEIGHT * len(self.rows) + (28 if self.previous else 0)

    @property
    def legend_y(self) -> int:
        return ROW_HEIGHT * len(self.rows) + 14

    @property
    def chart_description(self) -> str:
        """The chart in words, for screen readers (the page also shows it as a table)."""
        parts = []
        for row in self.rows:
            if row.score is None:
                parts.append(_("%(axis)s : pas évalué") % {"axis": row.axis.name})
            elif row.previous is not None:
                parts.append(
                    _("%(axis)s : %(score)s sur 100 (%(previous)s la fois précédente)")
                    % {"axis": row.axis.name, "score": row.score, "previous": row.previous}
                )
            else:
                parts.append(
                    _("%(axis)s : %(score)s sur 100") % {"axis": row.axis.name, "score": row.score}
                )
        return " ; ".join(parts) + "."


def results_of(diagnosis: Diagnosis, questionnaire: Questionnaire) -> Results:
    previous = previous_of(diagnosis)
    before = previous.scores if previous else {}
    rows = [
        AxisRow(
            axis=axis,
            score=diagnosis.scores.get(axis.slug),
            previous=before.get(axis.slug),
            top=index * ROW_HEIGHT,
        )
        for index, axis in enumerate(questionnaire.axes)
    ]
    return Results(
        diagnosis=diagnosis, previous=previous, rows=rows, plan=plan_of(diagnosis, questionnaire)
    )


def plan_of(diagnosis: Diagnosis, questionnaire: Questionnaire) -> list[PlanStep]:
    given = answers_of(diagnosis)
    choices = {}
    for question_pk, choice_pk in given.items():
        choice = questionnaire.choice(choice_pk)
        if choice is not None:
            choices[question_pk] = choice
    scores = {axis.slug: diagnosis.scores.get(axis.slug) for axis in questionnaire.axes}
    steps = scoring.plan(questionnaire.answered(choices), scores, questionnaire.next_levels())
    templates = _templates_of(questionnaire)
    axes = {axis.slug: axis for axis in questionnaire.axes}
    return [
        PlanStep(
            number=number,
            template=templates[step.template],
            axis=axes[step.axis],
            ease=step.ease,
            reasons=step.reasons,
            next_level=step.next_level,
        )
        for number, step in enumerate(steps, start=1)
    ]


def _templates_of(questionnaire: Questionnaire) -> dict[str, MissionTemplate]:
    """The templates the questionnaire can propose, already fetched with it."""
    templates = {}
    for axis in questionnaire.axes:
        for next_level in axis.all_next_levels:
            templates[next_level.template.slug] = next_level.template
        for question in axis.active_questions:
            for choice in question.all_choices:
                for suggestion in choice.all_suggestions:
                    templates[suggestion.template.slug] = suggestion.template
    return templates
