import datetime

import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from engagements.models import Agreement, Application
from missions.models import Licence, Mission
from organizations.tests.factories import AssociationFactory


class MissionFactory(factory.django.DjangoModelFactory):
    """An open, remote mission for one volunteer."""

    class Meta:
        model = Mission

    organization = factory.SubFactory(AssociationFactory, verified=True)
    title = factory.Sequence(lambda n: f"Un logo pour la fête n°{n}")
    need = "Nous voulons un logo simple pour notre fête de quartier."
    deliverables = "Un logo en couleur\nUne version noir et blanc"
    effort_hours = 15
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=37))
    team_size = 1
    licence = Licence.FREE_USE
    status = "open"
    published_at = factory.LazyFunction(timezone.now)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    mission = factory.SubFactory(MissionFactory)
    volunteer = factory.SubFactory(UserFactory)
    message = "Bonjour, je serais ravie de vous aider."
    status = Application.Status.PENDING


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    application = factory.SubFactory(ApplicationFactory, status=Application.Status.ACCEPTED)
    scope = factory.LazyAttribute(lambda o: o.application.mission.need)
    deliverables = factory.LazyAttribute(lambda o: o.application.mission.deliverables)
    hours = 15
    licence = Licence.FREE_USE
