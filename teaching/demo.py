"""Demo verdicts: Sophie validates one completed mission of her design cohort and asks for
another to be improved, so that her dashboard, the students' dashboards and an attestation
show them."""

import datetime

from django.db.models import Min
from django.utils import timezone

from completion.models import Completion
from core.demo import DemoContext
from engagements.models import Application
from schools.models import Cohort, CohortMembership

from . import services
from .selectors import cohort_work

COMMENTS = {
    "validated": (
        "Travail sérieux et bien présenté à l’association : la mission compte pour votre "
        "unité d’enseignement « projet professionnel »."
    ),
    "to_improve": (
        "Le rendu est bon, mais votre note d’intention manque : ajoutez une page qui explique "
        "vos choix, puis je validerai."
    ),
}


def _in_class_since_september(cohort: Cohort) -> None:
    """The demo's students joined their cohort today, after the missions they did this
    year: say they joined at the start of the school year, as in real life."""
    memberships = CohortMembership.objects.filter(
        cohort=cohort, status=CohortMembership.Status.JOINED
    )
    first = Application.objects.filter(volunteer__in=memberships.values("student")).aggregate(
        first=Min("created_at")
    )["first"]
    september = timezone.make_aware(datetime.datetime(cohort.year, 9, 1))
    start = min(september, first - datetime.timedelta(days=1)) if first else september
    memberships.update(joined_at=start)


def build(ctx: DemoContext) -> None:
    cohorts = ctx.objects.get("cohorts", {})
    design: Cohort | None = cohorts.get("design")
    sophie = ctx.objects.get("users", {}).get("sophie")
    if design is None or sophie is None:
        return
    _in_class_since_september(design)
    completed = list(
        Application.objects.filter(
            cohort_work(design),
            status=Application.Status.ACCEPTED,
            completion__status=Completion.Status.COMPLETED,
        )
        .order_by("volunteer_id", "pk")
        .select_related("mission")
    )
    # Two students when there are, else two missions of one.
    by_student: dict[int, Application] = {}
    for application in completed:
        by_student.setdefault(application.volunteer_id, application)
    chosen = list(by_student.values())[:2]
    if len(chosen) < 2:
        chosen = completed[:2]
    for application, verdict in zip(chosen, ("validated", "to_improve"), strict=False):
        services.validation_give(
            application=application,
            cohort=design,
            by=sophie,
            verdict=verdict,
            comment=COMMENTS[verdict],
        )
    ctx.objects["validations"] = len(chosen)
