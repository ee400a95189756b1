from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Socle")

    def ready(self) -> None:
        from django.urls import register_converter

        from . import checks  # noqa: F401  (registers the deployment checks)
        from .converters import IdConverter

        # `<id:pk>` in every urls.py: registered here, before any URLconf is read.
        register_converter(IdConverter, "id")
