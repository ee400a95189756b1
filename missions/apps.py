from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MissionsConfig(AppConfig):
    name = "missions"
    verbose_name = _("Missions")

    def ready(self) -> None:
        from core.navigation import NavItem, register

        from . import receivers
        from .selectors import has_association

        receivers.connect()

        register(NavItem(_("Missions"), "missions:list", lambda user: True, order=10))
        register(NavItem(_("Mes missions"), "missions:mine", has_association, order=15))

    def personal_data(self, user) -> list[dict]:
        """The missions the person wrote for an association (those she worked on are in
        her applications)."""
        from .models import Mission

        return [
            {
                "title": mission.title,
                "organization": mission.organization.name,
                "status": mission.status,
                "need": mission.need,
                "created_at": mission.created_at.isoformat(),
            }
            for mission in Mission.objects.filter(created_by=user).select_related("organization")
        ]

    def erase_personal_data(self, user) -> None:
        from .services import anonymise_person_in_history

        anonymise_person_in_history(user)
