"""Background work of the notifications app: the summary e-mails."""

from django.tasks import task

from . import services


@task
def send_digests(*, frequency: str) -> int:
    return services.send_digests(frequency=frequency)
