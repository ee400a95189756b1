"""Reads about organisations, and the lookups that check membership on the way."""

from statistics import median

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import User
from core.roles import roles_of
from engagements.models import Application
from missions.models import Mission
from missions.models import Status as MissionStatus

from .models import INVITATION_VALIDITY, Invitation, Membership, Organization

# The response time is the median over an association's most recent answers: recent
# behaviour is what a volunteer applying today can expect.
RESPONSE_TIME_SAMPLE = 100


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


def mission_members(mission: Mission) -> list[User]:
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


def open_missions(organization: Organization, *, limit: int = 10) -> list[Mission]:
    return list(
        Mission.objects.filter(organization=organization, status=MissionStatus.OPEN).order_by(
            "-published_at", "-created_at"
        )[:limit]
    )


def response_stats(organization: Organization) -> dict:
    """How an association answers the applications it receives (two queries).

    `received` counts the applications whose fate is known: answered (accepted or declined)
    or left to expire. Those still waiting, withdrawn by the volunteer, or sent by the
    association itself as invitations are not the association's answers, so they are left
    out. `rate` is the percentage answered; `median_hours` the usual delay of an answer.
    """
    answered_statuses = [Application.Status.ACCEPTED, Application.Status.DECLINED]
    received_by_association = Application.objects.filter(
        mission__organization=organization, invited_by__isnull=True
    )
    counts = received_by_association.aggregate(
        answered=Count("pk", filter=Q(status__in=answered_statuses)),
        expired=Count("pk", filter=Q(status=Application.Status.EXPIRED)),
    )
    answered, received = counts["answered"], counts["answered"] + counts["expired"]
    delays = [
        (answered_at - created_at).total_seconds() / 3600
        for created_at, answered_at in received_by_association.filter(
            status__in=answered_statuses, answered_at__isnull=False
        )
        .order_by("-answered_at")
        .values_list("created_at", "answered_at")[:RESPONSE_TIME_SAMPLE]
        if answered_at is not None  # always, by the filter: said for the type checker
    ]
    return {
        "rate": round(100 * answered / received) if received else None,
        "median_hours": round(median(delays)) if delays else None,
        "answered": answered,
        "received": received,
    }
