"""Writes of the diagnosis: start or resume one, save a screen of answers, complete it,
turn the offer down."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from missions.models import Mission, Status
from missions.services import mission_create
from organizations.models import Organization

from . import scoring
from .models import Answer, Choice, Diagnosis, Dismissal, PlanMission, Question
from .results import PlanStep
from .selectors import Questionnaire, answers_of


class DiagnosisIncomplete(ValidationError):
    """Raised with `params["step"]`, the first screen that still has an unanswered question."""


class DiagnosisClosed(ValidationError):
    pass


def diagnosis_start(*, organization: Organization, by: User) -> Diagnosis:
    """The association's diagnosis in progress, or a new one: members share a single one."""
    existing = Diagnosis.objects.filter(
        organization=organization, completed_at__isnull=True
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Diagnosis.objects.create(organization=organization, started_by=by)
    except IntegrityError:
        # Another member started one at the same moment: theirs is ours.
        return Diagnosis.objects.get(organization=organization, completed_at__isnull=True)


@transaction.atomic
def diagnosis_save_answers(*, diagnosis: Diagnosis, answers: dict[Question, Choice]) -> None:
    """Record the answers of one screen (all of them, or only some when saving halfway)."""
    # Lock the row: a member completing it at the same moment must not see half a screen.
    diagnosis = Diagnosis.objects.select_for_update().get(pk=diagnosis.pk)
    if diagnosis.is_completed:
        raise DiagnosisClosed(_("Ce diagnostic est terminé : ses réponses ne changent plus."))
    for question, choice in answers.items():
        if choice.question_id != question.pk:
            raise ValueError(f"choice {choice.pk} does not answer question {question.pk}")
        Answer.objects.update_or_create(
            diagnosis=diagnosis, question=question, defaults={"choice": choice}
        )
    diagnosis.save(update_fields=["updated_at"])


@transaction.atomic
def diagnosis_complete(*, diagnosis: Diagnosis, questionnaire: Questionnaire) -> Diagnosis:
    """Close the diagnosis and keep its scores as they are today."""
    locked = Diagnosis.objects.select_for_update().get(pk=diagnosis.pk)
    if locked.is_completed:
        return locked
    given = answers_of(locked)
    step = questionnaire.first_unanswered_step(set(given))
    if step is not None:
        raise DiagnosisIncomplete(
            _("Il reste des questions sans réponse à cette étape."),
            code="incomplete",
            params={"step": step},
        )
    choices = {question: questionnaire.choice(pk) for question, pk in given.items()}
    scores = scoring.axis_scores(
        questionnaire.answered({q: c for q, c in choices.items() if c is not None}),
        [axis.slug for axis in questionnaire.axes],
    )
    locked.scores = scores
    locked.overall = scoring.overall(scores)
    locked.completed_at = timezone.now()
    locked.save(update_fields=["scores", "overall", "completed_at", "updated_at"])
    return locked


def offer_dismiss(*, organization: Organization, by: User) -> None:
    """Stop offering the diagnosis on the association's dashboard and page."""
    Dismissal.objects.get_or_create(organization=organization, defaults={"by": by})


def need_from_answers(*, organization: Organization, step: PlanStep) -> str:
    """The need of a mission made from the plan, in the association's name: what the
    questionnaire found (quoted as it was said to the association) and what the mission
    will bring, so that a volunteer understands it without the diagnosis."""
    lines: list[object] = [
        _(
            "Nous avons répondu au questionnaire d’A-lasso sur le numérique dans notre "
            "association. Voici ce qu’il a relevé :"
        )
    ]
    lines += [f"– « {reason} »" for reason in step.reasons] or [f"– {step.axis.name}"]
    lines += [
        "",
        _("Ce que cette mission nous apportera : %(outcome)s") % {"outcome": step.template.outcome},
    ]
    return "\n".join(str(line) for line in lines)


def plan_step_mission(*, diagnosis: Diagnosis, step: PlanStep, by: User) -> tuple[Mission, bool]:
    """The mission of one plan step: made complete (need written from the answers, ready
    to send) on the first click, the same one on the next (a cancelled one is made anew).
    Returns the mission and whether it was just made."""
    existing = (
        PlanMission.objects.filter(diagnosis=diagnosis, template=step.template)
        .select_related("mission")
        .first()
    )
    if existing is not None and existing.mission.status != Status.CANCELLED:
        return existing.mission, False
    try:
        with transaction.atomic():
            if existing is not None:
                existing.delete()
            mission = mission_create(
                organization=diagnosis.organization,
                template=step.template,
                by=by,
                need=need_from_answers(organization=diagnosis.organization, step=step),
            )
            PlanMission.objects.create(
                diagnosis=diagnosis, template=step.template, mission=mission, by=by
            )
    except IntegrityError:
        # A double click: the first one made it.
        made = PlanMission.objects.select_related("mission").get(
            diagnosis=diagnosis, template=step.template
        )
        return made.mission, False
    return mission, True
