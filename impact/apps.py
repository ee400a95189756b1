from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "impact"
    verbose_name = _("Valeur du travail et suivi d’utilisation")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from taxonomy.models import SkillDomain

        from .models import HourlyRate
        from .selectors import forget_rates

        # The rates kept in the cache (selectors.current_rates) hold the domains too.
        for model in (HourlyRate, SkillDomain):
            post_save.connect(forget_rates, sender=model, dispatch_uid=f"forget_rates_{model}")
            post_delete.connect(
                forget_rates, sender=model, dispatch_uid=f"forget_rates_del_{model}"
            )

    def personal_data(self, user) -> dict:
        """The adoption questions she answered for her association."""
        from .models import AdoptionCheck

        return {
            "adoption_answers": [
                {
                    "mission": check.mission.title,
                    "day": check.day,
                    "answer": check.answer,
                    "answered_at": check.answered_at and check.answered_at.isoformat(),
                }
                for check in AdoptionCheck.objects.filter(answered_by=user)
                .select_related("mission")
                .order_by("pk")
            ],
        }

    def erase_personal_data(self, user) -> None:
        from .models import AdoptionCheck, HourlyRate

        # The answer stays the association's; who gave it goes.
        AdoptionCheck.objects.filter(answered_by=user).update(answered_by=None)
        HourlyRate.objects.filter(updated_by=user).update(updated_by=None)
