"""A volunteer's public book: one opt-in page with their work and references."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Addresses under /book/ that are pages of the site, never a person's book.
RESERVED_SLUGS = frozenset({"settings", "parametres", "images", "new", "edit", "admin"})


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
