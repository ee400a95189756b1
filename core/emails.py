"""Every e-mail A-lasso sends goes through `send_email`: three templates, the recipient's
language, and a background task that does the sending once the transaction commits."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation


def send_email(template: str, *, to: str, language: str, context: dict | None = None) -> None:
    """Queue the e-mail `templates/emails/<template>/` for `to`.

    `context` must be JSON-serialisable: the task renders the message in the worker.
    """
    transaction.on_commit(
        lambda: send_email_task.enqueue(
            template=template, to=to, language=language, context=context or {}
        )
    )


def render_email(template: str, *, language: str, context: dict) -> tuple[str, str, str]:
    context = {"site_url": settings.SITE_URL, "site_name": settings.SITE_NAME, **context}
    with translation.override(language):
        subject = render_to_string(f"emails/{template}/subject.txt", context)
        text = render_to_string(f"emails/{template}/body.txt", context)
        html = render_to_string(f"emails/{template}/body.html", context)
    # A subject must fit on one line.
    return " ".join(subject.split()), text, html


@task
def send_email_task(*, template: str, to: str, language: str, context: dict) -> None:
    subject, text, html = render_email(template, language=language, context=context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to])
    message.attach_alternative(html, "text/html")
    message.send()
