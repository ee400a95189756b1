import datetime

import factory
from django.utils import timezone

from missions import lifecycle
from missions.models import Licence, Mission, MissionSkill, Status
from organizations.tests.factories import AssociationFactory
from taxonomy.models import Level, Skill


class MissionFactory(factory.django.DjangoModelFactory):
    """An open, remote mission asking for a logo designer (pass `skills=[...]` to change)."""

    class Meta:
        model = Mission
        skip_postgeneration_save = True

    organization = factory.SubFactory(AssociationFactory, verified=True)
    title = factory.Sequence(lambda n: f"Un logo pour la fête de quartier n°{n}")
    need = "Nous voulons un logo simple pour notre fête de quartier."
    deliverables = "Un logo en couleur\nUne version en noir et blanc"
    effort_hours = 15
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=40))
    team_size = 1
    licence = Licence.FREE_USE
    status = Status.OPEN
    wizard_step = 3
    departement_code = factory.LazyAttribute(lambda o: o.organization.departement_code)
    region_code = factory.LazyAttribute(lambda o: o.organization.region_code)
    published_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status in lifecycle.PUBLIC else None
    )

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):
        if not create:
            return
        slugs = ["logo"] if extracted is None else extracted
        MissionSkill.objects.bulk_create(
            MissionSkill(mission=obj, skill=skill, min_level=Level.LEARNING)
            for skill in Skill.objects.filter(slug__in=slugs)
        )


class DraftFactory(MissionFactory):
    status = Status.DRAFT
    wizard_step = 0
