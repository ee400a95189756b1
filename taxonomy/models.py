"""Skills (in domains), skill levels and causes: shipped as data, edited by staff."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.translation import LocalizedName


class Level(models.IntegerChoices):
    LEARNING = 1, _("j’apprends")
    COMFORTABLE = 2, _("à l’aise")
    EXPERT = 3, _("expert·e")


class SkillDomain(LocalizedName, models.Model):
    slug = models.SlugField(unique=True)
    name_fr = models.CharField(_("nom (français)"), max_length=100)
    name_en = models.CharField(_("nom (anglais)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("domaine de compétences")
        verbose_name_plural = _("domaines de compétences")
        ordering = ["order", "slug"]


class Skill(LocalizedName, models.Model):
    domain = models.ForeignKey(SkillDomain, on_delete=models.PROTECT, related_name="skills")
    slug = models.SlugField(unique=True)
    name_fr = models.CharField(_("nom (français)"), max_length=100)
    name_en = models.CharField(_("nom (anglais)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("compétence")
        ordering = ["domain__order", "order", "slug"]


class Cause(LocalizedName, models.Model):
    slug = models.SlugField(unique=True)
    name_fr = models.CharField(_("nom (français)"), max_length=100)
    name_en = models.CharField(_("nom (anglais)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("cause")
        ordering = ["order", "slug"]
