from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Écoles")

    def ready(self) -> None:
        from . import receivers

        receivers.connect()  # the school and cohorts on a student's profile

    def personal_data(self, user) -> dict:
        from .models import CohortMembership

        memberships = CohortMembership.objects.filter(student=user).select_related("cohort__school")
        return {
            "cohorts": [
                {
                    "school": m.cohort.school.name,
                    "cohort": m.cohort.name,
                    "status": m.status,
                    "joined_at": m.joined_at.isoformat(),
                    "ended_at": m.ended_at and m.ended_at.isoformat(),
                }
                for m in memberships
            ],
        }

    def erase_personal_data(self, user) -> None:
        from .models import CohortMembership

        # The school's lists no longer name a person who left the site.
        CohortMembership.objects.filter(student=user).delete()
        user.taught_cohorts.clear()
