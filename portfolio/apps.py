from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = _("Books des bénévoles")

    def personal_data(self, user) -> dict | None:
        from .models import BookAnswer, Portfolio

        portfolio = Portfolio.objects.filter(user=user).first()
        answers = [
            {"team": answer.team_id, "show_files": answer.show_files}
            for answer in BookAnswer.objects.filter(user=user).order_by("pk")
        ]
        if portfolio is None:
            return {"challenge_answers": answers} if answers else None
        return {
            "challenge_answers": answers,
            "slug": portfolio.slug,
            "headline": portfolio.headline,
            "is_public": portfolio.is_public,
            "published_at": portfolio.published_at and portfolio.published_at.isoformat(),
            "created_at": portfolio.created_at.isoformat(),
        }

    def erase_personal_data(self, user) -> None:
        # A public page about a person who left: it goes entirely, its address is freed.
        from .models import BookAnswer, Portfolio

        Portfolio.objects.filter(user=user).delete()
        BookAnswer.objects.filter(user=user).delete()
