"""Every write of the teaching app: a teacher's verdict on a student's mission."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import audit
from accounts.models import User
from completion.models import Completion
from engagements.models import Application
from notifications.services import notify
from schools.models import Cohort

from .lifecycle import VALIDATION, not_given
from .models import Validation
from .selectors import in_cohort_work, is_teacher_of

ACTIONS = {
    Validation.Verdict.VALIDATED: "validate",
    Validation.Verdict.TO_IMPROVE: "ask_improvement",
}


def facts_for(*, application: Application, cohort: Cohort, by: User) -> dict:
    """What the lifecycle's guards need to know (three small queries)."""
    return {
        "is_teacher": is_teacher_of(by, cohort),
        "in_scope": in_cohort_work(cohort, application),
        "completed": Completion.objects.filter(
            application_id=application.pk, status=Completion.Status.COMPLETED
        ).exists(),
    }


@transaction.atomic
def validation_give(
    *, application: Application, cohort: Cohort, by: User, verdict: str, comment: str = ""
) -> Validation:
    """A teacher of `cohort` validates the student's completed mission, or asks her to
    improve it, with a comment the student reads. The student is told; the attestation
    prints a validated mission."""
    # One verdict at a time per engagement: the application row is the lock.
    application = (
        Application.objects.select_for_update()
        .select_related("mission__organization", "volunteer")
        .get(pk=application.pk)
    )
    validation = Validation.objects.select_for_update().filter(
        application=application, cohort=cohort
    ).first() or not_given(application, cohort)
    validation.application = application
    action = ACTIONS[Validation.Verdict(verdict)]
    transition = VALIDATION.check(
        validation, action, by, **facts_for(application=application, cohort=cohort, by=by)
    )
    validation.verdict = transition.target
    validation.comment = comment.strip()
    validation.teacher = by
    validation.updated_at = timezone.now()
    validation.save()
    audit.log(
        actor=by,
        verb=f"validation.{transition.target}",
        target=application,
        data={"mission": application.mission_id, "cohort": cohort.pk},
    )
    notify(
        users=[application.volunteer],
        kind="teacher_validation",
        context={
            "mission": application.mission.title,
            "organization": application.mission.organization.name,
            "teacher": by.full_name,
            "cohort": cohort.name,
            "verdict": validation.verdict,
            "note": validation.comment,
        },
        url=reverse("core:home"),
    )
    return validation
