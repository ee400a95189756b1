from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Socle")

    def ready(self) -> None:
        from django.urls import register_converter

        from . import checks  # noqa: F401  (registers the deployment checks)
        from .converters import IdConverter
        from .pagecache import connect as forget_pages_on_writes

        # `<id:pk>` in every urls.py: registered here, before any URLconf is read.
        register_converter(IdConverter, "id")
        # Any model written: the kept public pages are forgotten (core/pagecache.py).
        forget_pages_on_writes()

    def personal_data(self, user) -> list[dict]:
        """The e-mails sent to the person and still kept (their contents are not)."""
        from .emails import emails_to

        return [
            {
                "subject": email.subject,
                "status": email.status,
                "created_at": email.created_at.isoformat(),
            }
            for email in emails_to(user.email)
        ]

    def erase_personal_data(self, user) -> None:
        from .emails import emails_erase

        emails_erase(address=user.email)
