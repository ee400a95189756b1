import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from missions import lifecycle
from missions.models import Mission, Status
from moderation.models import Report
from organizations.tests.factories import AssociationFactory, MembershipFactory


# No commune: browser tests flush the database, and with it the shipped communes.
class PendingAssociationFactory(AssociationFactory):
    verification = "pending"
    commune_id = None

    @factory.post_generation
    def admin(obj, create, extracted, **kwargs):
        # Every real association has at least one admin: the person who registered it.
        if create:
            MembershipFactory(organization=obj, user=extracted or UserFactory(), role="admin")


class MissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mission

    organization = factory.SubFactory(AssociationFactory, verified=True, commune_id=None)
    title = factory.Sequence(lambda n: f"Affiche de la fête de quartier n°{n}")
    need = "Une affiche A3 pour annoncer la fête du quartier en juin."
    status = Status.SUBMITTED
    created_by = factory.SubFactory(UserFactory)
    published_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status in lifecycle.PUBLIC else None
    )


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    reporter = factory.SubFactory(UserFactory)
    mission = factory.SubFactory(MissionFactory, status=Status.OPEN)
    reason = Report.Reason.NOT_PRO_BONO
    details = "On me demande 35 heures par semaine."
