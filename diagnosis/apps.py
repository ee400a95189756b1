from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiagnosisConfig(AppConfig):
    name = "diagnosis"
    verbose_name = _("Bilan numérique")

    def personal_data(self, user) -> list[dict]:
        """A diagnosis belongs to its association, not to a person: its answers describe the
        association and stay with it. What is personal is only that this person started
        it, so the export lists the diagnoses they started."""
        from .models import Diagnosis

        diagnoses = Diagnosis.objects.filter(started_by=user).select_related("organization")
        return [
            {
                "organization": diagnosis.organization.name,
                "started_at": diagnosis.started_at.isoformat(),
                "completed_at": diagnosis.completed_at and diagnosis.completed_at.isoformat(),
            }
            for diagnosis in diagnoses
        ]

    def erase_personal_data(self, user) -> None:
        # The association keeps its diagnoses and their answers; only the link to the
        # person who started one, or turned the offer down, goes.
        from .models import Diagnosis, Dismissal

        Diagnosis.objects.filter(started_by=user).update(started_by=None)
        Dismissal.objects.filter(by=user).update(by=None)
