from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementsConfig(AppConfig):
    name = "engagements"
    verbose_name = _("Candidatures et engagements")

    def ready(self) -> None:
        from core.navigation import NavItem, register

        from . import hooks
        from .selectors import is_volunteer

        hooks.connect()

        register(NavItem(_("Mes candidatures"), "engagements:mine", is_volunteer, order=40))

    def personal_data(self, user) -> list[dict]:
        from .models import Application

        applications = Application.objects.filter(volunteer=user).select_related(
            "mission", "agreement"
        )
        data = []
        for application in applications:
            agreement = getattr(application, "agreement", None)
            data.append(
                {
                    "mission": application.mission.title,
                    "status": application.status,
                    "message": application.message,
                    "answer": application.answer,
                    "created_at": application.created_at.isoformat(),
                    "answered_at": application.answered_at and application.answered_at.isoformat(),
                    "agreement": agreement
                    and {
                        "scope": agreement.scope,
                        "deliverables": agreement.deliverables,
                        "hours": agreement.hours,
                        "licence": agreement.licence,
                        "volunteer_confirmed_at": agreement.volunteer_confirmed_at
                        and agreement.volunteer_confirmed_at.isoformat(),
                    },
                }
            )
        return data

    def erase_personal_data(self, user) -> None:
        from .models import Application
        from .signals import application_changed

        # The association keeps the record of who helped; the person's own words go, and
        # what was still waiting for an answer is taken back.
        applications = Application.objects.filter(volunteer=user)
        waiting = applications.filter(
            status__in=[Application.Status.PENDING, Application.Status.INVITED]
        )
        mission_ids = list(waiting.values_list("mission_id", flat=True))
        waiting.update(status=Application.Status.WITHDRAWN)
        applications.update(message="")
        for mission_id in mission_ids:
            application_changed.send(
                sender=Application, volunteer_id=user.pk, mission_id=mission_id
            )
