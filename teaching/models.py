"""A teacher's verdict on a student's mission, for her cohort: validated, or to improve."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Validation(models.Model):
    """One verdict per engagement and cohort (a student in two cohorts may be validated by
    each); its states are in `teaching.lifecycle`. Changing one's mind updates the row, the
    audit log keeps every verdict given."""

    class Verdict(models.TextChoices):
        VALIDATED = "validated", _("validée")
        TO_IMPROVE = "to_improve", _("à améliorer")

    application = models.ForeignKey(
        "engagements.Application", on_delete=models.CASCADE, related_name="+"
    )
    cohort = models.ForeignKey("schools.Cohort", on_delete=models.CASCADE, related_name="+")
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verdict = models.CharField(_("avis"), max_length=12, choices=Verdict)
    comment = models.TextField(_("commentaire"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("validation pédagogique")
        verbose_name_plural = _("validations pédagogiques")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "cohort"], name="one_validation_per_cohort"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} · {self.cohort_id} · {self.verdict}"

    # Before a teacher gives a verdict there is no row: an unsaved one stands for it.
    NOT_GIVEN = "not_given"

    @property
    def state(self) -> str:
        return self.NOT_GIVEN if self.pk is None else self.verdict

    @property
    def is_validated(self) -> bool:
        return self.pk is not None and self.verdict == self.Verdict.VALIDATED

    @property
    def is_to_improve(self) -> bool:
        return self.pk is not None and self.verdict == self.Verdict.TO_IMPROVE
