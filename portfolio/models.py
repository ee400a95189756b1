"""A volunteer's public book: one opt-in page with their work and references."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Addresses under /book/ that are pages of the site, never a person's book.
RESERVED_SLUGS = frozenset({"settings", "parametres", "images", "new", "edit", "admin", "answers"})


class Portfolio(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portfolio"
    )
    slug = models.SlugField(_("adresse de votre book"), max_length=60, unique=True)
    headline = models.CharField(_("votre titre"), max_length=120, blank=True)
    is_public = models.BooleanField(_("publier mon book"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("book")
        verbose_name_plural = _("books")

    def __str__(self) -> str:
        return self.slug


class BookAnswer(models.Model):
    """A challenge event's team answer shown in one member's book: her own choice, never the
    team's (another member may keep it out of hers). Its files stay private unless she
    chooses to show them too."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="book_answers"
    )
    team = models.ForeignKey("challenges.Team", on_delete=models.CASCADE, related_name="+")
    show_files = models.BooleanField(_("montrer aussi les fichiers de la réponse"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("réponse de défi dans un book")
        constraints = [
            models.UniqueConstraint(fields=["user", "team"], name="one_book_answer_per_team")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.team}"
