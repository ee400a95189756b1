"""Background work of the credentials app."""

from django.tasks import task

from engagements.models import Application

from . import services


@task
def issue_credential(application_id: int) -> str | None:
    credential = services.issue_if_ready(Application.objects.get(pk=application_id))
    return credential and credential.public_id


@task
def credentials_tick() -> int:
    return services.issue_due()


@task
def issue_event_badges(event_id: int) -> int:
    from challenges.models import Event

    from .badges import issue_event_badges as issue

    return len(issue(Event.objects.get(pk=event_id)))
