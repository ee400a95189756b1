from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The top of the house: the home page and dashboard, which read every app; the cron
    table (`manage.py cron`), which queues every app's periodic work; the demo command.
    Nothing imports it (docs/architecture.md)."""

    name = "home"
    verbose_name = _("Accueil")

    def ready(self) -> None:
        from core.pagecache import forget_pages
        from engagements.signals import application_changed
        from missions.signals import mission_changed
        from organizations.signals import membership_changed
        from volunteers.signals import profile_changed

        # The events that forget the kept suggestion lists (matching/invalidation.py) forget
        # the kept public pages too: home, search, mission and association pages show them.
        for signal in (mission_changed, application_changed, membership_changed, profile_changed):
            signal.connect(forget_pages, dispatch_uid=f"home-forget-pages-{id(signal)}")
