from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Modération")

    def ready(self) -> None:
        from core.navigation import NavItem, register

        from .selectors import is_moderator

        # No pending count here: the header is on every page and must stay cheap.
        register(NavItem(_("Modération"), "moderation:queue", is_moderator, order=94))

    def personal_data(self, user) -> list[dict]:
        """The reports the person made (what others reported about them stays internal)."""
        from .models import Report

        reports = Report.objects.filter(reporter=user).select_related(
            "mission", "organization", "profile_user"
        )
        return [
            {
                "about": str(report.target),
                "reason": report.reason,
                "details": report.details,
                "created_at": report.created_at.isoformat(),
                "handled_at": report.resolved_at and report.resolved_at.isoformat(),
            }
            for report in reports
        ]

    def erase_personal_data(self, user) -> None:
        from .models import Report

        # The reports stay, for the safety of others; who made them goes.
        Report.objects.filter(reporter=user).update(reporter=None)
