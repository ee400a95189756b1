"""Reads about organisations, and the lookups that check membership on the way."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Membership, Organization


def memberships_of(user) -> list[Membership]:
    if not user.is_authenticated:
        return []
    return list(Membership.objects.filter(user=user).select_related("organization"))


def associations_of(user) -> list[Organization]:
    return [
        m.organization
        for m in memberships_of(user)
        if m.organization.kind == Organization.Kind.ASSOCIATION
    ]


def is_member(user, organization: Organization) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, organization=organization).exists()
    )


def is_admin(user, organization: Organization) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user, organization=organization, role=Membership.Role.ADMIN
        ).exists()
    )


def get_organization_for_member(request, slug: str, *, admin: bool = False) -> Organization:
    """The organisation `slug` if the requester is a member (an admin if asked), else 403/404."""
    organization = get_object_or_404(Organization, slug=slug)
    allowed = is_admin if admin else is_member
    if not allowed(request.user, organization):
        raise PermissionDenied
    return organization
