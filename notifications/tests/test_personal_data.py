"""GDPR: the export lists the notifications; deleting the account deletes them."""

from accounts.services import user_delete, user_personal_data
from notifications.models import Frequency, Notification, Preference

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
