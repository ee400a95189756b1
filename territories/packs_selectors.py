"""Reads about packs numériques: which packs an association is offered (its dashboard, its
diagnosis's plan, the pack's page), and what an authority follows of its own."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Prefetch
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.sql import table
from geo.models import Commune
from missions.lifecycle import PUBLIC
from missions.models import Mission
from organizations.models import Membership, Organization

from .lifecycle import claim_refusal, eligibility_refusal
from .models import Pack, PackClaim, Territory
from .selectors import get_authority_for_agent

VERIFIED = Organization.Verification.VERIFIED


@dataclass
class PackOffer:
    """A pack as one association sees it: claimed (`claim`) or not, and whether the person
    asking may claim it (`refusal`: "" when she may, the words otherwise)."""

    pack: Pack
    association: Organization
    claim: PackClaim | None
    places_left: int
    refusal: str = ""
    missions: list[Mission] = field(default_factory=list)

    @property
    def can_claim(self) -> bool:
        return self.claim is None and not self.refusal


def _with_display(packs):
    return packs.select_related("authority").prefetch_related("templates")


def _offers(
    packs: list[Pack],
    associations: list[Organization],
    *,
    user,
    admin_of: set[int],
    now: datetime | None = None,
) -> list[PackOffer]:
    """Each (pack, association) pair where the association may take the pack or has taken
    it, with what the person `user` may do (`admin_of`: the associations she administers).
    Five queries, whatever the number of packs and associations."""
    if not packs or not associations:
        return []
    pack_ids = [pack.pk for pack in packs]
    association_ids = [a.pk for a in associations]
    territories = {
        t.authority_id: t
        for t in Territory.objects.filter(authority_id__in={p.authority_id for p in packs})
    }
    communes: dict[int, set[str]] = {}
    for row in Territory.communes.through.objects.filter(
        territory_id__in=[t.pk for t in territories.values() if t.is_list],
        commune_id__in={a.commune_id for a in associations if a.commune_id},
    ).values_list("territory_id", "commune_id"):
        communes.setdefault(row[0], set()).add(row[1])
    pack_causes: dict[int, set[int]] = {}
    for pack_id, cause_id in Pack.causes.through.objects.filter(pack_id__in=pack_ids).values_list(
        "pack_id", "cause_id"
    ):
        pack_causes.setdefault(pack_id, set()).add(cause_id)
    causes: dict[int, set[int]] = {}
    if pack_causes:
        for organization_id, cause_id in Organization.causes.through.objects.filter(
            organization_id__in=association_ids
        ).values_list("organization_id", "cause_id"):
            causes.setdefault(organization_id, set()).add(cause_id)
    claims = {
        (claim.pack_id, claim.association_id): claim
        for claim in PackClaim.objects.filter(
            pack_id__in=pack_ids, association_id__in=association_ids
        ).prefetch_related(
            Prefetch(
                "missions",
                queryset=Mission.objects.select_related("template").order_by("pk"),
            )
        )
    }
    offers = []
    for pack in packs:
        territory = territories.get(pack.authority_id)
        for association in associations:
            claim = claims.get((pack.pk, association.pk))
            eligibility = eligibility_refusal(
                pack,
                association,
                territory=territory,
                communes=communes.get(territory.pk, set()) if territory is not None else None,
                pack_causes=pack_causes.get(pack.pk, set()),
                causes=causes.get(association.pk, set()),
            )
            visible = pack.authority.is_verified and not pack.is_draft
            if claim is None and (eligibility or not visible):
                continue  # never shown to an association it is not for
            taken = pack.taken  # type: ignore[attr-defined]  # annotated
            refusal = claim_refusal(
                pack,
                association,
                user,
                now,
                admin=association.pk in admin_of,
                eligibility=eligibility,
                claimed=claim is not None,
                taken=taken,
            )
            offers.append(
                PackOffer(
                    pack=pack,
                    association=association,
                    claim=claim,
                    places_left=max(pack.places - taken, 0),
                    refusal=refusal,
                    missions=list(claim.missions.all()) if claim is not None else [],
                )
            )
    return offers


def _near(communes: list[str]) -> RawSQL:
    """The territories holding one of the communes: `territories_containing` of each, or'd,
    written out (the association's home page asks it on every visit, and the ORM took longer
    to build its three subqueries than the database to answer them)."""
    marks = ", ".join(["%s"] * len(communes))
    sql = (
        f"SELECT t.id FROM {table(Territory)} t WHERE"
        f" (t.level = %s AND t.departement_id IN"
        f" (SELECT c.departement_id FROM {table(Commune)} c WHERE c.insee IN ({marks})))"
        f" OR (t.level = %s AND t.region_id IN"
        f" (SELECT c.region_id FROM {table(Commune)} c WHERE c.insee IN ({marks})))"
        f" OR t.id IN (SELECT tc.territory_id FROM {table(Territory.communes.through)} tc"
        f" WHERE tc.commune_id IN ({marks}))"
    )
    levels = Territory.Level
    return RawSQL(sql, [levels.DEPARTEMENT, *communes, levels.REGION, *communes, *communes])


def offers_for(
    associations: list[Organization], *, user, admin_of: set[int], now: datetime | None = None
) -> dict[int, list[PackOffer]]:
    """{association id: the packs proposed to it today}, for its dashboard and its plan: one
    query when no pack is near, six otherwise."""
    communes = {a.commune_id for a in associations if a.commune_id}
    if not communes:
        return {}
    today = timezone.localdate(now)
    packs = list(
        _with_display(
            Pack.objects.filter(
                status=Pack.Status.PUBLISHED,
                opens_on__lte=today,
                closes_on__gte=today,
                authority__verification=VERIFIED,
                authority__territory__in=_near(sorted(communes)),
            )
        )
        .annotate(taken=Count("claims"))
        .order_by("closes_on", "pk")
    )
    found: dict[int, list[PackOffer]] = {}
    for offer in _offers(packs, associations, user=user, admin_of=admin_of, now=now):
        found.setdefault(offer.association.pk, []).append(offer)
    return found


def offers_for_member(user, organization: Organization) -> list[PackOffer]:
    """The packs proposed today to one association, as `user`, one of its members, sees them
    (the plan of its diagnosis)."""
    membership = Membership.objects.filter(user=user, organization=organization).first()
    if membership is None:
        return []
    admin_of = {organization.pk} if membership.is_admin else set()
    return offers_for([organization], user=user, admin_of=admin_of).get(organization.pk, [])


# --- The pack's page, for the associations -------------------------------------------------
@dataclass
class PackPage:
    pack: Pack
    offers: list[PackOffer]
    # The person is an agent of the authority: she sees the pack as associations do.
    is_agent: bool


def get_pack_page(request, pk: int, now: datetime | None = None) -> PackPage:
    """The pack `pk` as the requester sees it: her associations it is proposed to or that
    took it, or her authority's. 404 for everybody else: an association the pack is not
    for never learns of it."""
    pack = get_object_or_404(_with_display(Pack.objects).annotate(taken=Count("claims")), pk=pk)
    memberships = list(Membership.objects.filter(user=request.user).select_related("organization"))
    is_agent = any(m.organization_id == pack.authority_id for m in memberships)
    associations = [
        m.organization for m in memberships if m.organization.kind == Organization.Kind.ASSOCIATION
    ]
    admin_of = {m.organization_id for m in memberships if m.is_admin}
    offers = _offers([pack], associations, user=request.user, admin_of=admin_of, now=now)
    if not offers and not is_agent:
        raise Http404
    return PackPage(pack=pack, offers=offers, is_agent=is_agent)


def get_association_for_claim(request, slug: str) -> Organization:
    """The association the requester claims for: one she belongs to (404 otherwise; whether
    she administers it, the claim's guard says)."""
    return get_object_or_404(
        Organization.objects.filter(memberships__user=request.user).select_related("commune"),
        slug=slug,
        kind=Organization.Kind.ASSOCIATION,
    )


# --- The authority's pages -----------------------------------------------------------------
def packs_of(authority: Organization) -> list[Pack]:
    return list(
        Pack.objects.filter(authority=authority)
        .annotate(taken=Count("claims"))
        .order_by("-created_at", "-pk")
    )


def get_pack_for_agent(request, slug: str, pk: int, *, admin: bool = False) -> Pack:
    """The pack `pk` of the authority `slug`, for its agents (its admins if asked): 403 for
    non-members (as `get_authority_for_agent`), 404 for another authority's pack."""
    authority = get_authority_for_agent(request, slug, admin=admin)
    pack = get_object_or_404(
        Pack.objects.prefetch_related("templates", "causes").annotate(taken=Count("claims")),
        pk=pk,
        authority=authority,
    )
    pack.authority = authority  # with its `membership`, for the page
    return pack


@dataclass
class FollowedMission:
    """What the authority sees of a mission made from its pack: what was offered (the
    template's title), its state, and its page if it is public."""

    title: str
    status: str
    is_public: bool
    pk: int


@dataclass
class FollowedClaim:
    association: Organization
    claimed_at: datetime
    missions: list[FollowedMission]


def _title(mission: Mission) -> str:
    # What the pack offered; a draft's own words are the association's until it sends it.
    if mission.template is not None:
        return mission.template.title
    return mission.title if mission.status in PUBLIC else str(_("Mission du pack"))


def claims_of(pack: Pack) -> list[FollowedClaim]:
    """The associations that took the pack and the state of each mission it made: public
    facts only (no person, no draft's words). Two queries."""
    claims = (
        PackClaim.objects.filter(pack=pack)
        .select_related("association")
        .prefetch_related(
            Prefetch(
                "missions",
                queryset=Mission.objects.select_related("template").order_by("pk"),
            )
        )
        .order_by("claimed_at", "pk")
    )
    return [
        FollowedClaim(
            association=claim.association,
            claimed_at=claim.claimed_at,
            missions=[
                FollowedMission(
                    title=_title(mission),
                    status=mission.get_status_display(),
                    is_public=mission.status in PUBLIC,
                    pk=mission.pk,
                )
                for mission in claim.missions.all()
            ],
        )
        for claim in claims
    ]


def plan_extras(organization: Organization, user) -> list:
    """The packs proposed to the association, under its diagnosis's plan (registered with
    `diagnosis.plan_extras` in `TerritoriesConfig.ready()`)."""
    from diagnosis.plan_extras import PlanExtra

    offers = offers_for_member(user, organization)
    if not offers:
        return []
    return [PlanExtra("territories/_plan_packs.html", {"offers": offers})]
