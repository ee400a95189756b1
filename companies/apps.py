from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Entreprises")

    def ready(self) -> None:
        from core.navigation import NavItem, register

        from . import receivers, roles

        roles.register()  # « Mon entreprise » in the header
        receivers.connect()  # her employer on her profile, the space on the company's page
        register(
            NavItem(_("Mon entreprise"), "companies:mine", roles.is_employee_or_manager, order=25)
        )

    def personal_data(self, user) -> dict:
        from .models import Employee, Sponsorship

        return {
            "employments": [
                {
                    "company": e.company.organization.name,
                    "status": e.status,
                    "via": e.via,
                    "show_employer": e.show_employer,
                    "joined_at": e.joined_at.isoformat(),
                    "ended_at": e.ended_at and e.ended_at.isoformat(),
                }
                for e in Employee.objects.filter(user=user).select_related("company__organization")
            ],
            "working_time_requested": [
                {
                    "company": s.programme.company.organization.name,
                    "programme": s.programme.name,
                    "mission": s.application.mission.title,
                    "format": s.format,
                    "hours": s.hours,
                    "status": s.status,
                    "asked_at": s.created_at.isoformat(),
                }
                for s in Sponsorship.objects.filter(employee__user=user).select_related(
                    "programme__company__organization", "application__mission"
                )
            ],
        }

    def erase_personal_data(self, user) -> None:
        from .models import Employee

        # Her hours stay in the company's statements, as the engagements they come from
        # stay (anonymised by the accounts app); her cost and her choices go.
        Employee.objects.filter(user=user).update(
            show_employer=False, hourly_cost=None, status=Employee.Status.LEFT
        )
