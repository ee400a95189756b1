import factory
from django.utils import timezone

from accounts.models import User

PASSWORD = "un mot de passe solide"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    full_name = factory.Faker("name", locale="fr_FR")
    intent = User.Intent.VOLUNTEER
    email_verified_at = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])
