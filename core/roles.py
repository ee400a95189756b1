"""What a person is on the site, asked by the header and the pages on every request.

Real roles come from memberships and the volunteer profile (one person may hold several);
the sign-up intent only counts until they exist. One query, once per request: the
answer is kept on the user object.
"""

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
        from django.contrib.auth import get_user_model
        from django.db.models import Exists, OuterRef

        from organizations.models import Membership, Organization
        from volunteers.models import VolunteerProfile

        memberships = Membership.objects.filter(user_id=OuterRef("pk"))
        row = (
            get_user_model()
            .objects.filter(pk=user.pk)
            .values_list(
                Exists(memberships),
                Exists(memberships.filter(organization__kind=Organization.Kind.ASSOCIATION)),
                Exists(VolunteerProfile.objects.filter(user_id=OuterRef("pk"))),
            )
            .get()
        )
        organization, association, has_profile = row
        roles = Roles(
            organization=organization,
            association=association,
            has_profile=has_profile,
            volunteer=has_profile or user.intent == user.Intent.VOLUNTEER,
        )
        setattr(user, _ATTRIBUTE, roles)
    return roles


def forget_roles(user) -> None:
    """After a change of roles in this request (a profile created, an association joined)."""
    if hasattr(user, _ATTRIBUTE):
        delattr(user, _ATTRIBUTE)
