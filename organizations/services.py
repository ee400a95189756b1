"""Every write to organisations and their memberships goes through here."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from notifications.services import notify

from .models import Invitation, Membership, Organization


def unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _copy_territory(organization: Organization) -> None:
    commune = organization.commune
    organization.departement_code = commune.departement_id if commune else ""
    organization.region_code = commune.region_id if commune else ""


@transaction.atomic
def organization_create(*, by: User, causes=(), **fields) -> Organization:
    """Create an organisation with `by` as its first admin. Unverified until a moderator checks."""
    organization = Organization(**fields)
    organization.slug = unique_slug(organization.name)
    _copy_territory(organization)
    organization.full_clean()
    organization.save()
    organization.causes.set(causes)
    Membership.objects.create(organization=organization, user=by, role=Membership.Role.ADMIN)
    return organization


@transaction.atomic
def organization_update(*, organization: Organization, causes=None, **fields) -> Organization:
    for name, value in fields.items():
        setattr(organization, name, value)
    _copy_territory(organization)
    organization.full_clean()
    organization.save()
    if causes is not None:
        organization.causes.set(causes)
    return organization


@transaction.atomic
def organization_verify(
    *, organization: Organization, by: User, verified: bool, note: str = ""
) -> None:
    """A moderator's decision; the organisation's admins are told, with the reason."""
    organization.verification = (
        Organization.Verification.VERIFIED if verified else Organization.Verification.REJECTED
    )
    organization.verification_note = note
    organization.verified_at = timezone.now()
    organization.verified_by = by
    organization.save(
        update_fields=["verification", "verification_note", "verified_at", "verified_by"]
    )
    admins = User.objects.filter(
        memberships__organization=organization, memberships__role=Membership.Role.ADMIN
    )
    notify(
        users=admins,
        kind="organization_verified" if verified else "organization_rejected",
        context={"organization": organization.name, "note": note},
        url=f"/organizations/{organization.slug}/",
    )


def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    with transaction.atomic():
        membership, _ = Membership.objects.get_or_create(
            organization=invitation.organization, user=user, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership
