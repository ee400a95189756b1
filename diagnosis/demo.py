"""Demo diagnoses: about half the associations have taken it, some several times with
progress in between, one is halfway through, a few turned the offer down, and the rest
still see it offered on their dashboard."""

import datetime

from django.utils import timezone

from core.demo import DemoContext
from organizations.models import Membership, Organization

from . import scoring
from .models import Answer, Choice, Diagnosis, Dismissal, Question
from .selectors import Questionnaire, questionnaire

BATCH = 2000


def _associations(ctx: DemoContext) -> list[Organization]:
    associations = ctx.objects.get("associations")
    if associations is None:
        associations = list(
            Organization.objects.filter(kind=Organization.Kind.ASSOCIATION).order_by("pk")
        )
    return list(associations)


def _answer(ctx: DemoContext, question: Question, maturity: float) -> Choice:
    """A plausible answer for an association this mature (0 weak … 1 strong) in the axis."""
    counted = sorted(
        (c for c in question.all_choices if c.score is not None), key=lambda c: c.score
    )
    not_concerned = [c for c in question.all_choices if c.score is None]
    if not_concerned and ctx.rng.random() < 0.08:
        return ctx.rng.choice(not_concerned)
    position = min(max(maturity + ctx.rng.uniform(-0.25, 0.25), 0), 0.999)
    return counted[int(position * len(counted))]


def _sitting(
    ctx: DemoContext, form: Questionnaire, maturity: dict[str, float], *, steps: int | None = None
) -> dict[Question, Choice]:
    """Answers to the first `steps` screens (all of them by default)."""
    answers = {}
    for axis in form.axes[: steps if steps is not None else len(form.axes)]:
        for question in axis.active_questions:
            answers[question] = _answer(ctx, question, maturity[axis.slug])
    return answers


def build(ctx: DemoContext) -> None:
    associations = _associations(ctx)
    form = questionnaire()
    if not associations or not form.axes:
        ctx.objects["diagnoses"] = []
        return
    admins: dict[int, int] = {}
    for organization_id, user_id in (
        Membership.objects.filter(organization__in=[a.pk for a in associations])
        .order_by("role", "pk")
        .values_list("organization_id", "user_id")
    ):
        admins.setdefault(organization_id, user_id)  # admins first ("admin" < "member")
    now = timezone.now()

    # Martine's association retook it and progressed; Yacine's is halfway through; the
    # third (a judo club) has not started, so its dashboard offers it. Then about half
    # of the others, some more than once, and a few that said "no thanks".
    rest = associations[3:]
    takers = ctx.rng.sample(rest, k=len(rest) // 2)
    refusers = ctx.rng.sample([a for a in rest if a not in takers], k=min(3, len(rest) // 6))
    sittings: dict[Organization, int] = dict.fromkeys(takers, 1)
    for association in ctx.rng.sample(takers, k=len(takers) // 3):
        sittings[association] = ctx.rng.choice([2, 2, 3])
    plans = [(associations[0], 2, False)]
    if len(associations) > 1:
        plans.append((associations[1], 0, True))
    plans += [(association, count, False) for association, count in sittings.items()]

    diagnoses, answers_of = [], []
    for association, count, halfway in ctx.progress(plans, desc="Autodiagnostics"):
        maturity = {axis.slug: ctx.rng.uniform(0.05, 0.8) for axis in form.axes}
        # The first sitting some months ago, the next ones every few months since.
        started = now - datetime.timedelta(days=ctx.rng.randint(60, 90) * max(count, 1))
        for _ in range(count):
            started = min(started, now - datetime.timedelta(days=ctx.rng.randint(2, 20)))
            answers = _sitting(ctx, form, maturity)
            choices = {question.pk: choice for question, choice in answers.items()}
            scores = scoring.axis_scores(form.answered(choices), [axis.slug for axis in form.axes])
            diagnoses.append(
                Diagnosis(
                    organization=association,
                    started_by_id=admins.get(association.pk),
                    started_at=started,
                    completed_at=started + datetime.timedelta(minutes=ctx.rng.randint(4, 12)),
                    scores=scores,
                    overall=scoring.overall(scores),
                )
            )
            answers_of.append(answers)
            # Missions done in between: the association grew stronger, mostly where weak.
            for axis in form.axes:
                maturity[axis.slug] = min(1, maturity[axis.slug] + ctx.rng.uniform(0.05, 0.35))
            started += datetime.timedelta(days=ctx.rng.randint(60, 90))
        if halfway:
            diagnoses.append(
                Diagnosis(
                    organization=association,
                    started_by_id=admins.get(association.pk),
                    started_at=now - datetime.timedelta(days=ctx.rng.randint(1, 6)),
                )
            )
            answers_of.append(_sitting(ctx, form, maturity, steps=len(form.axes) // 2))

    Diagnosis.objects.bulk_create(diagnoses, batch_size=BATCH)
    Answer.objects.bulk_create(
        (
            Answer(diagnosis=diagnosis, question=question, choice=choice)
            for diagnosis, answers in zip(diagnoses, answers_of, strict=True)
            for question, choice in answers.items()
        ),
        batch_size=BATCH,
    )
    Dismissal.objects.bulk_create(
        Dismissal(organization=association, by_id=admins.get(association.pk))
        for association in refusers
    )
    ctx.objects["diagnoses"] = diagnoses
