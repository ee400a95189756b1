"""Daily and weekly summaries: one e-mail per person, each notification mailed once."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection
from django.utils import timezone

from accounts.tests.factories import UserFactory
from notifications.models import Frequency, Notification
from notifications.services import DIGEST_LIMIT, send_digests

from .factories import NotificationFactory


def test_each_person_gets_one_summary_listing_titles_and_links(commit, lea, martine):
    NotificationFactory(
        user=lea, title="Martine vous a écrit", url="/messages/7/", email_frequency=Frequency.DAILY
    )
    NotificationFactory(
        user=lea,
        title="Votre candidature est acceptée",
        url="/applications/3/",
        email_frequency=Frequency.DAILY,
    )
    NotificationFactory(user=martine, title="Nouvelle candidature", email_frequency=Frequency.DAILY)

    sent = commit(send_digests, frequency="daily")

    assert sent == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["lea@example.org", "martine@example.org"]
    email = next(m for m in mail.outbox if m.to == ["lea@example.org"])
    assert "2 nouvelles notifications" in email.subject
    assert "Martine vous a écrit\n  http://testserver/messages/7/" in email.body
    assert "Votre candidature est acceptée" in email.body
    assert "http://testserver/notifications/preferences/" in email.body
    assert 'href="http://testserver/applications/3/"' in email.alternatives[0].content
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_running_the_digest_twice_sends_each_summary_once(commit, lea):
    NotificationFactory.create_batch(2, user=lea, email_frequency=Frequency.DAILY)

    first = commit(send_digests, frequency="daily")
    second = commit(send_digests, frequency="daily")

    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 1


def test_the_command_run_twice_sends_each_summary_once(commit, lea, martine):
    NotificationFactory(user=lea, email_frequency=Frequency.DAILY)
    NotificationFactory(user=martine, email_frequency=Frequency.WEEKLY)

    commit(call_command, "notifications_tick", "--frequency", "daily", stdout=None)
    commit(call_command, "notifications_tick", "--frequency", "daily", stdout=None)
    commit(call_command, "notifications_tick", "--frequency", "weekly", stdout=None)
    commit(call_command, "notifications_tick", "--frequency", "weekly", stdout=None)

    assert sorted(m.to[0] for m in mail.outbox) == ["lea@example.org", "martine@example.org"]
    weekly = next(m for m in mail.outbox if m.to == ["martine@example.org"])
    assert "Votre semaine" in weekly.subject


def test_a_new_notification_after_a_summary_goes_in_the_next_one(commit, lea):
    NotificationFactory(user=lea, title="Avant", email_frequency=Frequency.DAILY)
    commit(send_digests, frequency="daily")
    NotificationFactory(user=lea, title="Après", email_frequency=Frequency.DAILY)

    commit(send_digests, frequency="daily")

    assert len(mail.outbox) == 2
    assert "Après" in mail.outbox[1].body
    assert "Avant" not in mail.outbox[1].body


def test_the_summary_never_repeats_what_was_already_mailed_or_is_off(commit, lea):
    NotificationFactory(
        user=lea,
        title="Déjà envoyée",
        email_frequency=Frequency.IMMEDIATE,
        emailed_at=timezone.now(),
    )
    NotificationFactory(user=lea, title="Sans e-mail", email_frequency=Frequency.OFF)
    NotificationFactory(user=lea, title="Pour la semaine", email_frequency=Frequency.WEEKLY)
    NotificationFactory(user=lea, title="Pour le résumé", email_frequency=Frequency.DAILY)

    commit(send_digests, frequency="daily")

    body = mail.outbox[0].body
    assert "Pour le résumé" in body
    for title in ("Déjà envoyée", "Sans e-mail", "Pour la semaine"):
        assert title not in body


def test_rows_already_claimed_by_another_worker_are_left_to_it(commit, lea):
    claimed_elsewhere = NotificationFactory(user=lea, email_frequency=Frequency.DAILY)
    # Another worker stamps the row between our listing and our claim.
    Notification.objects.filter(pk=claimed_elsewhere.pk).update(emailed_at=timezone.now())

    assert commit(send_digests, frequency="daily") == 0
    assert mail.outbox == []


def test_notifications_created_after_the_run_started_wait_for_the_next_one(commit, lea):
    NotificationFactory(user=lea, email_frequency=Frequency.DAILY)

    sent = commit(send_digests, frequency="daily", now=timezone.now() - timedelta(minutes=1))

    assert sent == 0


def test_the_summary_is_written_in_the_persons_language(commit, db):
    english = UserFactory(email="sam@example.org", full_name="Sam Taylor", language="en")
    NotificationFactory(user=english, email_frequency=Frequency.DAILY)

    commit(send_digests, frequency="daily")

    assert mail.outbox[0].to == ["sam@example.org"]
    assert '<html lang="en">' in mail.outbox[0].alternatives[0].content


def test_a_long_summary_lists_the_first_ones_and_links_to_the_rest(commit, lea):
    NotificationFactory.create_batch(DIGEST_LIMIT + 4, user=lea, email_frequency=Frequency.DAILY)

    commit(send_digests, frequency="daily")

    body = mail.outbox[0].body
    assert body.count("Martine Lefèvre vous a écrit") == DIGEST_LIMIT
    assert "… et 4 autres notifications" in body


def test_deactivated_accounts_get_no_summary(commit, lea):
    NotificationFactory(user=lea, email_frequency=Frequency.DAILY)
    lea.is_active = False
    lea.save(update_fields=["is_active"])

    commit(send_digests, frequency="daily")

    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_two_workers_running_at_once_send_each_summary_once():
    people = UserFactory.create_batch(6)
    for person in people:
        NotificationFactory.create_batch(2, user=person, email_frequency=Frequency.DAILY)
    barrier = threading.Barrier(2, timeout=20)
    outcomes = []

    def worker():
        try:
            barrier.wait()
            for _ in range(500):
                try:
                    send_digests(frequency="daily")
                    break
                except OperationalError as error:
                    # The shared in-memory SQLite of the tests answers "locked" at once where
                    # a file database would wait; running again is safe: that is the point.
                    if connection.vendor != "sqlite" or "locked" not in str(error):
                        raise
                    time.sleep(0.01)
            outcomes.append("done")
        except Exception as error:  # reported below rather than lost in the thread
            outcomes.append(repr(error))
        finally:
            connection.close()  # each thread has its own connection

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()

    assert outcomes == ["done", "done"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
