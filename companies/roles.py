"""The fact of `core.roles` that companies tell (the header's « Mon entreprise »),
registered in `CompaniesConfig.ready()`."""

from core.roles import register_fact
from core.sql import table
from organizations.models import Membership, Organization

from .models import Employee


def _employee_or_manager() -> str:
    return (
        f"(EXISTS (SELECT 1 FROM {table(Employee)} WHERE user_id = %s AND status = %s) "
        f"OR EXISTS (SELECT 1 FROM {table(Membership)} m JOIN {table(Organization)} o "
        "ON o.id = m.organization_id WHERE m.user_id = %s AND o.kind = %s))"
    )


def register() -> None:
    register_fact(
        "employee",
        sql=_employee_or_manager,
        params=lambda user: [
            user.pk,
            Employee.Status.JOINED,
            user.pk,
            Organization.Kind.COMPANY,
        ],
    )


def is_employee_or_manager(user) -> bool:
    from core.roles import roles_of

    return roles_of(user).employee
