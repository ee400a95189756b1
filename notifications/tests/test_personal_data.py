"""GDPR: the export lists the notifications; deleting the account deletes them, and takes
the person's name out of the notifications others received about her."""

from django.urls import reverse

from accounts.services import user_delete, user_personal_data
from engagements.services import application_create
from missions.tests.factories import MissionFactory
from notifications.models import Frequency, Notification, Preference
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import NotificationFactory, PreferenceFactory


def test_the_export_holds_the_notifications_and_the_choices(lea):
    NotificationFactory(user=lea, title="Votre candidature est acceptée")
    PreferenceFactory(user=lea, category="messages", frequency=Frequency.WEEKLY)

    data = user_personal_data(user=lea)["notifications"]

    assert [n["title"] for n in data["notifications"]] == ["Votre candidature est acceptée"]
    assert data["preferences"]["messages"] == "weekly"
    assert data["preferences"]["missions"] == "immediate"


def test_deleting_the_account_deletes_its_notifications_and_choices(lea, martine):
    NotificationFactory(user=lea)
    PreferenceFactory(user=lea)
    NotificationFactory(user=martine)

    user_delete(user=lea)

    assert not Notification.objects.filter(user=lea).exists()
    assert not Preference.objects.filter(user=lea).exists()
    assert Notification.objects.filter(user=martine).exists()


def test_other_peoples_notifications_no_longer_name_a_deleted_person(client, lea, martine, yacine):
    mission = MissionFactory(organization=martine.memberships.get().organization, status="open")
    VolunteerProfileFactory(user=lea)
    yacine.language = "en"
    yacine.save(update_fields=["language"])
    application_create(
        mission=mission, volunteer=lea, message="Je suis Léa Martin, joignable au 06 12 34 56 78."
    )
    about_someone_else = NotificationFactory(user=martine, title="Bruno Petit vous a écrit")
    assert Notification.objects.filter(user=martine, title__contains="Léa Martin").exists()

    user_delete(user=lea)

    for told in (martine, yacine):
        (notification,) = Notification.objects.filter(user=told, kind="application_received")
        assert "Léa" not in notification.title + notification.body
        assert "06 12 34 56 78" not in notification.body
    french = Notification.objects.get(user=martine, kind="application_received")
    assert french.title.startswith("Une personne dont le compte a été supprimé propose son aide")
    english = Notification.objects.get(user=yacine, kind="application_received")
    assert english.title.startswith("Someone whose account was deleted")
    about_someone_else.refresh_from_db()
    assert about_someone_else.title == "Bruno Petit vous a écrit"
    client.force_login(martine)
    assert "Léa Martin" not in client.get(reverse("notifications:list")).text


def test_the_sentence_still_reads_well_where_the_name_followed_de(lea, martine):
    NotificationFactory(
        user=martine, title="L’avis de Léa Martin sur votre association est visible"
    )

    user_delete(user=lea)

    assert Notification.objects.get(user=martine).title == (
        "L’avis d’une personne dont le compte a été supprimé sur votre association est visible"
    )


def test_a_short_name_is_only_replaced_where_it_is_a_whole_word(lea, martine):
    lea.full_name = "Ana"
    lea.save(update_fields=["full_name"])
    NotificationFactory(user=martine, title="Ana vous a écrit au sujet de « Banane »")

    user_delete(user=lea)

    (notification,) = Notification.objects.filter(user=martine)
    assert notification.title == (
        "Une personne dont le compte a été supprimé vous a écrit au sujet de « Banane »"
    )
