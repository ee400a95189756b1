import factory

from accounts.tests.factories import UserFactory
from notifications.models import Frequency, Notification, Preference


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(UserFactory)
    kind = "message_received"
    title = factory.Sequence(lambda n: f"Martine Lefèvre vous a écrit (n°{n})")
    body = "Bonjour, avez-vous pu avancer sur l’affiche ?"
    url = "/messages/1/"
    email_frequency = Frequency.IMMEDIATE


class PreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Preference

    user = factory.SubFactory(UserFactory)
    category = "messages"
    frequency = Frequency.DAILY
