from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Journal")

    def personal_data(self, user) -> list[dict]:
        """What the person did that the journal recorded."""
        from .services import events_by

        return events_by(user)

    def erase_personal_data(self, user) -> None:
        from .services import erase_for

        erase_for(user)
