from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeachingConfig(AppConfig):
    name = "teaching"
    verbose_name = _("Suivi pédagogique")

    def ready(self) -> None:
        from core.navigation import NavItem, register

        from . import receivers, roles

        roles.register()  # the `teacher` fact of core.roles
        receivers.connect()  # teachers read their students' profiles; validations on PDFs
        register(NavItem(_("Mes promotions"), "teaching:cohorts", roles.is_teacher, order=25))

    def personal_data(self, user) -> dict:
        from .models import Validation

        about = Validation.objects.filter(application__volunteer=user).select_related(
            "application__mission", "cohort__school"
        )
        given = Validation.objects.filter(teacher=user).select_related("cohort")
        return {
            "validations_received": [
                {
                    "mission": v.application.mission.title,
                    "school": v.cohort.school.name,
                    "cohort": v.cohort.name,
                    "verdict": v.verdict,
                    "comment": v.comment,
                    "updated_at": v.updated_at.isoformat(),
                }
                for v in about
            ],
            "validations_given": [
                {
                    "cohort": v.cohort.name,
                    "application": v.application_id,
                    "verdict": v.verdict,
                    "comment": v.comment,
                    "updated_at": v.updated_at.isoformat(),
                }
                for v in given
            ],
        }

    def erase_personal_data(self, user) -> None:
        from .models import Validation

        # A verdict about a person who left goes; one a teacher gave stays for the student
        # (and her attestation), without the teacher's name.
        Validation.objects.filter(application__volunteer=user).delete()
        Validation.objects.filter(teacher=user).update(teacher=None)
