from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from django.core.signals import request_finished

        from core.navigation import NavItem, authenticated, register

        from .navigation import CountedLabel, forget_request
        from .selectors import unread_count_for_request

        register(
            NavItem(
                CountedLabel(_("Notifications"), unread_count_for_request),
                "notifications:list",
                authenticated,
                order=70,
            )
        )
        request_finished.connect(forget_request, dispatch_uid="notifications_forget_request")

    def personal_data(self, user) -> dict:
        from .services import personal_data

        return personal_data(user)

    def erase_personal_data(self, user) -> None:
        from .services import erase_personal_data

        erase_personal_data(user)
