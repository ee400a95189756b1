import factory
from django.utils import timezone

from completion.models import Completion
from completion.tests.factories import CompletionFactory, engagement
from engagements.tests.factories import MissionFactory
from schools.models import ClassProject, ClassProjectMember
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


def class_project(cohort, application, *, name="Identité des jardins", role="typographie"):
    """The class project of `cohort` through which `application`'s student took its mission
    (accepted by the association), with her role in the team."""
    project = ClassProject.objects.create(
        cohort=cohort,
        mission=application.mission,
        name=name,
        lead=application.volunteer,
        status=ClassProject.Status.ACCEPTED,
    )
    ClassProjectMember.objects.create(project=project, student=application.volunteer, role=role)
    return project
