"""Every write about territories, their moderators and mediators, and consents."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import audit
from accounts.models import User
from geo.models import Commune, Departement, Region
from notifications.services import notify
from organizations.models import Organization
from organizations.selectors import is_admin, is_member
from organizations.services import organization_resubmit

from .lifecycle import CONSENT
from .models import Consent, Mediator, TerritorialModerator, Territory, territories_containing


def _require_admin(authority: Organization, by: User) -> None:
    if authority.kind != Organization.Kind.LOCAL_AUTHORITY or not is_admin(by, authority):
        raise PermissionDenied


def _area(territory: Territory) -> tuple:
    codes = sorted(territory.communes.values_list("insee", flat=True)) if territory.pk else []
    return territory.level, territory.departement_id, territory.region_id, codes


@transaction.atomic
def territory_declare(
    *,
    authority: Organization,
    by: User,
    level: str,
    departement: Departement | None = None,
    region: Region | None = None,
    communes: Iterable[Commune] = (),
) -> Territory:
    """Declare or change the authority's territory. The moderators check it with the
    authority: a verified one whose territory changes goes back to them."""
    _require_admin(authority, by)
    Organization.objects.select_for_update().filter(pk=authority.pk).first()
    territory = Territory.objects.filter(authority=authority).first() or Territory(
        authority=authority
    )
    before = _area(territory)
    territory.level = level
    territory.departement = departement if level == Territory.Level.DEPARTEMENT else None
    territory.region = region if level == Territory.Level.REGION else None
    territory.full_clean(exclude=["communes"])
    territory.save()
    territory.communes.set(list(communes) if territory.is_list else [])
    after = _area(territory)
    if before != after:
        data = {"level": level}
        if territory.departement_id:
            data["departement"] = territory.departement_id
        if territory.region_id:
            data["region"] = territory.region_id
        if after[3]:
            data["communes"] = after[3]
        audit.log(actor=by, verb="territory.declared", target=territory, data=data)
        if before[0]:  # a change, not the first declaration
            organization_resubmit(organization=authority)
    return territory


# --- Moderators and mediators --------------------------------------------------------------
def _appoint(model, verb: str, *, territory: Territory, user: User, by: User):
    _require_admin(territory.authority, by)
    if not is_member(user, territory.authority):
        raise PermissionDenied  # the form offers the authority's agents only
    existing = model.objects.filter(territory=territory, user=user, ended_at__isnull=True).first()
    if existing is not None:
        return existing
    appointment = model.objects.create(territory=territory, user=user, appointed_by=by)
    audit.log(actor=by, verb=verb, target=territory, data={"user": user.pk})
    return appointment


def _end(model, verb: str, *, appointment, by: User) -> None:
    _require_admin(appointment.territory.authority, by)
    locked = model.objects.select_for_update().get(pk=appointment.pk)
    if locked.ended_at is not None:
        return
    locked.ended_at = appointment.ended_at = timezone.now()
    locked.save(update_fields=["ended_at"])
    audit.log(actor=by, verb=verb, target=locked.territory, data={"user": locked.user_id})


@transaction.atomic
def moderator_appoint(*, territory: Territory, user: User, by: User) -> TerritorialModerator:
    return _appoint(
        TerritorialModerator, "territory.moderator_appointed", territory=territory, user=user, by=by
    )


@transaction.atomic
def moderator_end(*, moderator: TerritorialModerator, by: User) -> None:
    _end(TerritorialModerator, "territory.moderator_ended", appointment=moderator, by=by)


@transaction.atomic
def mediator_designate(*, territory: Territory, user: User, by: User) -> Mediator:
    return _appoint(
        Mediator, "territory.mediator_designated", territory=territory, user=user, by=by
    )


@transaction.atomic
def mediator_end(*, mediator: Mediator, by: User) -> None:
    """The mediator no longer acts for anyone: her consents stop counting at once."""
    _end(Mediator, "territory.mediator_ended", appointment=mediator, by=by)


# --- Consents ------------------------------------------------------------------------------
class ConsentRefused(Exception):
    pass


@transaction.atomic
def consent_give(
    *, association: Organization, mediator: Mediator, by: User, purpose: str, until: date
) -> Consent:
    """An association admin's written consent: `mediator` may act for the association, for
    `purpose`, until the end of `until`."""
    if association.kind != Organization.Kind.ASSOCIATION or not is_admin(by, association):
        raise PermissionDenied
    if until < timezone.localdate():
        raise ConsentRefused("the end date is past")
    serving = Territory.objects.filter(
        territories_containing(association.commune_id),
        pk=mediator.territory_id,
        authority__verification=Organization.Verification.VERIFIED,
    )
    if mediator.ended_at is not None or not serving.exists():
        raise ConsentRefused("this mediator does not serve the association's commune")
    consent = Consent.objects.create(
        association=association,
        mediator=mediator,
        given_by=by,
        purpose=purpose.strip(),
        allows=Consent.Allows.MISSIONS,
        until=until,
    )
    data = {"user": mediator.user_id, "until": until.isoformat()}
    audit.log(actor=by, verb="consent.given", target=consent, data=data)
    notify(
        users=[mediator.user],
        kind="consent_given",
        context={"association": association.name},
        url=reverse("territories:helping"),
    )
    return consent


@transaction.atomic
def consent_revoke(*, consent: Consent, by: User) -> None:
    """The association takes its consent back: the mediator loses access at once."""
    locked = (
        Consent.objects.select_for_update()
        .select_related("mediator__user", "association")
        .get(pk=consent.pk)
    )
    CONSENT.check(locked, "revoke", by)
    locked.revoked_at = consent.revoked_at = timezone.now()
    locked.revoked_by = consent.revoked_by = by
    locked.save(update_fields=["revoked_at", "revoked_by"])
    audit.log(
        actor=by, verb="consent.revoked", target=locked, data={"user": locked.mediator.user_id}
    )
    notify(
        users=[locked.mediator.user],
        kind="consent_revoked",
        context={"association": locked.association.name},
        url=reverse("territories:helping"),
    )
