"""What a person is on the site, asked by the header and the pages on every request.

Real roles come from memberships and the volunteer profile (one person may hold several);
the sign-up intent only counts until they exist. One query, once per request: the
answer is kept on the user object.
"""

import functools
from dataclasses import dataclass

_ATTRIBUTE = "_alasso_roles"


@dataclass(frozen=True)
class Roles:
    organization: bool = False  # member of any organisation
    association: bool = False  # member of an association (may create missions)
    has_profile: bool = False  # has a volunteer profile
    volunteer: bool = False  # came to help, or has a profile anyway


def roles_of(user) -> Roles:
    if not user.is_authenticated:
        return Roles()
    roles = getattr(user, _ATTRIBUTE, None)
    if roles is None:
        from django.db import connection

        from organizations.models import Organization

        association_kind = Organization.Kind.ASSOCIATION
        with connection.cursor() as cursor:
            cursor.execute(_roles_sql(), [user.pk, user.pk, association_kind, user.pk])
            organization, association, has_profile = (bool(v) for v in cursor.fetchone())
        roles = Roles(
            organization=organization,
            association=association,
            has_profile=has_profile,
            volunteer=has_profile or user.intent == user.Intent.VOLUNTEER,
        )
        setattr(user, _ATTRIBUTE, roles)
    return roles


@functools.cache
def _roles_sql() -> str:
    # Written out: every page asks it, and the ORM took longer to build it than the
    # database to answer.
    from core.sql import table
    from organizations.models import Membership, Organization
    from volunteers.models import VolunteerProfile

    membership = table(Membership)
    return (
        f"SELECT EXISTS (SELECT 1 FROM {membership} WHERE user_id = %s), "
        f"EXISTS (SELECT 1 FROM {membership} m JOIN {table(Organization)} o "
        "ON o.id = m.organization_id WHERE m.user_id = %s AND o.kind = %s), "
        f"EXISTS (SELECT 1 FROM {table(VolunteerProfile)} WHERE user_id = %s)"
    )


def forget_roles(user) -> None:
    """After a change of roles in this request (a profile created, an association joined)."""
    if hasattr(user, _ATTRIBUTE):
        delattr(user, _ATTRIBUTE)
