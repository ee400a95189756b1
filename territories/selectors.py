"""Reads about territories, their moderators and mediators, and the lookups that check who
is asking."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from audit.models import AuditEvent
from audit.verbs import VERBS
from organizations.models import Membership, Organization
from organizations.selectors import membership_of

from .models import Consent, Mediator, TerritorialModerator, Territory, territories_containing
from .models import valid_consents as valid_consents_condition

VERIFIED = Organization.Verification.VERIFIED


# --- What the lower apps ask (registered in TerritoriesConfig.ready) -----------------------
def moderated_by(user) -> QuerySet[Organization]:
    """The associations of the territories `user` moderates for a verified authority."""
    territories = list(
        Territory.objects.filter(
            pk__in=TerritorialModerator.objects.filter(
                user_id=user.pk, ended_at__isnull=True
            ).values("territory"),
            authority__verification=VERIFIED,
        )
    )
    condition = Q(pk__in=[])
    for territory in territories:
        condition |= territory.organizations_condition()
    return Organization.objects.filter(condition, kind=Organization.Kind.ASSOCIATION)


def acting_for(user) -> QuerySet:
    """The ids of the associations that gave `user`, their mediator, a consent valid now."""
    return Consent.objects.filter(valid_consents_condition(), mediator__user_id=user.pk).values(
        "association_id"
    )


def consent_for(user, organization_id: int) -> Consent | None:
    """The consent through which `user` acts for the organisation now, if any."""
    return (
        Consent.objects.filter(
            valid_consents_condition(), mediator__user_id=user.pk, association_id=organization_id
        )
        .order_by("-given_at")
        .first()
    )


def territory_of_decision(user, organization_id: int) -> Territory | None:
    """The territory in which `user`, a territorial moderator, decides on this organisation."""
    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is None:
        return None
    for territory in Territory.objects.filter(
        pk__in=TerritorialModerator.objects.filter(user_id=user.pk, ended_at__isnull=True).values(
            "territory"
        ),
        authority__verification=VERIFIED,
    ).order_by("pk"):
        if Organization.objects.filter(
            territory.organizations_condition(), pk=organization_id
        ).exists():
            return territory
    return None


# --- The authority's pages -----------------------------------------------------------------
def get_authority_for_agent(request, slug: str, *, admin: bool = False) -> Organization:
    """The local authority `slug` if the requester is one of its agents (an admin if asked):
    404 for another kind of organisation, 403 for non-members."""
    authority = get_object_or_404(
        Organization.objects.select_related("commune"),
        slug=slug,
        kind=Organization.Kind.LOCAL_AUTHORITY,
    )
    membership = membership_of(request.user, authority)
    if membership is None or (admin and not membership.is_admin):
        raise PermissionDenied
    authority.membership = membership  # type: ignore[attr-defined]  # for the page
    return authority


def territory_of(authority: Organization) -> Territory | None:
    return (
        Territory.objects.filter(authority=authority)
        .select_related("departement", "region")
        .first()
    )


def communes_of(territory: Territory) -> list:
    return list(territory.communes.select_related("departement").order_by("name"))


def associations_count(territory: Territory) -> int:
    return Organization.objects.filter(
        territory.organizations_condition(), kind=Organization.Kind.ASSOCIATION
    ).count()


def agents_of(authority: Organization) -> list[Membership]:
    return list(
        Membership.objects.filter(organization=authority)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )


def moderators_of(territory: Territory) -> list[TerritorialModerator]:
    return list(
        TerritorialModerator.objects.filter(territory=territory, ended_at__isnull=True)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )


def mediators_of(territory: Territory) -> list[Mediator]:
    """The active mediators, each with `helping`: the associations whose consent is valid."""
    valid = Q(consents__revoked_at__isnull=True, consents__until__gte=timezone.localdate())
    return list(
        Mediator.objects.filter(territory=territory, ended_at__isnull=True)
        .select_related("user")
        .annotate(helping=Count("consents__association", filter=valid, distinct=True))
        .order_by("user__full_name", "pk")
    )


def get_appointment(model, territory: Territory, pk: int):
    return get_object_or_404(model, pk=pk, territory=territory, ended_at__isnull=True)


# --- The association's pages ---------------------------------------------------------------
def get_association_for_member(request, slug: str, *, admin: bool = False) -> Organization:
    association = get_object_or_404(
        Organization.objects.select_related("commune"),
        slug=slug,
        kind=Organization.Kind.ASSOCIATION,
    )
    membership = membership_of(request.user, association)
    if membership is None or (admin and not membership.is_admin):
        raise PermissionDenied
    association.membership = membership  # type: ignore[attr-defined]  # for the page
    return association


def mediators_for(association: Organization) -> QuerySet[Mediator]:
    """The mediators an association may ask: designated by a verified authority whose
    territory holds the association's commune."""
    territories = Territory.objects.filter(
        territories_containing(association.commune_id), authority__verification=VERIFIED
    )
    return (
        Mediator.objects.filter(ended_at__isnull=True, territory__in=territories.values("pk"))
        .select_related("user", "territory__authority")
        .order_by("territory__authority__name", "user__full_name", "pk")
    )


def consents_of(association: Organization) -> list[Consent]:
    return list(
        Consent.objects.filter(association=association)
        .select_related("mediator__user", "mediator__territory__authority", "given_by")
        .order_by("-given_at", "-pk")
    )


def get_consent_for_admin(request, pk: int) -> Consent:
    consent = get_object_or_404(
        Consent.objects.select_related("association", "mediator__user"), pk=pk
    )
    membership = membership_of(request.user, consent.association)
    if membership is None:
        raise Http404
    if not membership.is_admin:
        raise PermissionDenied
    return consent


def done_for(association: Organization, *, limit: int = 200) -> list[dict]:
    """What mediators did on the association's behalf, newest first: the event, its words
    and what it was done to (one query per kind of thing, however many events)."""
    events = list(
        AuditEvent.objects.filter(data__on_behalf=association.pk)
        .select_related("actor", "content_type")
        .prefetch_related("target")
        .order_by("-at", "-pk")[:limit]
    )
    return [
        {
            "event": event,
            "label": VERBS[event.verb].label if event.verb in VERBS else event.verb,
            "target": event.target,
        }
        for event in events
    ]


# --- The mediator's page -------------------------------------------------------------------
def consents_given_to(user) -> list[Consent]:
    """The consents associations gave `user` that are valid now, soonest ending first."""
    return list(
        Consent.objects.filter(valid_consents_condition(), mediator__user_id=user.pk)
        .select_related("association__commune", "mediator__territory__authority", "given_by")
        .order_by("until", "pk")
    )


def is_mediator(user) -> bool:
    from core.roles import roles_of

    return user.is_authenticated and roles_of(user).mediator


def today():
    return timezone.localdate()
