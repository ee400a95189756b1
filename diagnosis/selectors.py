"""Reads of the diagnosis: the questionnaire, an association's diagnoses, the lookups that
check membership, and what the dashboard offers."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    BooleanField,
    DateTimeField,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.sql import table
from organizations.models import Organization
from organizations.selectors import get_organization_for_member

from . import scoring
from .models import (
    Answer,
    Axis,
    Choice,
    Diagnosis,
    Dismissal,
    NextLevel,
    PlanMission,
    Question,
    Suggestion,
)


@dataclass
class Questionnaire:
    """The active questions by axis, each with its choices and their suggestions (five
    queries, whatever the size)."""

    axes: list[Axis]

    def __post_init__(self) -> None:
        self.questions = [q for axis in self.axes for q in axis.active_questions]  # type: ignore[attr-defined]  # prefetched to_attr
        self._choices = {c.pk: c for q in self.questions for c in q.all_choices}

    @property
    def steps(self) -> int:
        return len(self.axes)

    def axis_at(self, step: int) -> Axis:
        if not 1 <= step <= len(self.axes):
            raise Http404
        return self.axes[step - 1]

    def choice(self, pk: int) -> Choice | None:
        return self._choices.get(pk)

    def first_unanswered_step(self, answered: set[int]) -> int | None:
        """The first screen with a question not yet answered (ids in `answered`)."""
        for step, axis in enumerate(self.axes, start=1):
            if any(q.pk not in answered for q in axis.active_questions):  # type: ignore[attr-defined]  # prefetched to_attr
                return step
        return None

    def answered(self, choices: dict[int, Choice]) -> list[scoring.Answered]:
        """The scoring's view of answers given as {question id: choice}."""
        result = []
        for question in self.questions:
            choice = choices.get(question.pk)
            if choice is None:
                continue
            result.append(
                scoring.Answered(
                    axis=question.axis_slug,
                    weight=question.weight,
                    score=choice.score,
                    finding=choice.finding,
                    suggestions=tuple(
                        scoring.Suggestion(template=s.template.slug, ease=s.ease)
                        for s in choice.all_suggestions  # type: ignore[attr-defined]  # prefetched to_attr
                    ),
                )
            )
        return result

    def next_levels(self) -> dict[str, list[scoring.NextLevel]]:
        return {
            axis.slug: [
                scoring.NextLevel(template=n.template.slug, ease=n.ease, why=n.why)
                for n in axis.all_next_levels  # type: ignore[attr-defined]  # prefetched to_attr
            ]
            for axis in self.axes
        }


def questionnaire() -> Questionnaire:
    active_templates = {"template__is_active": True}
    suggestions = Suggestion.objects.filter(**active_templates).select_related("template")
    choices = Choice.objects.order_by("order", "pk").prefetch_related(
        Prefetch("suggestions", queryset=suggestions, to_attr="all_suggestions")
    )
    questions = (
        Question.objects.filter(is_active=True)
        .order_by("order", "slug")
        .prefetch_related(Prefetch("choices", queryset=choices, to_attr="all_choices"))
    )
    next_levels = (
        NextLevel.objects.filter(**active_templates)
        .select_related("template")
        .order_by("order", "pk")
    )
    axes = list(
        Axis.objects.order_by("order", "slug").prefetch_related(
            Prefetch("questions", queryset=questions, to_attr="active_questions"),
            Prefetch("next_levels", queryset=next_levels, to_attr="all_next_levels"),
        )
    )
    for axis in axes:
        for question in axis.active_questions:
            question.axis_slug = axis.slug  # type: ignore[attr-defined]  # prefetched to_attr
    # An axis without any question (all retired by staff) has no screen.
    return Questionnaire(axes=[axis for axis in axes if axis.active_questions])


def get_association_for_member(request, slug: str) -> Organization:
    """The association `slug` if the requester belongs to it: 403 for others, 404 when it
    does not exist or is not an association (schools have no diagnosis)."""
    organization = get_organization_for_member(request, slug)
    if not organization.is_association:
        raise Http404
    return organization


def get_diagnosis_for_member(request, slug: str, pk: int) -> Diagnosis:
    organization = get_association_for_member(request, slug)
    diagnosis = get_object_or_404(Diagnosis, pk=pk, organization=organization)
    diagnosis.organization = organization
    return diagnosis


def in_progress(organization: Organization) -> Diagnosis | None:
    return (
        Diagnosis.objects.filter(organization=organization, completed_at__isnull=True)
        .select_related("started_by")
        .first()
    )


def completed(organization: Organization) -> QuerySet[Diagnosis]:
    return Diagnosis.objects.filter(organization=organization, completed_at__isnull=False).order_by(
        "-completed_at", "-pk"
    )


def latest_completed(organization: Organization) -> Diagnosis | None:
    return completed(organization).first()


def previous_of(diagnosis: Diagnosis) -> Diagnosis | None:
    """The diagnosis completed just before this one, to measure progress."""
    return completed(diagnosis.organization).filter(completed_at__lt=diagnosis.completed_at).first()


def answers_of(diagnosis: Diagnosis | None) -> dict[int, int]:
    """{question id: choice id} of a diagnosis."""
    if diagnosis is None:
        return {}
    return dict(Answer.objects.filter(diagnosis=diagnosis).values_list("question_id", "choice_id"))


@dataclass
class Offer:
    """What an association's dashboard says about the diagnosis."""

    organization: Organization
    latest_pk: int | None = None
    latest_at: object = None
    latest_overall: int | None = None
    in_progress_pk: int | None = None
    dismissed: bool = False

    @property
    def invite(self) -> bool:
        """Offer to take it: never done, nothing started, not turned down."""
        return not (self.latest_pk or self.in_progress_pk or self.dismissed)


def offer_annotations(organization: str = "pk") -> dict:
    """What an offer reads of an association's diagnoses, as annotations of a query whose
    `organization` is the association (its own primary key, or a foreign key to it): a
    query that loads the associations anyway tells their offers too."""
    done = Diagnosis.objects.filter(
        organization=OuterRef(organization), completed_at__isnull=False
    ).order_by("-completed_at", "-pk")
    return {
        "latest_pk": Subquery(done.values("pk")[:1]),
        "latest_at": Subquery(done.values("completed_at")[:1]),
        "latest_overall": Subquery(done.values("overall")[:1]),
        "in_progress_pk": Subquery(
            Diagnosis.objects.filter(
                organization=OuterRef(organization), completed_at__isnull=True
            ).values("pk")[:1]
        ),
        "dismissed": Exists(Dismissal.objects.filter(organization=OuterRef(organization))),
    }


def offer_annotations_sql(model, column: str) -> dict:
    """`offer_annotations` written out, for a query on `model` whose `column` is the
    association's id: the association's home page asks it on every visit, and building the
    five subqueries with the ORM took longer than the database took to answer them.
    test_offer.test_the_written_out_annotations_match_the_orm keeps the two the same."""
    outer = f"{table(model)}.{connection.ops.quote_name(column)}"
    done = (
        f"FROM {table(Diagnosis)} d WHERE d.organization_id = {outer}"
        " AND d.completed_at IS NOT NULL ORDER BY d.completed_at DESC, d.id DESC LIMIT 1"
    )
    return {
        "latest_pk": RawSQL(f"SELECT d.id {done}", [], output_field=IntegerField()),
        "latest_at": RawSQL(f"SELECT d.completed_at {done}", [], output_field=DateTimeField()),
        "latest_overall": RawSQL(f"SELECT d.overall {done}", [], output_field=IntegerField()),
        # At most one in progress (the constraint `one_diagnosis_in_progress`).
        "in_progress_pk": RawSQL(
            f"SELECT d.id FROM {table(Diagnosis)} d WHERE d.organization_id = {outer}"
            " AND d.completed_at IS NULL LIMIT 1",
            [],
            output_field=IntegerField(),
        ),
        "dismissed": RawSQL(
            f"EXISTS (SELECT 1 FROM {table(Dismissal)} x WHERE x.organization_id = {outer})",
            [],
            output_field=BooleanField(),
        ),
    }


def offer_of(organization: Organization, annotated) -> Offer:
    """The offer of `organization`, from a row annotated with `offer_annotations()`."""
    return Offer(
        organization=organization,
        latest_pk=annotated.latest_pk,
        latest_at=annotated.latest_at,
        latest_overall=annotated.latest_overall,
        in_progress_pk=annotated.in_progress_pk,
        dismissed=annotated.dismissed,
    )


def offers_for(organizations: list[Organization]) -> dict[int, Offer]:
    """The diagnosis offer for each association, in one query."""
    if not organizations:
        return {}
    rows = (
        Organization.objects.filter(pk__in=[o.pk for o in organizations])
        .only("pk")
        .annotate(**offer_annotations())
    )
    by_pk = {o.pk: o for o in organizations}
    return {row.pk: offer_of(by_pk[row.pk], row) for row in rows}


def plan_missions(diagnosis: Diagnosis) -> dict[str, object]:
    """{template slug: mission} for the steps of the plan already turned into missions."""
    return {
        link.template.slug: link.mission
        for link in PlanMission.objects.filter(diagnosis=diagnosis).select_related(
            "template", "mission"
        )
    }
