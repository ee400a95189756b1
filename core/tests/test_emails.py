"""E-mails are not lost: a real mail server refuses, then accepts; nothing is sent twice,
no link stays in clear, old rows go, a deleted person's e-mails go."""

import importlib
import json
import signal
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.services import magic_link_send, user_delete, user_personal_data
from core.emails import (
    deliver,
    email_retry,
    emails_requeue,
    message_id,
    send_email,
    send_email_task,
    unseal,
)
from core.models import OutgoingEmail
from core.tasks import tasks_prune, tasks_reclaim
from home.management.commands.cron import QUARTERLY, period_of

from .smtp import SMTPServer

pytestmark = pytest.mark.django_db
Status = OutgoingEmail.Status


@pytest.fixture
def queued_tasks(settings):
    """Tasks go to the database and wait for a worker, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": server.port, "use_tls": False},
            }
        }
        yield server


# The worker closes the connection between tasks (close_old_connections): the test's data
# must be committed, not held in the test's transaction.
worker_test = pytest.mark.django_db(transaction=True)


def run_worker(*options: str) -> None:
    """`manage.py db_worker --batch`: run the tasks that are due, then stop."""
    # The worker installs its own signal handlers: give pytest its own back.
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command(
            "db_worker", "--batch", "--no-startup-delay", "--no-reload", *options, verbosity=0
        )
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def notify_lea(commit, **kwargs) -> OutgoingEmail:
    commit(
        send_email,
        "notification",
        to="lea@example.org",
        language="fr",
        context={"title": "Nouvelle mission", "body": "Une mission pour vous", "url": "/"},
        **kwargs,
    )
    return OutgoingEmail.objects.filter(to="lea@example.org").order_by("pk").last()


def staff_sees(client, staff, which: str) -> str:
    client.force_login(staff)
    response = client.get(f"/admin/core/outgoingemail/?attention={which}")
    assert response.status_code == 200
    return response.content.decode()


@worker_test
def test_a_refused_email_is_sent_once_when_the_server_accepts_again(
    commit, queued_tasks, smtp, settings, client, staff
):
    settings.EMAIL_RETRY_DELAYS = [0, 0]
    smtp.mode = "refuse"
    email = notify_lea(commit)

    run_worker("--max-tasks", "1")
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.QUEUED, 1)
    assert "421" in email.last_error
    assert smtp.messages == []
    # Staff sees it waiting for another try, with the server's answer.
    page = staff_sees(client, staff, "retrying")
    assert "lea@example.org" in page and "421" in page

    smtp.mode = "accept"
    run_worker()  # the retry, and nothing more: it was already queued
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENT, 2)
    assert len(smtp.messages) == 1
    assert b"Nouvelle mission" in smtp.messages[0]
    assert f"Message-ID: {message_id(email.key)}".encode() in smtp.messages[0]
    assert "lea@example.org" not in staff_sees(client, staff, "retrying")

    # Another task for the same e-mail (a duplicate, a retry of a retry) sends nothing.
    assert deliver(email.pk) == "not due"
    assert len(smtp.messages) == 1


@worker_test
def test_retries_go_on_for_hours_then_staff_sees_the_failure_and_retries_it(
    commit, queued_tasks, smtp, client, staff
):
    smtp.mode = "refuse"
    email = notify_lea(commit)
    tried_at = [timezone.now()]
    while email.status == Status.QUEUED:
        assert deliver(email.pk, now=email.next_attempt_at) in ("retry", "failed")
        tried_at.append(email.next_attempt_at)
        email.refresh_from_db()
        if email.status == Status.QUEUED:
            # The worker has the next try waiting in its queue, due at the right time.
            assert DBTaskResult.objects.filter(
                status=TaskResultStatus.READY, run_after=email.next_attempt_at
            ).exists()
    assert email.status == Status.FAILED
    assert email.attempts == 8 == smtp.sessions
    assert tried_at[2] - tried_at[1] == timedelta(minutes=1)
    assert tried_at[-1] - tried_at[1] > timedelta(hours=20)

    page = staff_sees(client, staff, "failed")
    assert "lea@example.org" in page and "421" in page

    smtp.mode = "accept"
    response = commit(
        client.post,
        "/admin/core/outgoingemail/",
        {"action": "retry", "_selected_action": [email.pk]},
    )
    assert response.status_code == 302
    run_worker()
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENT, 1)
    assert len(smtp.messages) == 1


def test_an_address_that_does_not_exist_is_not_tried_for_hours(commit, smtp):
    smtp.mode = "unknown"
    email = notify_lea(commit)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.FAILED, 1)
    assert "550" in email.last_error


def test_the_same_delivery_key_queues_one_email(commit):
    notify_lea(commit, key="digest:lea:2026-W10")
    notify_lea(commit, key="digest:lea:2026-W10")
    assert OutgoingEmail.objects.count() == 1
    assert len(mail.outbox) == 1


def test_without_a_worker_the_cron_round_sends_what_is_due(commit, smtp, settings):
    # Tasks run in the request (TASKS_BACKEND=immediate): no task can wait for later.
    settings.EMAIL_RETRY_DELAYS = [0]
    smtp.mode = "refuse"
    email = notify_lea(commit)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.QUEUED, 1)
    smtp.mode = "accept"
    assert emails_requeue() == 0  # due a moment ago: it may still be on its way
    later = timezone.now() + timedelta(seconds=settings.EMAIL_SENDING_TIMEOUT + 1)
    assert emails_requeue(now=later) == 1
    email.refresh_from_db()
    assert email.status == Status.SENT
    assert len(smtp.messages) == 1


@worker_test
def test_links_never_wait_in_clear_and_the_body_goes_once_sent(queued_tasks, commit, lea):
    commit(magic_link_send, email=lea.email)
    email = OutgoingEmail.objects.get()
    task_row = DBTaskResult.objects.get()
    # The task knows only which e-mail; the body waits sealed.
    assert task_row.args_kwargs == {"args": [], "kwargs": {"email_id": email.pk}}
    assert "login/link" in unseal(email.sealed_body)[0]
    assert "login/link" not in email.sealed_body

    run_worker()
    link = mail.outbox[0].body
    assert "http://testserver/account/login/link/" in link
    email.refresh_from_db()
    assert email.status == Status.SENT
    assert email.sealed_body == ""
    stored = json.dumps(list(DBTaskResult.objects.values("args_kwargs", "return_value")))
    assert "login/link" not in stored


def test_old_tasks_and_emails_are_deleted_after_the_retention_period(settings):
    settings.TASK_RETENTION_DAYS = 30
    now = timezone.now()
    old, recent = now - timedelta(days=31), now - timedelta(days=29)

    def task_row(status, finished_at):
        return DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="core.tasks.mail_tick",
            backend_name="default",
            status=status,
            finished_at=finished_at,
        )

    old_done = task_row(TaskResultStatus.SUCCESSFUL, old)
    old_failed = task_row(TaskResultStatus.FAILED, old)
    recent_done = task_row(TaskResultStatus.SUCCESSFUL, recent)
    waiting = task_row(TaskResultStatus.READY, None)

    def email(status, finished_at):
        row = OutgoingEmail.objects.create(template="notification", to="x@example.org")
        OutgoingEmail.objects.filter(pk=row.pk).update(status=status, finished_at=finished_at)
        return row

    email(Status.SENT, old)
    email(Status.FAILED, old)
    sent_lately = email(Status.SENT, recent)
    pending = email(Status.QUEUED, None)

    assert tasks_prune(now=now) == 2
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent_done.pk, waiting.pk}
    assert not DBTaskResult.objects.filter(pk__in=[old_done.pk, old_failed.pk]).exists()
    call_command("cron", "--only", "prune", verbosity=0)
    remaining = set(OutgoingEmail.objects.values_list("pk", flat=True))
    assert remaining == {sent_lately.pk, pending.pk}


def test_a_task_whose_worker_died_is_closed_after_the_timeout(settings):
    settings.TASK_RUNNING_TIMEOUT = 3600
    now = timezone.now()
    row = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="core.tasks.mail_tick",
        backend_name="default",
        status=TaskResultStatus.RUNNING,
        started_at=now - timedelta(minutes=59),
    )
    assert tasks_reclaim(now=now) == 0
    assert tasks_reclaim(now=now + timedelta(minutes=2)) == 1
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == "core.tasks.WorkerLost"


@worker_test
def test_deleting_an_account_erases_the_emails_to_that_person(queued_tasks, commit, lea):
    sent = notify_lea(commit)
    OutgoingEmail.objects.filter(pk=sent.pk).update(status=Status.SENT, sealed_body="")
    waiting = notify_lea(commit, key="waiting")
    other = OutgoingEmail.objects.create(template="notification", to="karim@example.org")

    exported = user_personal_data(user=lea)["core"]
    assert [email["subject"] for email in exported] == ["Nouvelle mission"] * 2
    user_delete(user=lea)

    assert list(OutgoingEmail.objects.values_list("pk", flat=True)) == [other.pk]
    assert deliver(waiting.pk) == "not due"  # its task finds nothing to send
    run_worker()
    assert mail.outbox == []


def test_the_cron_rounds_every_quarter_of_an_hour():
    at = timezone.make_aware(timezone.datetime(2026, 3, 2, 8, 47))
    assert period_of(QUARTERLY, at) == "2026-03-02T08:45"
    assert period_of(QUARTERLY, at + timedelta(minutes=13)) == "2026-03-02T09:00"


def test_only_failed_emails_with_their_contents_are_retried(staff):
    sent = OutgoingEmail.objects.create(template="x", to="a@example.org", status=Status.SENT)
    assert email_retry(email_ids=[sent.pk], by=staff) == 0


def test_the_upgrade_blanks_the_links_kept_in_old_finished_email_tasks():
    from django.apps import apps

    scrub = importlib.import_module("core.migrations.0002_scrub_old_email_tasks").scrub
    context = {"link": "http://testserver/account/login/link/secret/"}

    def old_task(status):
        return DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {"to": "lea@example.org", "context": context}},
            task_path="core.emails.send_email_task",
            backend_name="default",
            status=status,
        )

    done, waiting = old_task(TaskResultStatus.SUCCESSFUL), old_task(TaskResultStatus.READY)
    scrub(apps, None)
    done.refresh_from_db()
    waiting.refresh_from_db()
    assert done.args_kwargs == {"args": [], "kwargs": {}}
    assert waiting.args_kwargs["kwargs"]["context"] == context  # still to be sent


def test_an_email_task_queued_before_the_upgrade_is_still_sent(commit):
    commit(
        send_email_task.call,
        template="notification",
        to="lea@example.org",
        language="fr",
        context={"title": "Nouvelle mission", "body": "Pour vous", "url": "/"},
    )
    assert [message.subject for message in mail.outbox] == ["Nouvelle mission"]
    assert OutgoingEmail.objects.get().status == Status.SENT
