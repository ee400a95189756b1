from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Écoles")

    def ready(self) -> None:
        from . import receivers

        receivers.connect()  # the school and cohorts on a student's profile

    def personal_data(self, user) -> dict:
        from .models import ClassProject, ClassProjectMember, CohortMembership

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
            "class_projects": [
                {
                    "project": place.project.name,
                    "mission": place.project.mission.title,
                    "role": place.role,
                    "lead": place.project.lead_id == user.pk,
                    "status": place.project.status,
                }
                for place in ClassProjectMember.objects.filter(student=user).select_related(
                    "project__mission"
                )
            ],
            "class_projects_proposed": [
                {
                    "project": project.name,
                    "mission": project.mission.title,
                    "message": project.message,
                    "status": project.status,
                }
                for project in ClassProject.objects.filter(teacher=user).select_related("mission")
            ],
        }

    def erase_personal_data(self, user) -> None:
        from .models import ClassProject, ClassProjectMember, CohortMembership

        # The school's lists no longer name a person who left the site; her engagement on
        # a class project's mission stays, as the association's record (engagements).
        CohortMembership.objects.filter(student=user).delete()
        ClassProjectMember.objects.filter(student=user).delete()
        ClassProject.objects.filter(lead=user).update(lead=None)
        ClassProject.objects.filter(teacher=user).update(message="")
        user.taught_cohorts.clear()
