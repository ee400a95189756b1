"""Every write about packs numériques: an authority composes, edits, publishes and closes
one; an association claims it, which makes its missions, sponsored by the authority."""

from collections.abc import Iterable
from datetime import date, datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import audit
from accounts.models import User
from core.errors import ActionRefused
from missions.models import MissionTemplate
from missions.services import mission_create
from notifications.services import notify
from organizations.models import Membership, Organization
from taxonomy.models import Cause

from .lifecycle import PACK, claim_refused
from .models import Pack, PackClaim
from .services import _require_admin

# What the compose form gives, saved as is on the pack (`templates` and `causes` are lists).
FIELDS = (
    "title",
    "presentation",
    "association_type",
    "sizes",
    "places",
    "opens_on",
    "closes_on",
    "budget_note",
)


class TooFewPlaces(ActionRefused):
    message = _("Des associations ont déjà pris plus de places que ce nombre.")


def _fill(
    pack: Pack,
    *,
    title: str,
    presentation: str,
    templates: Iterable[MissionTemplate],
    association_type: str = "",
    causes: Iterable[Cause] = (),
    sizes: Iterable[str] = (),
    places: int,
    opens_on: date,
    closes_on: date,
    budget_note: str = "",
) -> list[str]:
    before = {name: getattr(pack, name) for name in FIELDS} if pack.pk else {}
    pack.title = title.strip()
    pack.presentation = presentation.strip()
    pack.association_type = association_type
    pack.sizes = [code for code in Organization.Size.values if code in set(sizes)]
    pack.places = places
    pack.opens_on = opens_on
    pack.closes_on = closes_on
    pack.budget_note = budget_note.strip()
    pack.save()
    pack.templates.set(list(templates))
    pack.causes.set(list(causes))
    return [name for name in FIELDS if before and before[name] != getattr(pack, name)]


@transaction.atomic
def pack_compose(*, authority: Organization, by: User, **data) -> Pack:
    """A new pack, in preparation: the authority's associations see it once published."""
    _require_admin(authority, by)
    pack = Pack(authority=authority, created_by=by)
    _fill(pack, **data)
    audit.log(actor=by, verb="pack.composed", target=pack)
    return pack


@transaction.atomic
def pack_update(*, pack: Pack, by: User, **data) -> Pack:
    """Change a pack in preparation or already proposed; once proposed, never below the
    places already taken (what associations claimed stays theirs)."""
    locked = Pack.objects.select_for_update().select_related("authority").get(pk=pack.pk)
    PACK.check(locked, "edit", by)
    if data["places"] < locked.claims.count():
        raise TooFewPlaces()
    _fill(locked, **data)
    audit.log(actor=by, verb="pack.edited", target=locked)
    return locked


@transaction.atomic
def pack_publish(*, pack: Pack, by: User) -> Pack:
    """Propose the pack: the eligible associations see it on their dashboard and plan."""
    locked = Pack.objects.select_for_update().select_related("authority").get(pk=pack.pk)
    PACK.check(locked, "publish", by)
    locked.status = Pack.Status.PUBLISHED
    locked.published_at = pack.published_at = timezone.now()
    locked.save(update_fields=["status", "published_at", "updated_at"])
    pack.status = locked.status
    audit.log(actor=by, verb="pack.published", target=locked)
    return locked


@transaction.atomic
def pack_close(*, pack: Pack, by: User) -> Pack:
    """No more claims; what was claimed goes on."""
    locked = Pack.objects.select_for_update().select_related("authority").get(pk=pack.pk)
    PACK.check(locked, "close", by)
    locked.status = Pack.Status.CLOSED
    locked.closed_at = pack.closed_at = timezone.now()
    locked.save(update_fields=["status", "closed_at", "updated_at"])
    pack.status = locked.status
    audit.log(actor=by, verb="pack.closed", target=locked)
    return locked


@transaction.atomic
def pack_claim(
    *, pack: Pack, association: Organization, by: User, now: datetime | None = None
) -> PackClaim:
    """The association takes a place: one draft mission per template of the pack, each
    sponsored by the authority, for the association to describe in its own words and send.

    The pack row is locked first: two associations claiming the last place at once wait for
    each other, and the second one counts the first one's claim.
    """
    locked = Pack.objects.select_for_update().select_related("authority").get(pk=pack.pk)
    refused = claim_refused(locked, association, by, now)
    if refused is not None:
        raise refused
    claim = PackClaim.objects.create(
        pack=locked, association=association, claimed_by=by, claimed_at=now or timezone.now()
    )
    missions = [
        mission_create(organization=association, template=template, by=by, sponsor=locked.authority)
        for template in locked.templates.order_by("order", "slug")
    ]
    claim.missions.set(missions)
    audit.log(
        actor=by,
        verb="pack.claimed",
        target=locked,
        data={"association": association.pk, "missions": len(missions)},
    )
    admins = User.objects.filter(
        memberships__organization=locked.authority, memberships__role=Membership.Role.ADMIN
    )
    notify(
        users=admins,
        kind="pack_claimed",
        context={"association": association.name, "pack": locked.title},
        url=reverse("territories:pack_follow", args=[locked.authority.slug, locked.pk]),
    )
    return claim
