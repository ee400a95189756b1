"""Matching's section of the weekly e-mail (`notifications/weekly.py`): the new missions
of the week that suit each volunteer, registered in `MatchingConfig.ready()`.

`choose` reads the missions published in the last seven days once (a few thousand at
most), files them by skill and place (`Fresh`), then reads the volunteers by slices and,
for each, walks the lists of their skills: the newest missions of each skill whose place
and dates suit them, the best few by how much of the mission they cover, scored and worded
in Python. Notifications records them (one `WeeklyDigest` per volunteer and week) and
sends them; `show` words them back, leaving out a mission closed since.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from engagements.models import Application
from missions.models import Mission, Status
from notifications.weekly import Section
from organizations.models import Membership
from volunteers.models import VolunteerProfile

from . import phrasing, scoring
from .scoring import MissionFacts, Reason, VolunteerFacts
from .selectors import facts_for_profiles, missions_with_facts

CATEGORY = "suggestions"
NEW_FOR = timedelta(days=7)
KEEP = 6  # candidates scored per volunteer; also the newest taken from each skill's list
SHOWN = 5
MIN_SCORE = 55  # below this, a suggestion is noise in an e-mail
SLICE = 5000  # profiles read at once: bounded memory whatever the number of volunteers


class Fresh:
    """The week's missions filed by skill, then by where they happen, newest first, so
    that a volunteer's candidates are a few short walks rather than a pass over them all.

    `taken` holds (volunteer, mission) pairs already applied or invited; `members`,
    (person, organisation) pairs of the associations' own members.
    """

    def __init__(self, missions: Iterable[MissionFacts], *, taken: set, members: set):
        self.taken, self.members = taken, members
        self.remote: dict[int, list[MissionFacts]] = defaultdict(list)
        self.anywhere: dict[int, list[MissionFacts]] = defaultdict(list)
        self.by_region: dict[tuple[int, str], list[MissionFacts]] = defaultdict(list)
        self.hybrid_by_departement: dict[tuple[int, str], list] = defaultdict(list)
        for mission in sorted(missions, key=lambda m: -m.id):
            for requirement in mission.requirements:
                skill = requirement.skill_id
                self.anywhere[skill].append(mission)
                if mission.work_mode == scoring.REMOTE:
                    self.remote[skill].append(mission)
                    continue
                self.by_region[skill, mission.region_code].append(mission)
                if mission.work_mode == scoring.HYBRID and mission.departement_code:
                    self.hybrid_by_departement[skill, mission.departement_code].append(mission)

    def _lists(self, volunteer: VolunteerFacts, skill: int) -> list[list[MissionFacts]]:
        """The lists of `skill` whose missions happen where `volunteer` can work (the same
        rule as `scoring`: on-site only in their région, or anywhere when either side gave
        no place; remote-only people add hybrid missions of their département)."""
        if volunteer.work_mode == scoring.REMOTE:
            return [
                self.remote[skill],
                self.hybrid_by_departement.get((skill, volunteer.departement_code), []),
            ]
        if not volunteer.region_code:
            return [self.anywhere[skill]]
        return [
            self.remote[skill],
            self.by_region.get((skill, volunteer.region_code), []),
            self.by_region.get((skill, ""), []),
        ]

    def candidates(self, volunteer: VolunteerFacts) -> list[MissionFacts]:
        """The KEEP missions that cover most of what they ask of `volunteer` (then the
        nearest, then the newest), among the KEEP newest of each of their skills' lists
        that they could take: dates that meet, not applied yet, not their association's."""
        found: dict[int, MissionFacts] = {}
        for skill in volunteer.skills:
            for missions in self._lists(volunteer, skill):
                kept = 0
                for mission in missions:
                    if kept == KEEP:
                        break
                    if self._open_to(volunteer, mission):
                        found[mission.id] = mission
                        kept += 1
        ranked = sorted(found.values(), key=lambda m: _rough_fit(volunteer, m), reverse=True)
        return ranked[:KEEP]

    def _open_to(self, volunteer: VolunteerFacts, mission: MissionFacts) -> bool:
        until, start = volunteer.available_until, mission.start_date
        begin, end = volunteer.available_from, mission.end_date
        if (until and start and until < start) or (begin and end and begin > end):
            return False  # the dates do not meet
        taken = (volunteer.id, mission.id) in self.taken
        return not taken and (volunteer.id, mission.organization_id) not in self.members


def _rough_fit(volunteer: VolunteerFacts, mission: MissionFacts) -> tuple[float, int, int]:
    """How much of the mission the volunteer covers (4 a skill at the level asked, 2 one
    level below, 1 further below, over the skills asked), then on site nearby, then
    newest: a cheap order, so that only the few best are scored in full."""
    credit = 0
    for requirement in mission.requirements:
        level = volunteer.skills.get(requirement.skill_id)
        if level is not None:
            gap = requirement.min_level - level
            credit += 4 if gap <= 0 else 2 if gap == 1 else 1
    near = (
        mission.work_mode != scoring.REMOTE
        and bool(mission.departement_code)
        and mission.departement_code == volunteer.departement_code
    )
    return credit / len(mission.requirements), int(near), mission.id


def choose(now: datetime, waiting: QuerySet[User]) -> Iterator[list[tuple[int, list[dict]]]]:
    """The best new missions of each volunteer among `waiting`, a slice of volunteers at a
    time: (user id, [{"mission": id, "score": 0–100, "reasons": [Reason.to_dict()]}])."""
    today = timezone.localdate(now)
    since = now - NEW_FOR
    fresh_ids = Mission.objects.filter(
        status=Status.OPEN, published_at__gte=since, published_at__lt=now
    ).exclude(end_date__lt=today)
    missions = missions_with_facts(list(fresh_ids.values_list("pk", flat=True)))
    open_missions: list[MissionFacts] = [
        facts
        for row, facts in missions.values()
        if row["accepted_count"] < row["team_size"] and facts.requirements
    ]
    if not open_missions:
        return
    mission_ids = [facts.id for facts in open_missions]
    fresh = Fresh(
        open_missions,
        taken=set(
            Application.objects.filter(mission_id__in=mission_ids).values_list(
                "volunteer_id", "mission_id"
            )
        ),
        members=set(
            Membership.objects.filter(
                organization_id__in={facts.organization_id for facts in open_missions}
            ).values_list("user_id", "organization_id")
        ),
    )
    available = VolunteerProfile.objects.filter(
        Q(hours_per_week__gt=0) & (Q(available_until__isnull=True) | Q(available_until__gte=today)),
        # Correlated: each slice asks about its own profiles, not about every person waiting.
        Exists(waiting.filter(pk=OuterRef("user_id"))),
    )
    after = 0
    while True:
        # Slices by primary key: each one an index range, whatever the number of profiles.
        bounds = list(
            VolunteerProfile.objects.filter(pk__gt=after)
            .order_by("pk")
            .values_list("pk", flat=True)[SLICE - 1 : SLICE]
        )
        upper = bounds[0] if bounds else None
        volunteers = facts_for_profiles(
            available.filter(pk__gt=after, **({"pk__lte": upper} if upper else {}))
        )
        yield _digests(volunteers, fresh, today)
        if upper is None:
            return
        after = upper


def _digests(
    volunteers: Mapping[int, VolunteerFacts], fresh: Fresh, today: date
) -> list[tuple[int, list]]:
    digests = []
    for user_id, volunteer in volunteers.items():
        if not volunteer.skills:
            continue
        matches = []
        for mission in fresh.candidates(volunteer):
            match = scoring.score(volunteer, mission, today=today)
            if match is not None and match.score >= MIN_SCORE:
                matches.append(match)
        best = scoring.rank(matches)[:SHOWN]
        if best:
            items = [
                {
                    "mission": m.mission_id,
                    "score": m.score,
                    "reasons": [r.to_dict() for r in m.reasons],
                }
                for m in best
            ]
            digests.append((user_id, items))
    return digests


def show(items: list[dict]) -> Callable[[dict], dict | None]:
    """Word the missions of a batch of e-mails; a mission closed since is left out."""
    still_open = Mission.objects.filter(
        pk__in={item["mission"] for item in items}, status=Status.OPEN
    ).select_related("organization")
    missions = {mission.pk: mission for mission in still_open}

    def word(item: dict) -> dict | None:
        mission = missions.get(item["mission"])
        if mission is None:
            return None
        return {
            "title": mission.title,
            "organization": mission.organization.name,
            "url": settings.SITE_URL + reverse("missions:detail", args=[mission.pk]),
            "reasons": phrasing.reasons_line([Reason.from_dict(r) for r in item["reasons"]]),
        }

    return word


SECTION = Section(
    name="missions",
    category=CATEGORY,
    template="matching_digest",
    more_url="matching:missions_for_you",
    choose=choose,
    show=show,
)
