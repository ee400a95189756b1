"""Fault (b): a real `manage.py db_worker` killed (SIGKILL) in the middle of a queue of
e-mails; after `manage.py cron`'s round another worker empties the queue. No e-mail is
lost and none is sent twice; no task stays running or waiting."""

import os
import signal
import subprocess
from collections import Counter
from email import message_from_bytes

import pytest
from django.db import transaction
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.emails import send_email
from core.models import OutgoingEmail
from core.tasks import LOST, mail_tick

from .smtp import SMTPServer
from .test_email_worker import SECRET_KEY, start_worker, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

QUEUE = 12
KILLED_AT = 5  # the worker is killed while it sends the sixth e-mail


class SlowingSMTPServer(SMTPServer):
    """Accepts KILLED_AT messages, then falls silent: the worker is stuck mid-queue."""

    stuck_once = False

    def received(self, message: bytes) -> None:
        super().received(message)
        with self._lock:
            if len(self.messages) == KILLED_AT and not self.stuck_once:
                self.stuck_once = True
                self.mode = "hang"


def test_a_worker_killed_mid_queue_loses_no_email_and_sends_none_twice(settings, tmp_path):
    assert subprocess  # this module starts other processes (marked slow by conftest too)
    settings.SECRET_KEY = SECRET_KEY
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log = tmp_path / "worker.log"
    with SlowingSMTPServer() as smtp:
        with transaction.atomic():
            for number in range(QUEUE):
                send_email(
                    "notification",
                    to=f"benevole{number}@example.org",
                    language="fr",
                    context={"title": f"Mission {number}", "body": "Pour vous", "url": "/"},
                )
        assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == QUEUE

        worker = start_worker(smtp, log)
        try:
            wait_for(smtp.hung.is_set, "the worker stuck mid-queue", log, timeout=40)
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(20)
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait(20)
        counts = Counter(OutgoingEmail.objects.values_list("status", flat=True))
        assert counts[OutgoingEmail.Status.SENT] == KILLED_AT
        assert counts[OutgoingEmail.Status.SENDING] == 1
        assert counts[OutgoingEmail.Status.QUEUED] == QUEUE - KILLED_AT - 1
        smtp.mode = "accept"
        smtp.release.set()

        settings.TASK_RUNNING_TIMEOUT = 0
        settings.EMAIL_SENDING_TIMEOUT = 0
        assert mail_tick.call() == {"lost_tasks": 1, "emails_queued": 1}

        second = start_worker(smtp, log, "--batch")
        try:
            assert second.wait(45) == 0, log.read_text()
        finally:
            if second.poll() is None:
                second.kill()
                second.wait(20)

    received = Counter(message_from_bytes(raw)["To"] for raw in smtp.messages)
    assert received == Counter(f"benevole{number}@example.org" for number in range(QUEUE))
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {
        OutgoingEmail.Status.SENT
    }
    tasks = Counter(DBTaskResult.objects.values_list("status", flat=True))
    assert tasks == {TaskResultStatus.SUCCESSFUL: QUEUE, TaskResultStatus.FAILED: 1}
    assert DBTaskResult.objects.get(status=TaskResultStatus.FAILED).exception_class_path == LOST
