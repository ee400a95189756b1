"""Writes of the diagnosis: start or resume one, save a screen of answers, complete it,
turn the offer down."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from organizations.models import Organization

from . import scoring
from .models import Answer, Choice, Diagnosis, Dismissal, Question
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
