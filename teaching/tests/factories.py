import factory
from django.utils import timezone

from completion.models import Completion
from completion.tests.factories import CompletionFactory, engagement
from engagements.tests.factories import MissionFactory
from teaching.models import Validation


def completed_engagement(student, association, *, title="Une affiche", hours=14, **fields):
    """An engagement of `student` with `association`, its end confirmed (`hours` hours)."""
    mission = MissionFactory(organization=association, title=title, status="completed", **fields)
    application = engagement(mission=mission, volunteer=student)
    CompletionFactory(
        application=application, status=Completion.Status.COMPLETED, confirmed_hours=hours
    )
    return application


class ValidationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Validation

    verdict = Validation.Verdict.VALIDATED
    comment = "Bon travail."
    updated_at = factory.LazyFunction(timezone.now)
