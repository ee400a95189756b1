import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from taxonomy.models import Cause, Level, Skill
from volunteers.models import VolunteerProfile, VolunteerSkill, WorkMode


class VolunteerProfileFactory(factory.django.DjangoModelFactory):
    """A graphic-design student in Nantes, private unless told otherwise."""

    class Meta:
        model = VolunteerProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    kind = VolunteerProfile.Kind.STUDENT
    school_name = "École de design de Nantes"
    programme = "Design graphique"
    graduation_year = factory.LazyFunction(lambda: timezone.localdate().year + 1)
    hours_per_week = 6
    work_mode = WorkMode.BOTH
    commune_id = "44109"
    departement_code = "44"
    region_code = "52"
    bio = "J’aime créer des affiches."

    @factory.post_generation
    def causes(obj, create, extracted, **kwargs):
        # causes=["culture", "environment"]: slugs of the shipped causes
        if create and extracted:
            obj.causes.set(Cause.objects.filter(slug__in=extracted))

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):
        # skills={"figma": Level.EXPERT}: slugs of the shipped skills and their levels
        if create and extracted:
            found = Skill.objects.in_bulk(list(extracted), field_name="slug")
            VolunteerSkill.objects.bulk_create(
                VolunteerSkill(profile=obj, skill=found[slug], level=level)
                for slug, level in extracted.items()
            )


class VolunteerSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerSkill

    profile = factory.SubFactory(VolunteerProfileFactory)
    skill = factory.LazyFunction(lambda: Skill.objects.get(slug="figma"))
    level = Level.COMFORTABLE
