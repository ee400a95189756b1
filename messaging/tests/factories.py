"""Factories for conversations, with the missions and applications they hang on.

Missions and applications are built directly here (not with the other apps' factories) so
that these tests only depend on the models.
"""

import factory
from django.core.files.base import ContentFile

from accounts.tests.factories import UserFactory
from engagements.models import Application
from messaging.models import Attachment, Message, Thread
from missions.models import Mission
from organizations.tests.factories import AssociationFactory

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


class MissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mission

    organization = factory.SubFactory(AssociationFactory)
    title = factory.Sequence(lambda n: f"Affiche pour la fête de quartier n°{n}")
    need = "Une affiche simple et lisible pour annoncer la fête du jardin."
    status = "open"


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    mission = factory.SubFactory(MissionFactory)
    volunteer = factory.SubFactory(UserFactory)
    status = Application.Status.PENDING
    message = "Bonjour, je suis étudiante en graphisme et j’aimerais vous aider."


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    mission = factory.SubFactory(MissionFactory)
    application = None


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = "Bonjour, voici une première idée."


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    message = factory.SubFactory(MessageFactory)
    file = factory.LazyFunction(lambda: ContentFile(PDF, name="devis.pdf"))
    name = "devis.pdf"
    size = len(PDF)
    content_type = "application/pdf"
