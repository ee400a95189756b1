"""Reads about organisations, and the lookups that check membership on the way."""

from typing import Protocol

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import User
from core.roles import roles_of

from .models import INVITATION_VALIDITY, Invitation, Membership, Organization


class OfOrganization(Protocol):
    """Anything that belongs to an organisation: a mission, for the apps above."""

    organization_id: int


def memberships_of(user) -> list[Membership]:
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name")
    )


def associations_of(user) -> list[Organization]:
    return [
        m.organization
        for m in memberships_of(user)
        if m.organization.kind == Organization.Kind.ASSOCIATION
    ]


def has_membership(user) -> bool:
    """Whether `user` belongs to any organisation (header link)."""
    return roles_of(user).organization


def membership_of(user, organization: Organization) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, organization=organization).first()


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


def get_membership_for_member(request, slug: str, *, admin: bool = False) -> Membership:
    """The requester's membership of the organisation `slug` (an admin one if asked), with
    the organisation; 404 when there is no such organisation, 403 when not a member."""
    organization = get_object_or_404(Organization, slug=slug)
    membership = membership_of(request.user, organization)
    if membership is None or (admin and not membership.is_admin):
        raise PermissionDenied
    membership.organization = organization
    return membership


def get_organization_for_member(request, slug: str, *, admin: bool = False) -> Organization:
    """The organisation `slug` if the requester is a member (an admin if asked), else 403/404."""
    return get_membership_for_member(request, slug, admin=admin).organization


def get_organization_for_public(request, slug: str) -> Organization:
    """An organisation's public page. A refused one is seen only by its members and staff."""
    organization = get_object_or_404(
        Organization.objects.select_related("commune__departement__region").prefetch_related(
            "causes"
        ),
        slug=slug,
    )
    if organization.verification == Organization.Verification.REJECTED and not (
        request.user.is_authenticated
        and (request.user.is_staff or is_member(request.user, organization))
    ):
        raise Http404
    return organization


def mission_members(mission: OfOrganization) -> list[User]:
    """The members of the mission's association (admins and members alike)."""
    return list(User.objects.filter(memberships__organization_id=mission.organization_id))


def members_of(organization: Organization) -> list[Membership]:
    return list(
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .order_by("role", "user__full_name")
    )


def pending_invitations(organization: Organization) -> list[Invitation]:
    return list(
        Invitation.objects.filter(
            organization=organization,
            accepted_at__isnull=True,
            created_at__gt=timezone.now() - INVITATION_VALIDITY,
        )
        .select_related("invited_by")
        .order_by("-created_at")
    )
