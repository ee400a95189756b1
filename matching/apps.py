from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _rank(sender, missions, user, today=None, **kwargs):
    """The "match" order of the mission search (`missions.signals.missions_ranked`)."""
    from .selectors import matches_first

    return matches_first(missions, user, today=today)


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Suggestions et recherche")

    def ready(self) -> None:
        from core.navigation import NavItem, register
        from missions.signals import missions_ranked
        from notifications.weekly import register_section
        from volunteers.selectors import has_volunteer_profile

        from . import digest, invalidation

        invalidation.connect()
        missions_ranked.connect(_rank, dispatch_uid="matching-rank-missions")
        register_section(digest.SECTION)  # the week's new missions, in the weekly e-mail
        register(
            NavItem(
                _("Missions pour vous"),
                "matching:missions_for_you",
                has_volunteer_profile,
                order=12,
            )
        )
