"""The retention rules: a dry run lists, a real run (with the clock frozen at the same
instant) deletes exactly what the dry run listed; inactive accounts are warned, then
anonymised 30 days later unless they logged in; the rules have their page and cron job."""

import re
import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.models import DataExport, User
from accounts.tests.factories import UserFactory
from home.management.commands.cron import JOBS
from messaging.models import Message
from messaging.tests.factories import MessageFactory
from notifications.models import Notification
from notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)
YEAR = timedelta(days=365)


@pytest.fixture
def frozen(monkeypatch):
    """The clock stops at NOW for everything that asks `timezone.now()`."""

    def freeze(at):
        monkeypatch.setattr(timezone, "now", lambda: at)

    freeze(NOW)
    return freeze


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


def listed(output: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for kind, pk in re.findall(r"^  (\w+) (\S+)$", output, re.MULTILINE):
        found.setdefault(kind, set()).add(pk)
    return found


def make_world():
    gone = UserFactory(email="gone@example.org")
    back = UserFactory(email="back@example.org")
    active = UserFactory(email="active@example.org")
    warned = UserFactory(email="warned@example.org")
    returned = UserFactory(email="returned@example.org")
    User.objects.filter(pk=gone.pk).update(last_login=NOW - 3 * YEAR - timedelta(days=1))
    User.objects.filter(pk=back.pk).update(
        date_joined=NOW - 5 * YEAR, last_login=NOW - 3 * YEAR + timedelta(days=2)
    )
    User.objects.filter(pk=active.pk).update(last_login=NOW - timedelta(days=3))
    # Warned 31 days ago and never back; warned 31 days ago and logged in since.
    User.objects.filter(pk=warned.pk).update(
        last_login=NOW - 4 * YEAR, inactivity_warned_at=NOW - timedelta(days=31)
    )
    User.objects.filter(pk=returned.pk).update(
        last_login=NOW - timedelta(days=10), inactivity_warned_at=NOW - timedelta(days=31)
    )
    old, _recent = MessageFactory(), MessageFactory()
    Message.objects.filter(pk=old.pk).update(created_at=NOW - 3 * YEAR - timedelta(days=1))
    old_note, _new = NotificationFactory(), NotificationFactory()
    Notification.objects.filter(pk=old_note.pk).update(created_at=NOW - YEAR - timedelta(days=1))
    common = {"priority": 0, "queue_name": "default", "backend_name": "default"}
    common |= {"task_path": "core.tasks.prune_tick", "args_kwargs": {"args": [], "kwargs": {}}}
    old_task = DBTaskResult.objects.create(
        id=uuid.uuid4(),
        status=TaskResultStatus.SUCCESSFUL,
        finished_at=NOW - timedelta(days=31),
        **common,
    )
    DBTaskResult.objects.create(
        id=uuid.uuid4(), status=TaskResultStatus.SUCCESSFUL, finished_at=NOW, **common
    )
    old_export = DataExport.objects.create(user=active, requested_at=NOW - timedelta(days=3))
    DataExport.objects.create(user=active, requested_at=NOW - timedelta(hours=1))
    return {
        "warn": {str(gone.pk)},
        "anonymise": {str(warned.pk)},
        "messages": {str(old.pk)},
        "notifications": {str(old_note.pk)},
        "tasks": {str(old_task.pk)},
        "exports": {str(old_export.pk)},
    }


def test_the_command_deletes_exactly_what_its_dry_run_listed(frozen, mailoutbox, commit):
    expected = make_world()
    before = {
        "messages": set(map(str, Message.objects.values_list("pk", flat=True))),
        "notifications": set(map(str, Notification.objects.values_list("pk", flat=True))),
        "tasks": set(map(str, DBTaskResult.objects.values_list("pk", flat=True))),
        "exports": set(map(str, DataExport.objects.values_list("pk", flat=True))),
    }

    dry = listed(run("--dry-run"))

    assert dry == expected
    # The dry run changed nothing.
    assert set(map(str, Message.objects.values_list("pk", flat=True))) == before["messages"]
    assert not User.objects.filter(email="gone@example.org", inactivity_warned_at__isnull=False)
    assert User.objects.filter(email="warned@example.org", is_active=True).exists()

    commit(run)

    for kind, model in [
        ("messages", Message),
        ("notifications", Notification),
        ("tasks", DBTaskResult),
        ("exports", DataExport),
    ]:
        left = set(map(str, model.objects.values_list("pk", flat=True)))
        assert before[kind] - left == dry[kind], kind
    gone = User.objects.get(email="gone@example.org")
    assert gone.inactivity_warned_at == NOW
    assert [m.to for m in mailoutbox] == [["gone@example.org"]]
    assert "30 jours" in mailoutbox[0].body
    (anonymised,) = User.objects.filter(pk__in=dry["anonymise"])
    assert not anonymised.is_active and "warned" not in anonymised.email
    assert User.objects.filter(email="returned@example.org", is_active=True).exists()
    assert User.objects.filter(email="back@example.org", inactivity_warned_at=None).exists()
    # Run again at the same instant: nothing left to do.
    assert listed(run("--dry-run")) == {}


def test_the_warned_person_who_logs_in_keeps_her_account_and_is_warned_again_later(frozen):
    person = UserFactory()
    User.objects.filter(pk=person.pk).update(last_login=NOW - 3 * YEAR - timedelta(days=1))
    run()
    frozen(NOW + timedelta(days=10))
    User.objects.filter(pk=person.pk).update(last_login=NOW + timedelta(days=10))  # she logs in
    frozen(NOW + timedelta(days=40))
    assert listed(run("--dry-run")) == {}
    run()
    assert User.objects.get(pk=person.pk).is_active
    # Three more years without her: a new warning, then the anonymisation.
    later = NOW + timedelta(days=10) + 3 * YEAR + timedelta(days=1)
    frozen(later)
    assert listed(run("--dry-run")) == {"warn": {str(person.pk)}}
    run()
    frozen(later + timedelta(days=30))
    assert listed(run("--dry-run")) == {"anonymise": {str(person.pk)}}
    run()
    assert not User.objects.get(pk=person.pk).is_active


def test_the_rules_have_their_page_and_a_daily_cron_job(client):
    text = client.get("/legal/retention/").content.decode()
    assert "3 ans sans connexion" in text and "Notifications" in text
    assert 'href="/legal/retention/"' in client.get("/legal/privacy/").content.decode()
    assert any(job.name == "retention" and job.every == "daily" for job in JOBS)
