from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("Messagerie")

    def ready(self) -> None:
        from core.navigation import NavItem, authenticated, register
        from notifications.navigation import CountedLabel

        from .selectors import unread_count_for_request

        register(
            NavItem(
                CountedLabel(_("Messages"), unread_count_for_request),
                "messaging:inbox",
                authenticated,
                order=60,
            )
        )

    def personal_data(self, user) -> dict:
        from .services import personal_data

        return personal_data(user)

    def personal_files(self, user) -> list[tuple[str, object]]:
        """The files she attached to her messages."""
        from .models import Attachment

        attachments = Attachment.objects.filter(message__author=user).exclude(file="")
        return [(f"pieces-jointes/{a.pk}-{a.name}", a.file) for a in attachments.order_by("pk")]

    def erase_personal_data(self, user) -> None:
        from .services import erase_personal_data

        erase_personal_data(user)
