"""The facts of `core.roles` that memberships tell, registered in `OrganizationsConfig.ready()`."""

from core.roles import register_fact
from core.sql import table

from .models import Membership, Organization


def _member_of_any() -> str:
    return f"EXISTS (SELECT 1 FROM {table(Membership)} WHERE user_id = %s)"


def _member_of_association() -> str:
    return (
        f"EXISTS (SELECT 1 FROM {table(Membership)} m JOIN {table(Organization)} o "
        "ON o.id = m.organization_id WHERE m.user_id = %s AND o.kind = %s)"
    )


def register() -> None:
    register_fact("organization", sql=_member_of_any, params=lambda user: [user.pk])
    register_fact(
        "association",
        sql=_member_of_association,
        params=lambda user: [user.pk, Organization.Kind.ASSOCIATION],
    )
