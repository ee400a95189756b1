from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "challenges"
    verbose_name = _("Défis")

    def personal_data(self, user) -> dict:
        from .models import Registration

        registrations = Registration.objects.filter(student=user).select_related("event", "team")
        return {
            "challenge_registrations": [
                {
                    "event": r.event.title,
                    "team": r.team.name if r.team else None,
                    "registered_at": r.registered_at.isoformat(),
                }
                for r in registrations
            ],
        }

    def erase_personal_data(self, user) -> None:
        from .services import registrations_erase

        registrations_erase(user=user)
