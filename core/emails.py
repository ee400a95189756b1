"""Every e-mail A-lasso sends goes through `send_email`: three templates in the recipient's
language, an `OutgoingEmail` row written in the caller's transaction, and a background task
that sends it once the transaction commits — again and again, for hours, while the mail
server refuses it.

Nothing is sent twice: a task sends an e-mail only after claiming its row with a conditional
UPDATE (queued and due → sending), and records the server's acceptance right after. One
window remains: if the worker dies after the server accepted the message but before that
record (the time to say goodbye to the server and write one row), `manage.py cron` queues
the e-mail again after EMAIL_SENDING_TIMEOUT and the person may get it twice — with the
same Message-ID, which lets their mail server or client drop the copy. Losing the e-mail
instead would be worse.
"""

import base64
import hashlib
import json
import logging
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parseaddr

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.tasks import TaskResultStatus, task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

Status = OutgoingEmail.Status
SEAL_SALT = "core.emails.OutgoingEmail.sealed_body"


@dataclass(frozen=True)
class Attachment:
    """A small file sent with an e-mail (an invitation's .ics): sealed with the body."""

    name: str
    content: bytes
    mimetype: str


def send_email(
    template: str,
    *,
    to: str,
    language: str,
    context: dict | None = None,
    key: str = "",
    attachments: Sequence[Attachment] = (),
) -> None:
    """Queue the e-mail `templates/emails/<template>/` for `to`; it leaves after the commit.

    `key`, when given, names the e-mail: a second call with the same key queues nothing
    (for a job that may run twice). `attachments` wait in the outbox sealed like the body.
    """
    subject, text, html = render_email(template, language=language, context=context or {})
    fields = {
        "template": template,
        "to": to,
        "subject": subject,
        "sealed_body": seal(text, html, attachments),
        "next_attempt_at": timezone.now(),
    }
    if key:
        email, created = OutgoingEmail.objects.get_or_create(key=key, defaults=fields)
        if not created:
            return
    else:
        email = OutgoingEmail.objects.create(**fields)
    transaction.on_commit(lambda: deliver_email.enqueue(email_id=email.pk))


def render_email(template: str, *, language: str, context: dict) -> tuple[str, str, str]:
    context = {"site_url": settings.SITE_URL, "site_name": settings.SITE_NAME, **context}
    with translation.override(language):
        subject = render_to_string(f"emails/{template}/subject.txt", context)
        text = render_to_string(f"emails/{template}/body.txt", context)
        html = render_to_string(f"emails/{template}/body.html", context)
    # A subject must fit on one line.
    return " ".join(subject.split()), text, html


# --- Sealing: the body waits for the mail server encrypted, not in clear -------------------
def _fernet() -> MultiFernet:
    # SECRET_KEY_FALLBACKS keep the e-mails queued before a key change readable.
    return MultiFernet(
        [
            Fernet(
                base64.urlsafe_b64encode(
                    salted_hmac(SEAL_SALT, "", secret=secret, algorithm="sha256").digest()
                )
            )
            for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
        ]
    )


def seal(text: str, html: str, attachments: Sequence[Attachment] = ()) -> str:
    body: dict = {"text": text, "html": html}
    if attachments:
        body["attachments"] = [
            [a.name, base64.b64encode(a.content).decode(), a.mimetype] for a in attachments
        ]
    return _fernet().encrypt(json.dumps(body).encode()).decode()


def unseal(sealed: str) -> tuple[str, str]:
    payload = json.loads(_fernet().decrypt(sealed.encode()))
    return payload["text"], payload["html"]


def unseal_attachments(sealed: str) -> list[Attachment]:
    payload = json.loads(_fernet().decrypt(sealed.encode()))
    return [
        Attachment(name, base64.b64decode(content), mimetype)
        for name, content, mimetype in payload.get("attachments", [])
    ]


# --- Sending -------------------------------------------------------------------------------
@task
def deliver_email(*, email_id: int) -> str:
    return deliver(email_id)


@task
def send_email_task(*, template: str, to: str, language: str, context: dict) -> None:
    """The task of the days before the outbox, for those still queued at the upgrade."""
    send_email(template, to=to, language=language, context=context)


class Unreadable(Exception):
    """The sealed body cannot be opened: SECRET_KEY changed without a fallback."""


def deliver(email_id: int, *, now: datetime | None = None) -> str:
    """Send the e-mail if it is due and nobody sent it; say what happened."""
    now = now or timezone.now()
    claimed = OutgoingEmail.objects.filter(
        pk=email_id, status=Status.QUEUED, next_attempt_at__lte=now
    ).update(status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return "not due"  # sent already, being sent, not due yet, or erased
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        try:
            text, html = unseal(email.sealed_body)
            attachments = unseal_attachments(email.sealed_body)
        except InvalidToken:
            raise Unreadable("the sealed body cannot be read (SECRET_KEY changed)") from None
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=text,
            to=[email.to],
            headers={"Message-ID": message_id(email.key)},
        )
        message.attach_alternative(html, "text/html")
        for attachment in attachments:
            message.attach(attachment.name, attachment.content, attachment.mimetype)
        message.send()
    except Exception as error:
        return _failed(email, error, now)
    OutgoingEmail.objects.filter(pk=email.pk, status=Status.SENDING).update(
        status=Status.SENT,
        finished_at=timezone.now(),
        sealed_body="",  # the links it held must not outlive the sending
        next_attempt_at=None,
        last_error="",
    )
    return "sent"


def message_id(key: str) -> str:
    # A caller's key may hold characters a Message-ID may not: its digest.
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "a-lasso.fr"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"


def is_permanent(error: Exception) -> bool:
    """The server said the address does not exist (5xx): asking again will not help."""
    if isinstance(error, Unreadable):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return False


def _failed(email: OutgoingEmail, error: Exception, now: datetime) -> str:
    delays = settings.EMAIL_RETRY_DELAYS
    description = f"{type(error).__name__}: {error}"[:1000]
    logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, description)
    mine = OutgoingEmail.objects.filter(pk=email.pk, status=Status.SENDING)
    if is_permanent(error) or email.attempts > len(delays):
        mine.update(
            status=Status.FAILED, finished_at=now, next_attempt_at=None, last_error=description
        )
        return "failed"
    retry_at = now + timedelta(seconds=delays[email.attempts - 1])
    mine.update(status=Status.QUEUED, next_attempt_at=retry_at, last_error=description)
    _enqueue(email.pk, run_after=retry_at)
    return "retry"


def _enqueue(email_id: int, *, run_after: datetime | None = None) -> None:
    deliverer = deliver_email
    if run_after is not None:
        if not deliverer.get_backend().supports_defer:
            return  # run in the request: `manage.py cron` sends it again when it is due
        deliverer = deliverer.using(run_after=run_after)
    deliverer.enqueue(email_id=email_id)


# --- Upkeep (`manage.py cron`), staff, and the right to be forgotten ------------------------
def emails_requeue(*, now: datetime | None = None) -> int:
    """Queue again the e-mails whose worker died while sending them, and those due for a
    while that no queued task will send (the task was lost, or tasks run in the request)."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.EMAIL_SENDING_TIMEOUT)
    stopped = "Interrupted: the worker stopped while sending it."
    interrupted = OutgoingEmail.objects.filter(status=Status.SENDING, claimed_at__lt=cutoff)
    interrupted.filter(attempts__gt=len(settings.EMAIL_RETRY_DELAYS)).update(
        status=Status.FAILED, finished_at=now, next_attempt_at=None, last_error=stopped
    )
    again = list(interrupted.values_list("pk", flat=True))
    OutgoingEmail.objects.filter(pk__in=again, status=Status.SENDING).update(
        status=Status.QUEUED, next_attempt_at=now, last_error=stopped
    )
    forgotten = set(
        OutgoingEmail.objects.filter(status=Status.QUEUED, next_attempt_at__lt=cutoff)
        .order_by()
        .values_list("pk", flat=True)
    )
    due = set(again) | (forgotten - _waiting_deliveries())
    for email_id in sorted(due):
        deliver_email.enqueue(email_id=email_id)
    return len(due)


def _waiting_deliveries() -> set[int]:
    """The e-mails a queued task will send: no need for another task."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = deliver_email.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return set()
    waiting = DBTaskResult.objects.filter(
        backend_name=backend.alias,
        task_path=deliver_email.module_path,
        status=TaskResultStatus.READY,
    ).values_list("args_kwargs", flat=True)
    return {row["kwargs"]["email_id"] for row in waiting}


def emails_prune(*, now: datetime | None = None) -> int:
    """Delete the e-mails sent, or given up, more than TASK_RETENTION_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.TASK_RETENTION_DAYS)
    deleted, _ = OutgoingEmail.objects.filter(
        status__in=[Status.SENT, Status.FAILED], finished_at__lt=cutoff
    ).delete()
    return deleted


def email_retry(*, email_ids: list[int], by) -> int:
    """Staff asks to try the failed e-mails `email_ids` again, with a new round of retries."""
    with transaction.atomic():
        ids = list(
            OutgoingEmail.objects.filter(pk__in=email_ids, status=Status.FAILED)
            .exclude(sealed_body="")
            .select_for_update()
            .values_list("pk", flat=True)
        )
        OutgoingEmail.objects.filter(pk__in=ids).update(
            status=Status.QUEUED, attempts=0, next_attempt_at=timezone.now(), finished_at=None
        )
        logger.info("E-mails %s queued again by user %s", ids, by.pk)
        for email_id in ids:
            transaction.on_commit(
                lambda email_id=email_id: deliver_email.enqueue(email_id=email_id)
            )
    return len(ids)


def emails_to(address: str):
    return OutgoingEmail.objects.filter(to__iexact=address)


def emails_erase(*, address: str) -> None:
    """Forget every e-mail to `address`, sent or waiting: nothing more goes to it."""
    emails_to(address).delete()
