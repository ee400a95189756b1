from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = _("Books des bénévoles")

    def personal_data(self, user) -> dict | None:
        from .models import Portfolio

        portfolio = Portfolio.objects.filter(user=user).first()
        if portfolio is None:
            return None
        return {
            "slug": portfolio.slug,
            "headline": portfolio.headline,
            "is_public": portfolio.is_public,
            "published_at": portfolio.published_at and portfolio.published_at.isoformat(),
            "created_at": portfolio.created_at.isoformat(),
        }

    def erase_personal_data(self, user) -> None:
        # A public page about a person who left: it goes entirely, its address is freed.
        from .models import Portfolio

        Portfolio.objects.filter(user=user).delete()
