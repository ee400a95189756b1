"""A real `manage.py db_worker` killed while it sends an e-mail: the e-mail still goes,
once. The worker is another process, so it shares the test database through a file
(SQLite) or the server (PostgreSQL), and the test's data must be committed."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.db import connection, transaction
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.emails import send_email
from core.models import OutgoingEmail
from core.tasks import LOST, mail_tick

from .smtp import SMTPServer

pytestmark = pytest.mark.django_db(transaction=True)

SECRET_KEY = "a-test-key-shared-with-the-worker-process-" + "x" * 20


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db(), "the worker needs the test database in a file"
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(smtp: SMTPServer, log: Path, *options: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "SECRET_KEY": SECRET_KEY,
        "DEBUG": "false",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp.port),
        "SMTP_USE_TLS": "false",
        "TASKS_BACKEND": "database",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
        + ["--interval", "0.2", *options],
        cwd=django_settings.BASE_DIR,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )


def wait_for(condition, what: str, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: still waiting after {timeout} s\n{log.read_text()}")
        time.sleep(0.1)


def test_a_worker_killed_while_sending_leaves_the_email_to_the_next_worker_sent_once(
    settings, tmp_path
):
    settings.SECRET_KEY = SECRET_KEY  # the worker must open the sealed body
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log = tmp_path / "worker.log"
    with SMTPServer(mode="hang") as smtp:
        with transaction.atomic():
            send_email(
                "notification",
                to="lea@example.org",
                language="fr",
                context={"title": "Nouvelle mission", "body": "Pour vous", "url": "/"},
            )
        email = OutgoingEmail.objects.get()
        first_task = DBTaskResult.objects.get()

        worker = start_worker(smtp, log)
        try:
            # The worker is connected to the mail server, which keeps silent.
            wait_for(smtp.hung.is_set, "the worker connecting to the mail server", log)
            email.refresh_from_db()
            first_task.refresh_from_db()
            assert email.status == OutgoingEmail.Status.SENDING
            assert first_task.status == TaskResultStatus.RUNNING
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(30)
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait(30)
        smtp.mode = "accept"
        smtp.release.set()

        # `manage.py cron`'s round, once the timeouts have passed.
        settings.TASK_RUNNING_TIMEOUT = 0
        settings.EMAIL_SENDING_TIMEOUT = 0
        assert mail_tick.call() == {"lost_tasks": 1, "emails_queued": 1}
        first_task.refresh_from_db()
        assert first_task.status == TaskResultStatus.FAILED
        assert first_task.exception_class_path == LOST

        second = start_worker(smtp, log, "--batch")
        try:
            assert second.wait(90) == 0, log.read_text()
        finally:
            if second.poll() is None:
                second.kill()
                second.wait(30)

    assert len(smtp.messages) == 1, log.read_text()
    assert b"Nouvelle mission" in smtp.messages[0]
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.SENT, 2)
    assert email.sealed_body == ""
