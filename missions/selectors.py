"""Reads about missions that pages share, and the lookups that check who is asking."""

from dataclasses import dataclass, field
from itertools import groupby

from django.core.exceptions import PermissionDenied
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.roles import roles_of
from organizations.delegation import acted_for, acted_for_ids, may_moderate
from organizations.models import Membership, Organization
from taxonomy.models import SkillDomain

from . import lifecycle
from .models import Mission, MissionSkill, MissionTemplate, Status, WorkMode
from .search import ranked, search
from .signals import mission_facts, missions_ranked


def has_association(user) -> bool:
    """Whether the header shows "Mes missions"."""
    return roles_of(user).association


def associations_of(user) -> list[Organization]:
    """The associations `user` may create missions for, by name."""
    if not user.is_authenticated:
        return []
    # A mediator with an association's consent posts its missions as a member would.
    mine = Q(pk__in=Membership.objects.filter(user=user).values("organization")) | acted_for(user)
    return list(
        Organization.objects.filter(mine, kind=Organization.Kind.ASSOCIATION).order_by("name")
    )


def is_member(user, mission: Mission) -> bool:
    """Whether `user` acts as the mission's organisation: a member, or a mediator the
    association gave its consent to (`organizations.delegation`). Asked once per page,
    however many parts of it ask (the answer is kept on the mission object)."""
    if not user.is_authenticated:
        return False
    known = mission.__dict__.setdefault("_members", {})
    if user.pk not in known:
        # One query for both: a member, or a mediator with the association's consent.
        known[user.pk] = Organization.objects.filter(
            Q(pk__in=Membership.objects.filter(user=user).values("organization")) | acted_for(user),
            pk=mission.organization_id,
        ).exists()
    return known[user.pk]


def is_moderator(user, mission: Mission) -> bool:
    """Staff, or a territorial moderator of the mission's association (kept on the mission)."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    if not roles_of(user).territorial_moderator:
        return False
    known = mission.__dict__.setdefault("_moderators", {})
    if user.pk not in known:
        known[user.pk] = may_moderate(user, mission.organization_id)
    return known[user.pk]


def _mission_with_relations() -> QuerySet[Mission]:
    return Mission.objects.select_related(
        "organization__commune", "commune__departement", "template", "sponsor"
    )


def get_mission_for_member(request, pk: int) -> Mission:
    """The mission `pk` if the requester belongs to its organisation.

    404 when it does not exist or the requester may not even see it (a draft of someone
    else's); 403 when they may see it but not act as its association (staff, a public one).
    """
    mission = get_object_or_404(_mission_with_relations(), pk=pk)
    user = request.user
    if is_member(user, mission):
        return mission
    if mission.status in lifecycle.PUBLIC or is_moderator(user, mission):
        raise PermissionDenied
    raise Http404


def get_mission_for_viewer(request, pk: int) -> tuple[Mission, bool]:
    """The mission page: public states for anyone, others only for members and staff (404).

    Returns the mission and whether the requester is a member of its organisation.
    """
    user = request.user
    missions = _mission_with_relations()
    if user.is_authenticated:  # asked in the same query
        acts_as = Q(
            Exists(
                Membership.objects.filter(user=user, organization_id=OuterRef("organization_id"))
            )
        )
        acts_as |= Q(organization_id__in=acted_for_ids(user))
        missions = missions.annotate(
            viewer_is_member=ExpressionWrapper(acts_as, output_field=BooleanField())
        )
    mission = get_object_or_404(missions, pk=pk)
    if user.is_authenticated:
        member_now = mission.viewer_is_member  # type: ignore[attr-defined]  # annotated above
        mission.__dict__.setdefault("_members", {})[user.pk] = member_now
    member = is_member(user, mission)
    # A territorial moderator sees what waits for her decision, not the drafts.
    moderator = (user.is_authenticated and user.is_staff) or (
        mission.status == Status.SUBMITTED and is_moderator(user, mission)
    )
    if not (mission.status in lifecycle.PUBLIC or member or moderator):
        raise Http404
    return mission, member


def skills_of(mission: Mission) -> list[MissionSkill]:
    return list(
        mission.required_skills.select_related("skill__domain").order_by(
            "skill__domain__order", "skill__order"
        )
    )


def events_of(mission: Mission) -> list:
    return list(mission.events.select_related("by"))


def facts_by_mission(missions: list[Mission]) -> dict[int, dict]:
    """What the apps above missions know of `missions` (`signals.mission_facts`), by id:
    one query per answering app, however many missions."""
    facts: dict[int, dict] = {mission.pk: {} for mission in missions}
    if not missions:
        return facts
    for _receiver, answer in mission_facts.send(sender=Mission, missions=missions):
        answered: dict[int, dict] = answer or {}  # type: ignore[assignment]  # see signals
        for pk, known in answered.items():
            facts.setdefault(pk, {}).update(known)
    return facts


def facts_of(mission: Mission) -> dict:
    """`facts_by_mission` for one mission, kept on it: asked once per request."""
    if "_facts" not in mission.__dict__:
        mission.__dict__["_facts"] = facts_by_mission([mission])[mission.pk]
    return mission.__dict__["_facts"]


def templates_by_domain() -> list[tuple[SkillDomain, list[MissionTemplate]]]:
    """The active templates, grouped by skill domain in display order (one query)."""
    templates = (
        MissionTemplate.objects.filter(is_active=True)
        .select_related("domain")
        .order_by("domain__order", "domain__slug", "order", "slug")
    )
    return [(domain, list(group)) for domain, group in groupby(templates, key=lambda t: t.domain)]


def _skills_prefetch() -> Prefetch:
    return Prefetch(
        "required_skills",
        queryset=MissionSkill.objects.select_related("skill").order_by(
            "skill__domain__order", "skill__order"
        ),
    )


# The filters of `public_missions` that keep fewer than every open mission.
NARROWING = [
    "domain",
    "cause",
    "remote",
    "departement",
    "effort",
    "date_from",
    "date_until",
    "kind",
]


def public_missions(filters: dict | None = None, *, user=None, today=None):
    """Open missions for the search page, with what a list shows (three queries a page).

    `filters` are the cleaned values of `MissionFilterForm`: `q` (keywords), `domain` (skill
    domain slug), `cause` (cause slug of the association), `remote` (True: remote only),
    `departement` (INSEE code), `effort` (a range of `forms.EFFORT_RANGES`), `date_from` and
    `date_until` (the mission's dates meet them), `kind` (citizen or professional
    association) and `sort`: "relevance" (with keywords), "date" (newest first) or "match"
    (for a volunteer `user` with a profile: their best matches, then the rest by date).

    A QuerySet, or for "match" a `MatchFirst` sequence and for "relevance" a
    `search.RankedFirst`, which page the same way.
    """
    from .forms import EFFORT_RANGES, Sort

    filters = filters or {}
    missions = (
        Mission.objects.filter(status=Status.OPEN)
        .select_related("organization", "commune", "sponsor")
        .prefetch_related(_skills_prefetch())
    )
    if filters.get("domain"):
        missions = missions.filter(
            Exists(
                MissionSkill.objects.filter(
                    mission=OuterRef("pk"), skill__domain__slug=filters["domain"]
                )
            )
        )
    if filters.get("cause"):
        missions = missions.filter(
            Exists(
                Organization.causes.through.objects.filter(
                    organization=OuterRef("organization"), cause__slug=filters["cause"]
                )
            )
        )
    if filters.get("remote"):
        missions = missions.filter(work_mode=WorkMode.REMOTE)
    if filters.get("departement"):
        missions = missions.filter(departement_code=filters["departement"])
    if filters.get("effort") in EFFORT_RANGES:
        low, high = EFFORT_RANGES[filters["effort"]]
        if low is not None:
            missions = missions.filter(effort_hours__gte=low)
        if high is not None:
            missions = missions.filter(effort_hours__lte=high)
    if filters.get("date_from"):
        missions = missions.filter(Q(end_date__isnull=True) | Q(end_date__gte=filters["date_from"]))
    if filters.get("date_until"):
        missions = missions.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=filters["date_until"])
        )
    if filters.get("kind"):
        missions = missions.filter(organization__association_type=filters["kind"])

    sort = filters.get("sort") or Sort.DATE
    query = filters.get("q") or ""
    if sort == Sort.RELEVANCE:
        narrowed = any(filters.get(name) for name in NARROWING)
        best = ranked(missions, query, filtered=narrowed)
        if best is not None:
            return best
    found = search(missions, query)
    if found is not None:
        missions = found
    if sort == Sort.MATCH and user is not None and user.is_authenticated:
        # The app that knows the volunteers' matches ranks them (matching).
        for _receiver, matched in missions_ranked.send(
            sender=Mission, missions=missions, user=user, today=today
        ):
            if matched is not None:
                return matched
    return missions.order_by("-published_at", "-pk")


# How "Mes missions" groups a member's missions, in this order.
GROUPS = [
    ("drafts", [Status.DRAFT]),
    ("submitted", [Status.SUBMITTED]),
    ("open", [Status.OPEN]),
    ("in_progress", [Status.IN_PROGRESS, Status.DELIVERED]),
    ("finished", [Status.COMPLETED, Status.CANCELLED, Status.EXPIRED]),
]
_GROUP_OF: dict[str, str] = {status: name for name, statuses in GROUPS for status in statuses}


@dataclass
class MyMissions:
    drafts: list[Mission] = field(default_factory=list)
    submitted: list[Mission] = field(default_factory=list)
    open: list[Mission] = field(default_factory=list)
    in_progress: list[Mission] = field(default_factory=list)
    finished: list[Mission] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name, _ in GROUPS)


def missions_of_member(user) -> MyMissions:
    """Missions of every organisation `user` belongs to, grouped by state (one query).

    Each mission carries `pending_count`, the applications waiting for an answer, and
    `ready_to_start`, whether an agreement is confirmed by both sides (`facts_by_mission`).
    """
    theirs = Q(organization__in=Membership.objects.filter(user=user).values("organization"))
    theirs |= Q(organization__in=acted_for_ids(user))
    missions = list(
        Mission.objects.filter(theirs).select_related("organization").order_by("-updated_at", "-pk")
    )
    facts = facts_by_mission(missions)
    mine = MyMissions()
    for mission in missions:
        known = mission.__dict__["_facts"] = facts[mission.pk]
        mission.pending_count = known.get("pending_applications", 0)  # type: ignore[attr-defined]
        mission.ready_to_start = known.get("confirmed_agreement", False)  # type: ignore[attr-defined]
        getattr(mine, _GROUP_OF[mission.status]).append(mission)
    return mine


def missing_steps(mission: Mission) -> list[int]:
    """The wizard screens still lacking something the mission needs to be sent."""
    missing = []
    if not (mission.title.strip() and mission.need.strip() and mission.deliverables.strip()):
        missing.append(1)
    if not mission.effort_hours or not mission.required_skills.exists():
        missing.append(2)
    if not mission.end_date or (mission.work_mode != WorkMode.REMOTE and not mission.commune_id):
        missing.append(3)
    return missing
