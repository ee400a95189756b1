"""Reports of abuse on missions, organisations and profiles."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    class Reason(models.TextChoices):
        NOT_PRO_BONO = "not_pro_bono", _("Ce n’est pas une mission bénévole (travail déguisé)")
        INAPPROPRIATE = "inappropriate", _("Contenu choquant ou discriminatoire")
        SPAM = "spam", _("Publicité ou arnaque")
        BEHAVIOUR = "behaviour", _("Comportement irrespectueux")
        OTHER = "other", _("Autre raison")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    mission = models.ForeignKey(
        "missions.Mission", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    profile_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("raison"), max_length=20, choices=Reason)
    details = models.TextField(_("précisions"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.TextField(_("suite donnée"), blank=True)

    class Meta:
        verbose_name = _("signalement")
        ordering = ["-created_at"]
        constraints = [
            # A report is about exactly one thing.
            models.CheckConstraint(
                condition=(
                    models.Q(
                        mission__isnull=False, organization__isnull=True, profile_user__isnull=True
                    )
                    | models.Q(
                        mission__isnull=True, organization__isnull=False, profile_user__isnull=True
                    )
                    | models.Q(
                        mission__isnull=True, organization__isnull=True, profile_user__isnull=False
                    )
                ),
                name="report_has_one_target",
            )
        ]
        indexes = [models.Index(fields=["resolved_at", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} · {self.target}"

    @property
    def target(self):
        """The mission, organisation or person reported."""
        return self.mission or self.organization or self.profile_user

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
