import datetime

import factory
from django.utils import timezone

from challenges.models import Challenge, Event
from organizations.tests.factories import AssociationFactory
from schools.tests.factories import SchoolFactory


def _at(days: int) -> datetime.datetime:
    return timezone.now().replace(hour=18, minute=0, second=0, microsecond=0) + datetime.timedelta(
        days=days
    )


class EventFactory(factory.django.DjangoModelFactory):
    """An event whose registration is open today, starting in twelve days."""

    class Meta:
        model = Event

    organiser = factory.SubFactory(SchoolFactory)
    title = factory.Sequence(lambda n: f"Nuit de l’innovation solidaire n°{n}")
    registration_opens = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=1)
    )
    registration_closes = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=10)
    )
    kick_off = factory.LazyFunction(lambda: _at(12))
    submission_deadline = factory.LazyFunction(lambda: _at(13))
    judging_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    results_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=15))
    place = "École de design, Nantes"
    capacity = 150
    rules = "Des équipes de 2 à 5 étudiant·es, une soirée, un jury."
    status = Event.Status.PUBLISHED


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    event = factory.SubFactory(EventFactory)
    association = factory.SubFactory(AssociationFactory, verified=True)
    title = factory.Sequence(lambda n: f"Faire connaître l’épicerie solidaire n°{n}")
    context = "Nous manquons de visibilité auprès des étudiant·es."
    good_answer = "Une affiche et trois messages pour nos réseaux."
    status = Challenge.Status.ACCEPTED
    submitted_at = factory.LazyFunction(timezone.now)
