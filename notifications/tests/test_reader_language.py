"""Notifications and the missions' history are kept as data and read in the reader's language."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.services import user_delete
from completion.services import work_deliver
from completion.tests.factories import engagement as make_engagement
from missions.models import MissionEvent, Status
from missions.tests.factories import MissionFactory
from notifications.models import Frequency, Notification
from notifications.services import anonymise_person_in_notifications, send_digests
from notifications.tests.factories import NotificationFactory, PreferenceFactory
from organizations.services import invitation_create
from organizations.tests.factories import AssociationFactory, MembershipFactory


@pytest.fixture
def delivered(association, martine, lea):
    """Léa handed her work over while everyone used the site in French."""
    mission = MissionFactory(
        organization=association,
        created_by=martine,
        status=Status.IN_PROGRESS,
        title="Affiche de la fête du jardin",
    )
    application = make_engagement(mission=mission, volunteer=lea)
    with translation.override("fr"):
        work_deliver(
            application=application, by=lea, hours=3, links=["https://example.org/affiche"]
        )
    return mission


def speaks_english(user) -> None:
    user.language = "en"
    user.save(update_fields=["language"])


def test_an_english_reader_sees_in_english_what_was_notified_in_french(client, delivered, martine):
    assert "Léa Martin a remis son travail" in Notification.objects.get(user=martine).title
    speaks_english(martine)
    client.force_login(martine)

    page = client.get(reverse("notifications:list")).text

    assert "Léa Martin has handed over their work for “Affiche de la fête du jardin”" in page
    assert "a remis son travail" not in page


def test_an_english_reader_sees_the_missions_history_in_english(client, delivered, martine):
    event = MissionEvent.objects.get(mission=delivered, to_status=Status.DELIVERED)
    assert event.reason == "Travail remis par Léa Martin."
    speaks_english(martine)
    client.force_login(martine)

    page = client.get(reverse("missions:detail", args=[delivered.pk])).text

    assert "Work handed over by Léa Martin." in page
    assert "Travail remis par" not in page


def test_a_french_reader_sees_the_same_history_in_french(client, delivered, martine):
    client.force_login(martine)

    page = client.get(reverse("missions:detail", args=[delivered.pk])).text

    assert "Travail remis par Léa Martin." in page


def test_a_summary_e_mail_speaks_the_language_of_its_recipient_when_it_leaves(
    commit, delivered, martine
):
    Notification.objects.filter(user=martine).update(
        email_frequency=Frequency.DAILY, emailed_at=None
    )
    PreferenceFactory(user=martine, category="missions", frequency=Frequency.DAILY)
    speaks_english(martine)
    mail.outbox.clear()

    commit(send_digests, frequency=Frequency.DAILY)

    [email] = mail.outbox
    assert "Léa Martin has handed over their work" in email.body
    assert "a remis son travail" not in email.body


def test_an_older_notification_without_data_shows_the_words_it_was_made_with(client, martine):
    NotificationFactory(user=martine, title="Martine Lefèvre vous a écrit", context=None)
    speaks_english(martine)
    client.force_login(martine)

    assert "Martine Lefèvre vous a écrit" in client.get(reverse("notifications:list")).text


def test_a_role_is_read_in_the_language_of_the_invited_person(client, martine, bruno):
    organization = AssociationFactory(name="Les Amis du Lavoir")
    MembershipFactory(organization=organization, user=martine, role="admin")
    with translation.override("fr"):
        invitation_create(organization=organization, email=bruno.email, role="member", by=martine)
    speaks_english(bruno)
    client.force_login(bruno)

    page = client.get(reverse("notifications:list")).text

    assert "with the role: member." in page
    assert "membre" not in page


# --- A deleted account --------------------------------------------------------------------
def test_deleting_an_account_takes_its_name_out_of_the_others_notifications(
    client, delivered, martine, lea
):
    user_delete(user=lea)

    notification = Notification.objects.get(user=martine)
    assert "Léa" not in str(notification.context)
    assert "Léa" not in notification.title + notification.body
    assert notification.title.startswith("Une personne dont le compte a été supprimé a remis")
    speaks_english(martine)
    client.force_login(martine)
    page = client.get(reverse("notifications:list")).text
    assert "Someone whose account was deleted has handed over their work" in page
    assert "Léa" not in page
    history = client.get(reverse("missions:detail", args=[delivered.pk])).text
    assert "Work handed over by someone whose account was deleted." in history
    assert "Léa" not in history


def test_anonymising_leaves_other_people_alone(delivered, martine, yacine, lea):
    other = AssociationFactory()
    MembershipFactory(organization=other, user=yacine)

    assert anonymise_person_in_notifications(yacine) == 0
    assert anonymise_person_in_notifications(lea) == 1
    assert "Léa" not in str(Notification.objects.get(user=martine).context)
