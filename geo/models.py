"""French administrative geography: régions, départements and communes (INSEE codes)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import searchable


class Region(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)

    class Meta:
        verbose_name = _("région")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Departement(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="departements")

    class Meta:
        verbose_name = _("département")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Commune(models.Model):
    insee = models.CharField(_("code INSEE"), max_length=5, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    # Lower case, no accents, no hyphens: "saint etienne" finds "Saint-Étienne".
    search_name = models.CharField(max_length=100, db_index=True)
    departement = models.ForeignKey(Departement, on_delete=models.PROTECT, related_name="+")
    # Denormalised from the département so that filters by région need no join.
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    postal_codes = models.CharField(_("codes postaux"), max_length=200, blank=True)
    population = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("commune")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.postal_code or self.departement_id})"

    @property
    def postal_code(self) -> str:
        return self.postal_codes.split(" ")[0] if self.postal_codes else ""

    def save(self, *args, **kwargs):
        self.search_name = searchable(self.name)
        super().save(*args, **kwargs)
