from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The top of the house: the home page and dashboard, which read every app; the cron
    table (`manage.py cron`), which queues every app's periodic work; the demo command.
    Nothing imports it (docs/architecture.md)."""

    name = "home"
    verbose_name = _("Accueil")
