"""Every write to organisations and their memberships goes through here."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

import audit
from accounts.models import User, normalize_email
from core.emails import send_email
from notifications.models import Frequency
from notifications.services import frequency_for, notify

from .lifecycle import ORGANIZATION
from .models import INVITATION_VALIDITY, Invitation, Membership, Organization
from .signals import membership_changed

# Slugs that would shadow the app's own pages under /organizations/.
RESERVED_SLUGS = {"new", "mine", "invitations"}


class MembershipError(ValidationError):
    """A change to the members that would leave the organisation in a bad state."""


class InvitationInvalid(Exception):
    pass


class InvitationForSomeoneElse(Exception):
    """The account accepting is not the invited address, or has not confirmed it."""


def unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _copy_territory(organization: Organization) -> None:
    commune = organization.commune
    organization.departement_code = commune.departement_id if commune else ""
    organization.region_code = commune.region_id if commune else ""


def _membership_changed(membership: Membership) -> None:
    membership_changed.send(
        sender=Membership, user_id=membership.user_id, organization_id=membership.organization_id
    )


def _delete_file_after_commit(file) -> None:
    if file:
        storage, name = file.storage, file.name
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def organization_create(*, by: User, causes=(), **fields) -> Organization:
    """Create an organisation with `by` as its first admin. Unverified until a moderator checks."""
    organization = Organization(**fields)
    organization.slug = unique_slug(organization.name)
    _copy_territory(organization)
    organization.full_clean()
    organization.save()
    organization.causes.set(causes)
    _membership_changed(
        Membership.objects.create(organization=organization, user=by, role=Membership.Role.ADMIN)
    )
    data = {"user": by.pk, "role": Membership.Role.ADMIN}
    audit.log(actor=by, verb="membership.added", target=organization, data=data)
    return organization


# Changing these on a checked organisation means a moderator must check it again; a number
# given where there was none adds to what was checked and changes nothing of it.
_CHECKED_FIELDS = ("name", "rna", "siren", "uai", "siret")
_NUMBERS = ("rna", "siren", "uai", "siret")


def _changes_what_was_checked(organization: Organization, name: str, value) -> bool:
    old = getattr(organization, name)
    return value != old and (bool(old) or name not in _NUMBERS)


@transaction.atomic
def organization_update(*, organization: Organization, causes=None, **fields) -> Organization:
    """Save the admins' changes and send the organisation back to the moderators when they
    must look again: a verified one whose name or registry number changed (the badge vouches
    for what they checked), a refused one that was corrected."""
    old_logo = organization.logo if "logo" in fields else None
    old_name = old_logo.name if old_logo else ""
    # A moderator's decision taken while the form was open stands: the state is read from
    # the locked row, not from the page's copy.
    locked = Organization.objects.select_for_update().only("verification").get(pk=organization.pk)
    organization.verification = locked.verification
    changed_identity = any(
        name in fields and _changes_what_was_checked(organization, name, fields[name])
        for name in _CHECKED_FIELDS
    )
    for name, value in fields.items():
        setattr(organization, name, value)
    if organization.is_rejected or (changed_identity and organization.is_verified):
        organization.verification = ORGANIZATION.check(organization, "resubmit", None).target
    _copy_territory(organization)
    organization.full_clean()
    organization.save()
    if causes is not None:
        organization.causes.set(causes)
    if old_name and old_name != organization.logo.name:
        _delete_file_after_commit(old_logo)
    return organization


@transaction.atomic
def organization_verify(
    *, organization: Organization, by: User, verified: bool, note: str = ""
) -> None:
    """A moderator's decision; the organisation's admins are told, with the reason.

    Raises `ActionRefused` when `by` is not a moderator (`lifecycle.ORGANIZATION`)."""
    locked = Organization.objects.select_for_update().get(pk=organization.pk)
    transition = ORGANIZATION.check(locked, "verify" if verified else "reject", by)
    fields = ["verification", "verification_note", "verified_at", "verified_by"]
    for target in (locked, organization):
        target.verification = transition.target
        target.verification_note = note
        target.verified_at = timezone.now()
        target.verified_by = by
    locked.save(update_fields=fields)
    verb = "organization.verified" if verified else "organization.refused"
    audit.log(actor=by, verb=verb, target=organization, data={"reason": note} if note else {})
    admins = User.objects.filter(
        memberships__organization=organization, memberships__role=Membership.Role.ADMIN
    )
    notify(
        users=admins,
        kind="organization_verified" if verified else "organization_rejected",
        context={"organization": organization.name, "note": note},
        url=reverse("organizations:detail", args=[organization.slug]),
    )


# --- Members -------------------------------------------------------------------------------
def _lock_admins(organization: Organization) -> list[int]:
    # Locking the admins' rows makes two admins who demote each other at the same moment
    # wait for one another, so the second one sees that they would be the last.
    return list(
        Membership.objects.select_for_update()
        .filter(organization=organization, role=Membership.Role.ADMIN)
        .values_list("pk", flat=True)
    )


def _refuse_if_last_admin(membership: Membership) -> None:
    admins = _lock_admins(membership.organization)
    if admins == [membership.pk]:
        raise MembershipError(
            _(
                "%(name)s est le seul administrateur ou la seule administratrice : nommez "
                "d’abord quelqu’un d’autre à ce rôle."
            )
            % {"name": membership.user.full_name},
            code="last_admin",
        )


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str, by: User) -> Membership:
    if role not in Membership.Role.values:
        raise ValueError(role)
    if membership.role == role:
        return membership
    if membership.role == Membership.Role.ADMIN:
        _refuse_if_last_admin(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    _membership_changed(membership)
    data = {"user": membership.user_id, "role": role}
    audit.log(actor=by, verb="membership.role_changed", target=membership.organization, data=data)
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by: User) -> None:
    """Remove a member (an admin's doing) or leave (the member's own)."""
    if membership.role == Membership.Role.ADMIN:
        _refuse_if_last_admin(membership)
    data = {"user": membership.user_id, "role": membership.role}
    audit.log(actor=by, verb="membership.removed", target=membership.organization, data=data)
    membership.delete()
    _membership_changed(membership)


# --- Invitations ---------------------------------------------------------------------------
@transaction.atomic
def invitation_create(
    *, organization: Organization, email: str, role: str = Membership.Role.MEMBER, by: User
) -> Invitation:
    """Invite `email` to join. A second invitation to the same address replaces the first.

    People who already have an account are notified (in the app, and by e-mail as they
    chose); the others receive the invitation e-mail. Either way, one e-mail at once.
    """
    email = normalize_email(email)
    Invitation.objects.filter(
        organization=organization, email=email, accepted_at__isnull=True
    ).delete()
    invitation = Invitation.objects.create(
        organization=organization, email=email, role=role, invited_by=by
    )
    audit.log(actor=by, verb="org_invitation.sent", target=organization, data={"role": role})
    path = reverse("organizations:invitation", args=[invitation.token])
    existing = User.objects.filter(email=email, is_active=True).first()
    language = existing.language if existing else by.language
    with translation.override(language):
        role_label = str(Membership.Role(role).label)  # the words the recipient reads
    context = {"organization": organization.name, "inviter": by.full_name, "role": role_label}
    if existing is not None:
        # The lazy label: the notification shows it in whatever language its reader uses.
        role_words = Membership.Role(role).label
        notify(
            users=[existing],
            kind="member_invited",
            context={**context, "role": role_words},
            url=path,
        )
    if existing is None or frequency_for(existing.pk, "organizations") != Frequency.IMMEDIATE:
        send_email(
            "organization_invitation",
            to=email,
            language=language,
            context={**context, "link": settings.SITE_URL + path, "days": INVITATION_VALIDITY.days},
        )
    return invitation


@transaction.atomic
def invitation_cancel(*, invitation: Invitation, by: User) -> None:
    data = {"role": invitation.role}
    audit.log(actor=by, verb="org_invitation.cancelled", target=invitation.organization, data=data)
    invitation.delete()


def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Join the organisation. An invitation is used once, by the account of the address it
    was sent to; an admin invitation promotes a member, a member invitation never demotes an
    admin."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_usable:
            raise InvitationInvalid
        if not invitation.is_for(user):
            raise InvitationForSomeoneElse
        membership, created = Membership.objects.get_or_create(
            organization=invitation.organization, user=user, defaults={"role": invitation.role}
        )
        if not created and invitation.role == Membership.Role.ADMIN and not membership.is_admin:
            membership.role = Membership.Role.ADMIN
            membership.save(update_fields=["role"])
        _membership_changed(membership)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        data = {"user": user.pk, "role": membership.role}
        audit.log(
            actor=user, verb="org_invitation.accepted", target=membership.organization, data=data
        )
    return membership


@transaction.atomic
def organization_resubmit(*, organization: Organization) -> bool:
    """Send a checked organisation back to the moderators, because something they vouched
    for changed elsewhere (a local authority's territory). True when it was sent back."""
    locked = Organization.objects.select_for_update().get(pk=organization.pk)
    refused = ORGANIZATION.refused(locked, "resubmit", None)
    if refused is not None:
        return False
    locked.verification = organization.verification = ORGANIZATION["resubmit"].target
    locked.save(update_fields=["verification", "updated_at"])
    return True
