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
        from .models import Employee

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
        }

    def erase_personal_data(self, user) -> None:
        from .models import Employee

        # Her hours stay in the company's statements, as the engagements they come from
        # stay (anonymised by the accounts app); her cost and her choices go.
        Employee.objects.filter(user=user).update(
            show_employer=False, hourly_cost=None, status=Employee.Status.LEFT
        )
