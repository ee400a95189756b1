"""A volunteer's profile: who they are, what they can do, when and where."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.links import lines
from geo.models import Commune
from taxonomy.models import Cause, Level, Skill


class WorkMode(models.TextChoices):
    REMOTE = "remote", _("à distance")
    ONSITE = "onsite", _("sur place")
    BOTH = "both", _("à distance ou sur place")


class VolunteerProfile(models.Model):
    class Kind(models.TextChoices):
        STUDENT = "student", _("Étudiant·e")
        PROFESSIONAL = "professional", _("Professionnel·le")
        EMPLOYEE = "employee", _("Salarié·e d’une entreprise (mécénat de compétences)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_profile"
    )
    kind = models.CharField(_("vous êtes"), max_length=20, choices=Kind, default=Kind.STUDENT)
    school_name = models.CharField(_("école ou université"), max_length=200, blank=True)
    school = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("école sur A-lasso"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="students",
    )
    programme = models.CharField(_("formation"), max_length=200, blank=True)
    graduation_year = models.PositiveSmallIntegerField(_("année de diplôme"), null=True, blank=True)
    company_name = models.CharField(_("entreprise"), max_length=200, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("heures disponibles par semaine"), default=3
    )
    available_from = models.DateField(_("disponible à partir du"), null=True, blank=True)
    available_until = models.DateField(_("disponible jusqu’au"), null=True, blank=True)
    work_mode = models.CharField(
        _("vous préférez aider"), max_length=10, choices=WorkMode, default=WorkMode.BOTH
    )
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    departement_code = models.CharField(max_length=3, blank=True, db_index=True)
    region_code = models.CharField(max_length=3, blank=True, db_index=True)
    causes = models.ManyToManyField(
        Cause, verbose_name=_("causes qui vous tiennent à cœur"), blank=True
    )
    bio = models.TextField(_("quelques mots sur vous"), blank=True)
    portfolio_links = models.TextField(_("liens vers vos travaux"), blank=True)
    is_public = models.BooleanField(_("profil visible par tous"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil de bénévole")
        verbose_name_plural = _("profils de bénévoles")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def link_list(self) -> list[str]:
        return lines(self.portfolio_links)


class VolunteerSkill(models.Model):
    profile = models.ForeignKey(VolunteerProfile, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("niveau"), choices=Level, default=Level.COMFORTABLE)

    class Meta:
        verbose_name = _("compétence")
        constraints = [
            models.UniqueConstraint(fields=["profile", "skill"], name="one_level_per_skill")
        ]
        indexes = [models.Index(fields=["skill", "level"])]

    def __str__(self) -> str:
        return f"{self.skill} ({self.get_level_display()})"
