"""Suggestions both ways: missions for a volunteer, volunteers for a mission.

Candidates come from the database in bounded numbers, whatever the size of the data: for
each skill of the volunteer (or of the mission), the few hundred newest missions (or most
skilled volunteers) that make sense — an index walk — then `scoring` ranks them in Python.
Related rows (skills, causes) come back as aggregated strings ("12:2,14:1") in the same
query, and only the page shown is read as model objects, so a list costs the same few
queries for ten rows or a million. Skill and cause names come from a cache.

The functions other code calls:

- `missions_for(user)`: the open missions for a volunteer (`ForYou`), best first;
- `get_mission_for_suggestions(request, pk)` then `volunteers_for(mission)`: the
  volunteers an association could invite;
- `with_missions(suggestions)` / `with_profiles(suggestions)`: the objects a page shows;
- `matches_first(missions, user)`: a search's results with the volunteer's best first;
- `forget_suggestions(...)`: what `invalidation` calls when the facts behind a list change.

The two lists are kept SUGGESTIONS_SECONDS in the cache: the next pages, the htmx
updates and the dashboard's three suggestions read the ranking already made rather than
scoring again. What changes a list at once — the volunteer's profile, an application, the
mission — forgets it (`matching.invalidation`); a mission that closes meanwhile is left
out when the page is read, and new missions appear when the list is made again.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    StringAgg,
    Subquery,
    Sum,
    TextField,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, Concat
from django.http import Http404
from django.utils import timezone

from engagements.models import Application
from missions import lifecycle
from missions.models import Mission, MissionSkill, Status
from organizations.models import Membership, Organization
from taxonomy.models import Cause, Skill
from volunteers.models import VolunteerProfile, VolunteerSkill
from volunteers.selectors import findable_volunteers

from . import scoring
from .scoring import Match, MissionFacts, Name, Requirement, VolunteerFacts

# How many suggestions a list keeps: ten pages, more than anyone reads.
CANDIDATES = 200
# How many candidates each skill brings at most (see `_pool`): the newest missions asking
# for it, or the most skilled volunteers having it.
MISSION_POOL = 100
VOLUNTEER_POOL = 250
SUGGESTIONS_SECONDS = 600
_NAMES_KEY = "matching:taxonomy-names:v1"
_NAMES_SECONDS = 300


# --- Names of skills and causes --------------------------------------------------------------
@dataclass(frozen=True)
class Names:
    skills: dict[int, Name]
    causes: dict[int, Name]
    # Display order of skills: (domain order, skill order).
    skill_order: dict[int, tuple[int, int]]
    # Parsed lists of requirements and causes, by their text: missions share them a lot.
    memo: dict = field(default_factory=dict, compare=False)


def taxonomy_names() -> Names:
    """Skill and cause names in both languages: one query, then five minutes in the cache."""
    names = cache.get(_NAMES_KEY)
    if names is None:
        skills = Skill.objects.order_by().values_list(
            Value("skill", output_field=CharField()),
            "pk",
            "name_fr",
            "name_en",
            "domain__order",
            "order",
        )
        causes = Cause.objects.order_by().values_list(
            Value("cause", output_field=CharField()),
            "pk",
            "name_fr",
            "name_en",
            Value(0, output_field=IntegerField()),
            "order",
        )
        names = Names(skills={}, causes={}, skill_order={})
        for kind, pk, fr, en, domain_order, order in skills.union(causes, all=True).order_by():
            if kind == "skill":
                names.skills[pk] = Name(fr, en)
                names.skill_order[pk] = (domain_order, order)
            else:
                names.causes[pk] = Name(fr, en)
        cache.set(_NAMES_KEY, names, _NAMES_SECONDS)
    return names


# --- Helpers of the queries ------------------------------------------------------------------
def _joined(queryset: QuerySet, *fields: str, distinct: bool = False) -> Subquery:
    """`fields` of the rows of `queryset` as one string, "a:b,c:d", in a subquery."""
    parts: list = []
    for name in fields:
        parts += [Cast(name, CharField()), Value(":")]
    expression = Concat(*parts[:-1]) if len(fields) > 1 else parts[0]
    return Subquery(
        # Grouped by a constant: one row, whatever the rows are.
        queryset.order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(joined=StringAgg(expression, Value(","), distinct=distinct))
        .values("joined"),
        output_field=TextField(),
    )


def _pairs(text: str | None) -> list[tuple[int, int]]:
    pairs = []
    for item in (text or "").split(","):
        if item:
            left, right = item.split(":")
            pairs.append((int(left), int(right)))
    return pairs


def _ids(text: str | None) -> frozenset[int]:
    return frozenset(int(item) for item in (text or "").split(",") if item)


def _count(queryset: QuerySet) -> Coalesce:
    return Coalesce(
        Subquery(
            queryset.order_by()
            .annotate(one=Value(1))
            .values("one")
            .annotate(n=Count("*"))
            # One row, or none when nothing matches: then 0.
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def _stamp(moment) -> float:
    return moment.timestamp() if moment else 0.0


def _prefixed(prefix: str, **lookups) -> Q:
    return Q(**{f"{prefix}{key}": value for key, value in lookups.items()})


def _pool(lists: list[QuerySet]) -> list[int]:
    """The union of a few short candidate lists, each ordered and cut by the database (an
    index walk of a few hundred rows): one query. Read first, then handed to the next query
    as a list, so that the database looks these rows up rather than scanning a whole table
    to meet them."""
    parts: list[str] = []
    params: list[Any] = []
    for index, queryset in enumerate(lists):
        sql, list_params = queryset.query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS pool_{index}")
        params.extend(list_params)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return list({row[0] for row in cursor.fetchall()})


def _among(ids: list[int]):
    """`ids` for a `pk__in` lookup: on PostgreSQL one array parameter rather than a
    thousand (which cost more to write out than the query takes to run)."""
    if connection.vendor == "postgresql" and ids:
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return ids


# --- Volunteers' facts -----------------------------------------------------------------------
PROFILE_FIELDS = (
    "user_id",
    "skill_levels",
    "cause_list",
    "completed",
    "hours_per_week",
    "available_from",
    "available_until",
    "work_mode",
    "commune_id",
    "departement_code",
    "region_code",
    "school_id",
    "school__departement_code",
    "updated_at",
)


def _profile_annotations() -> dict:
    """A profile's skills, causes and completed missions, as columns of its own row."""
    return {
        "skill_levels": _joined(
            VolunteerSkill.objects.filter(profile_id=OuterRef("pk")), "skill_id", "level"
        ),
        "cause_list": _joined(
            VolunteerProfile.causes.through.objects.filter(volunteerprofile_id=OuterRef("pk")),
            "cause_id",
        ),
        "completed": _count(
            Application.objects.filter(
                volunteer_id=OuterRef("user_id"),
                status=Application.Status.ACCEPTED,
                mission__status=Status.COMPLETED,
            )
        ),
    }


def _facts(row: Mapping, *, past_rating: float | None = None) -> VolunteerFacts:
    """What scoring needs of a profile row (`PROFILE_FIELDS`).

    `past_rating` is the average rating of the volunteer's past reviews, once reviews exist.
    """
    return VolunteerFacts(
        id=row["user_id"],
        skills=dict(_pairs(row["skill_levels"])),
        cause_ids=_ids(row["cause_list"]),
        hours_per_week=row["hours_per_week"],
        available_from=row["available_from"],
        available_until=row["available_until"],
        work_mode=row["work_mode"],
        commune_code=row["commune_id"] or "",
        departement_code=row["departement_code"],
        region_code=row["region_code"],
        school_id=row["school_id"],
        school_departement_code=row["school__departement_code"] or "",
        completed_missions=row["completed"],
        past_rating=past_rating,
    )


def _profile_rows(profiles: QuerySet[VolunteerProfile]) -> QuerySet:
    return profiles.order_by().annotate(**_profile_annotations()).values(*PROFILE_FIELDS)


def facts_for_profiles(profiles: QuerySet[VolunteerProfile]) -> dict[int, VolunteerFacts]:
    """The facts of the volunteers of `profiles`, by user id (one query, no model objects:
    the weekly digest reads tens of thousands)."""
    return {row["user_id"]: _facts(row) for row in _profile_rows(profiles)}


# --- Missions' facts -------------------------------------------------------------------------
MISSION_FIELDS = (
    "pk",
    "effort_hours",
    "start_date",
    "end_date",
    "work_mode",
    "commune_id",
    "commune__name",
    "departement_code",
    "region_code",
    "organization_id",
    "organization__departement_code",
    "team_size",
    "published_at",
    "requirement_list",
    "cause_list",
    "accepted_count",
    "partner_schools",
)


def _partner_schools(school_id: int | None = None) -> Subquery:
    """The schools whose students the mission's association accepted before (only
    `school_id`, when given: the one that matters for one volunteer)."""
    profiles = VolunteerProfile.objects.filter(
        school__isnull=False,
        user__applications__status=Application.Status.ACCEPTED,
        user__applications__mission__organization_id=OuterRef("organization_id"),
    )
    if school_id is not None:
        profiles = profiles.filter(school_id=school_id)
    return _joined(profiles, "school_id", distinct=True)


def _mission_annotations(school_id: int | None = None) -> dict:
    return {
        "requirement_list": _joined(
            MissionSkill.objects.filter(mission_id=OuterRef("pk")), "skill_id", "min_level"
        ),
        "cause_list": _joined(
            Organization.causes.through.objects.filter(organization_id=OuterRef("organization_id")),
            "cause_id",
        ),
        "accepted_count": _count(
            Application.objects.filter(
                mission_id=OuterRef("pk"), status=Application.Status.ACCEPTED
            )
        ),
        "partner_schools": _partner_schools(school_id),
    }


def _mission_rows(missions: QuerySet[Mission], school_id: int | None = None) -> QuerySet:
    return missions.order_by().annotate(**_mission_annotations(school_id)).values(*MISSION_FIELDS)


def _requirements(text: str | None, names: Names) -> tuple[Requirement, ...]:
    key = ("requirements", text)
    if key not in names.memo:
        pairs = sorted(_pairs(text), key=lambda pair: names.skill_order.get(pair[0], (99, 99)))
        names.memo[key] = tuple(
            Requirement(skill_id=skill, name=names.skills.get(skill, Name("?")), min_level=level)
            for skill, level in pairs
        )
    return names.memo[key]


def _causes(text: str | None, names: Names) -> dict[int, Name]:
    key = ("causes", text)
    if key not in names.memo:
        names.memo[key] = {pk: names.causes[pk] for pk in sorted(_ids(text)) if pk in names.causes}
    return names.memo[key]


def mission_facts(row: Mapping, names: Names) -> MissionFacts:
    """What scoring needs of a mission row (`MISSION_FIELDS`)."""
    return MissionFacts(
        id=row["pk"],
        requirements=_requirements(row["requirement_list"], names),
        effort_hours=row["effort_hours"],
        start_date=row["start_date"],
        end_date=row["end_date"],
        work_mode=row["work_mode"],
        commune_code=row["commune_id"] or "",
        commune_name=row["commune__name"] or "",
        departement_code=row["departement_code"],
        region_code=row["region_code"],
        organization_id=row["organization_id"],
        organization_departement_code=row["organization__departement_code"] or "",
        causes=_causes(row["cause_list"], names),
        partner_school_ids=_ids(row["partner_schools"]),
    )


def missions_with_facts(mission_ids: Sequence[int]) -> dict[int, tuple[Mapping, MissionFacts]]:
    """Mission rows (`MISSION_FIELDS`) and their facts, by id (one query)."""
    names = taxonomy_names()
    rows = _mission_rows(Mission.objects.filter(pk__in=list(mission_ids)))
    return {row["pk"]: (row, mission_facts(row, names)) for row in rows}


# --- Missions for a volunteer ----------------------------------------------------------------
@dataclass
class Suggestion:
    """A mission suggested to a volunteer; `mission` is read for the page shown only."""

    mission_id: int
    match: Match
    published_at: object = None
    mission: Mission | None = None


@dataclass
class ForYou:
    """A volunteer's suggestions, or why there are none (`problem`)."""

    profile: Mapping | None
    suggestions: list[Suggestion]
    problem: str = ""  # no_profile | no_time | unavailable | no_skills


def _mission_location(volunteer: VolunteerFacts, prefix: str = "") -> Q:
    remote = _prefixed(prefix, work_mode=scoring.REMOTE)
    if volunteer.work_mode == scoring.REMOTE:
        if not volunteer.departement_code:
            return remote
        return remote | _prefixed(
            prefix, work_mode=scoring.HYBRID, departement_code=volunteer.departement_code
        )
    if not volunteer.region_code:
        return Q()  # no place given: on-site missions stay, without points for the place
    return (
        remote
        | _prefixed(prefix, region_code="")
        | _prefixed(prefix, region_code=volunteer.region_code)
    )


def _mission_dates(volunteer: VolunteerFacts, today: date, prefix: str = "") -> Q:
    begin = max(today, volunteer.available_from or today)
    dates = _prefixed(prefix, end_date__isnull=True) | _prefixed(prefix, end_date__gte=begin)
    if volunteer.available_until:
        dates &= _prefixed(prefix, start_date__isnull=True) | _prefixed(
            prefix, start_date__lte=volunteer.available_until
        )
    return dates


def rank_missions(
    missions: QuerySet[Mission],
    volunteer: VolunteerFacts,
    *,
    today: date,
    limit: int = CANDIDATES,
) -> list[Suggestion]:
    """The missions of `missions` that suit `volunteer`, best first (two queries).

    The candidates: for each of the volunteer's skills, the MISSION_POOL newest open
    missions asking for it whose place and dates make sense. Never one of the volunteer's
    own associations, one they already applied to or were invited to, or a full team.
    """
    if not volunteer.skills:
        return []
    pool = _pool(
        [
            MissionSkill.objects.filter(skill_id=skill, mission__status=Status.OPEN)
            .filter(
                _mission_location(volunteer, "mission__"),
                _mission_dates(volunteer, today, "mission__"),
            )
            .order_by("-mission_id")
            .values("mission_id")[:MISSION_POOL]
            for skill in volunteer.skills
        ]
    )
    candidates = (
        missions.filter(pk__in=_among(pool))
        .exclude(
            organization_id__in=Membership.objects.filter(user_id=volunteer.id).values(
                "organization_id"
            )
        )
        .exclude(pk__in=Application.objects.filter(volunteer_id=volunteer.id).values("mission"))
    )
    names = taxonomy_names()
    suggestions = []
    for row in _mission_rows(candidates, volunteer.school_id):
        if row["accepted_count"] >= row["team_size"]:
            continue
        match = scoring.score(volunteer, mission_facts(row, names), today=today)
        if match is not None:
            suggestions.append(Suggestion(row["pk"], match, row["published_at"]))
    # Best first; among equals, the newest.
    suggestions.sort(key=lambda s: (-s.match.score, -_stamp(s.published_at), -s.mission_id))
    return suggestions[:limit]


def with_missions(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Read the missions of `suggestions` (the page shown) with what a card shows (one
    query); each mission carries its `match`."""
    missions = (
        Mission.objects.filter(status=Status.OPEN)  # closed since the list was made: out
        .select_related("organization", "commune", "sponsor")
        .in_bulk([s.mission_id for s in suggestions if s.mission is None])
    )
    for suggestion in suggestions:
        if suggestion.mission is None:
            suggestion.mission = missions.get(suggestion.mission_id)
        if suggestion.mission is not None:
            suggestion.mission.match = suggestion.match  # type: ignore[attr-defined]
    return [s for s in suggestions if s.mission is not None]


def _own_profile(user) -> Mapping | None:
    return _profile_rows(VolunteerProfile.objects.filter(user_id=user.pk)).first()


def missions_for(user, *, today: date | None = None, limit: int = CANDIDATES) -> ForYou:
    """The open missions that suit `user`, best first, with their reasons (three queries,
    or none while the list is kept; `with_missions` reads the ones shown)."""
    if today is not None or limit != CANDIDATES:
        return _missions_for(user, today=today or timezone.localdate(), limit=limit)
    return _kept(_for_you_key(user.pk), lambda today: _missions_for(user, today=today))


def _missions_for(user, *, today: date, limit: int = CANDIDATES) -> ForYou:
    profile = _own_profile(user)
    if profile is None:
        return ForYou(profile=None, suggestions=[], problem="no_profile")
    volunteer = _facts(profile)
    problem = ""
    if volunteer.hours_per_week <= 0:
        problem = "no_time"
    elif volunteer.available_until and volunteer.available_until < today:
        problem = "unavailable"
    elif not volunteer.skills:
        problem = "no_skills"
    if problem:
        return ForYou(profile=profile, suggestions=[], problem=problem)
    # The candidates are open missions already: no second condition on the state, which
    # would tempt the database into reading every open mission to meet a few hundred.
    suggestions = rank_missions(Mission.objects.all(), volunteer, today=today, limit=limit)
    return ForYou(profile=profile, suggestions=suggestions)


class MatchFirst:
    """A volunteer's best matches among some missions, then the others, newest first.

    Pages like a list: `Paginator` asks for `count()` and slices. Suggested missions carry
    their `match` for the template.
    """

    def __init__(self, head: list[Suggestion], missions: QuerySet[Mission]):
        from missions.selectors import _skills_prefetch

        self.head = head
        self.missions = missions
        self.rest = (
            missions.exclude(pk__in=[s.mission_id for s in head])
            .prefetch_related(None)
            .order_by("-published_at", "-pk")
        )
        self.prefetch = _skills_prefetch()
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = self.missions.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[Mission]:
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        page = [s.mission for s in with_missions(self.head[start:stop]) if s.mission is not None]
        if stop > len(self.head):
            page += list(self.rest[max(0, start - len(self.head)) : stop - len(self.head)])
        prefetch_related_objects(page, self.prefetch)
        return page


def matches_first(missions: QuerySet[Mission], user, *, today: date | None = None):
    """`missions` with `user`'s best matches first (see `MatchFirst`); None without a
    volunteer profile."""
    profile = _own_profile(user)
    if profile is None:
        return None
    volunteer = _facts(profile)
    today = today or timezone.localdate()
    head = []
    if volunteer.hours_per_week > 0:
        head = rank_missions(missions.prefetch_related(None), volunteer, today=today)
    return MatchFirst(head, missions)


# --- Volunteers for a mission ----------------------------------------------------------------
def get_mission_for_suggestions(request, pk: int) -> Mission:
    """The mission `pk`, if the requester is a member of its association (one query).

    Like `missions.selectors.get_mission_for_member`: 404 when the requester may not even
    see the mission, 403 when they may see it but not act for its association.
    """
    user = request.user
    mission = (
        Mission.objects.select_related("organization", "commune")
        .annotate(
            is_member=Exists(
                Membership.objects.filter(organization_id=OuterRef("organization_id"), user=user)
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if mission is None:
        raise Http404
    if mission.is_member:
        return mission
    if mission.status in lifecycle.PUBLIC or user.is_staff:
        raise PermissionDenied
    raise Http404


@dataclass
class VolunteerSuggestion:
    """A volunteer suggested for a mission; `profile` is read for the page shown only."""

    user_id: int
    match: Match
    updated_at: object = None
    profile: VolunteerProfile | None = None

    @property
    def user(self):
        return self.profile.user  # type: ignore[union-attr]  # set for every volunteer line


def _volunteer_location(mission: Mission, prefix: str = "") -> Q:
    if mission.work_mode == scoring.REMOTE:
        return Q()
    not_remote = ~_prefixed(prefix, work_mode=scoring.REMOTE)
    if not mission.region_code:
        return not_remote
    nearby = not_remote & (
        _prefixed(prefix, region_code=mission.region_code) | _prefixed(prefix, region_code="")
    )
    if mission.work_mode == scoring.HYBRID and mission.departement_code:
        nearby |= _prefixed(
            prefix, work_mode=scoring.REMOTE, departement_code=mission.departement_code
        )
    return nearby


def _volunteer_dates(mission: Mission, today: date) -> Q:
    begin = max(today, mission.start_date or today)
    dates = Q(available_until__isnull=True) | Q(available_until__gte=begin)
    if mission.end_date:
        dates &= Q(available_from__isnull=True) | Q(available_from__lte=mission.end_date)
    return dates


def volunteers_for(
    mission: Mission, *, today: date | None = None, limit: int = CANDIDATES
) -> list[VolunteerSuggestion]:
    """Volunteers who could help on `mission`, best first, with their reasons (three
    queries, or none while the list is kept; `with_profiles` reads the ones shown).

    The candidates: for each skill asked, the VOLUNTEER_POOL most skilled (then newest)
    volunteers who could come; only those with some hours and dates that meet; never a
    member of the association, nor someone who already applied or was invited.
    """
    if mission.status not in lifecycle.ACCEPTING_APPLICATIONS:
        return []
    if today is not None or limit != CANDIDATES:
        return _volunteers_for(mission, today=today or timezone.localdate(), limit=limit)
    return _kept(_volunteers_key(mission.pk), lambda today: _volunteers_for(mission, today=today))


def _volunteers_for(
    mission: Mission, *, today: date, limit: int = CANDIDATES
) -> list[VolunteerSuggestion]:
    _row, facts = missions_with_facts([mission.pk])[mission.pk]
    if not facts.requirements:
        return []
    if mission.work_mode == scoring.REMOTE:
        # Anyone may help: walk each skill's index, most skilled and newest first.
        lists: list[QuerySet] = [
            VolunteerSkill.objects.filter(skill_id=r.skill_id)
            .order_by("-level", "-profile_id")
            .values("profile_id")[:VOLUNTEER_POOL]
            for r in facts.requirements
        ]
    else:
        # Only people nearby: one pass over the place's volunteers for all the skills.
        skills = [r.skill_id for r in facts.requirements]
        lists = [
            VolunteerProfile.objects.filter(
                _volunteer_location(mission), skills__skill_id__in=skills
            )
            .order_by("-skills__level", "-pk")
            .values("pk")[: VOLUNTEER_POOL * len(skills)]
        ]
    pool = _pool(lists)
    credit = Case(
        *[
            When(skills__skill_id=r.skill_id, skills__level__gte=r.min_level, then=2)
            for r in facts.requirements
        ],
        default=1,
        output_field=IntegerField(),
    )
    near = (
        Case(When(departement_code=mission.departement_code, then=1), default=0)
        if mission.departement_code and mission.work_mode != scoring.REMOTE
        else Value(0)
    )
    best = (
        VolunteerProfile.objects.filter(
            pk__in=_among(pool),
            skills__skill_id__in=[r.skill_id for r in facts.requirements],
            hours_per_week__gt=0,
        )
        .filter(_volunteer_location(mission), _volunteer_dates(mission, today))
        .exclude(
            user_id__in=Membership.objects.filter(organization_id=mission.organization_id).values(
                "user_id"
            )
        )
        .exclude(user_id__in=Application.objects.filter(mission=mission).values("volunteer_id"))
        .order_by()
        .values("pk")
        .annotate(fit=Sum(credit), near=Max(near), fresh=Max("updated_at"))
        .order_by("-fit", "-near", "-fresh", "-pk")
        .values("pk")[:limit]
    )
    rows = _profile_rows(findable_volunteers().filter(pk__in=best))
    suggestions = []
    for row in rows:
        match = scoring.score(_facts(row), facts, today=today)
        if match is not None:
            suggestions.append(VolunteerSuggestion(row["user_id"], match, row["updated_at"]))
    suggestions.sort(key=lambda s: (-s.match.score, -_stamp(s.updated_at), -s.user_id))
    return suggestions


def with_profiles(suggestions: list[VolunteerSuggestion]) -> list[VolunteerSuggestion]:
    """Read the profiles and accounts of `suggestions` (the page shown), one query."""
    profiles = {
        profile.user_id: profile
        # An account closed since the list was made is out: only findable volunteers.
        for profile in findable_volunteers()
        .select_related("user")
        .filter(
            user_id__in=[s.user_id for s in suggestions if s.profile is None],
        )
    }
    for suggestion in suggestions:
        if suggestion.profile is None:
            suggestion.profile = profiles.get(suggestion.user_id)
    return [s for s in suggestions if s.profile is not None]


# --- Lists kept for a while ------------------------------------------------------------------
def _for_you_key(user_id: int) -> str:
    return f"matching:for-you:v1:{user_id}"


def _volunteers_key(mission_id: int) -> str:
    return f"matching:volunteers:v1:{mission_id}"


def _kept(key: str, make):
    """`make(today)`, kept SUGGESTIONS_SECONDS in the cache, and never past the day it was
    made for (dates decide what fits)."""
    today = timezone.localdate()
    kept = cache.get(key)
    if kept is not None and kept[0] == today:
        return kept[1]
    made = make(today)
    cache.set(key, (today, made), SUGGESTIONS_SECONDS)
    return made


def forget_suggestions(*, user_ids=(), mission_ids=()) -> None:
    """Forget the kept "missions for you" of `user_ids` and "volunteers for this mission"
    of `mission_ids`: they are made again when next asked."""
    keys = [_for_you_key(pk) for pk in user_ids] + [_volunteers_key(pk) for pk in mission_ids]
    if keys:
        cache.delete_many(keys)
