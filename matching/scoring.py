"""How well a volunteer fits a mission: a score out of 100 and its reasons, as data.

Pure: plain dataclasses in, a `Match` out; no database, no translation. `selectors` builds
the facts from the database, `templatetags.matching` phrases the reasons in the reader's
language ("Logo et identité visuelle, Figma · à distance · 15 h sur 3 semaines").

What counts, out of 100:

- skills (50): each skill the mission asks for is covered fully when the volunteer has it
  at the minimum level or above, half when one level below, a quarter when further below;
- place (15): a remote mission suits everyone (less so someone who asked for on-site
  work); an on-site one scores by distance: same commune, département, then région;
- time (15): the weeks the effort takes at the volunteer's hours per week, against the
  weeks left between the mission's dates and the volunteer's;
- causes (10): the association works for a cause the volunteer cares about;
- school (5): the volunteer's school already sent someone to this association (a
  volunteer of the same school was accepted on one of its missions), or the association
  is in the school's département;
- track record (5): missions completed before (up to three), and the average rating of
  past reviews when there is one (out of 5; unknown counts as average).

Some pairs make no sense and get no score at all (`score` returns None): no hours
available, dates that do not meet, an on-site mission outside the volunteer's région, or
any on-site work for someone who only works remotely — except a hybrid mission in their
own département, where a few trips are reasonable.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

REMOTE, ONSITE, HYBRID, BOTH = "remote", "onsite", "hybrid", "both"

SKILLS, PLACE, TIME, CAUSES, SCHOOL, TRACK = 50, 15, 15, 10, 5, 5
# How many skill or cause names a reason names at most: a reason fits on one line.
NAMES_SHOWN = 3


@dataclass(frozen=True)
class Name:
    """A name shipped in both languages (skills, causes); the template picks one."""

    fr: str
    en: str = ""


@dataclass(frozen=True)
class Requirement:
    skill_id: int
    name: Name
    min_level: int = 1


@dataclass(frozen=True)
class MissionFacts:
    id: int
    requirements: tuple[Requirement, ...]
    effort_hours: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    work_mode: str = REMOTE  # remote | onsite | hybrid
    commune_code: str = ""
    commune_name: str = ""
    departement_code: str = ""
    region_code: str = ""
    organization_id: int = 0
    organization_departement_code: str = ""
    # The association's causes, by id, with their names (for the reason).
    causes: Mapping[int, Name] = field(default_factory=dict)
    # Schools whose students the association already accepted on one of its missions.
    partner_school_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class VolunteerFacts:
    id: int
    skills: Mapping[int, int]  # skill id → level (1 learning, 2 comfortable, 3 expert)
    cause_ids: frozenset[int] = frozenset()
    hours_per_week: int = 0
    available_from: date | None = None
    available_until: date | None = None
    work_mode: str = BOTH  # remote | onsite | both
    commune_code: str = ""
    departement_code: str = ""
    region_code: str = ""
    school_id: int | None = None
    school_departement_code: str = ""
    completed_missions: int = 0
    past_rating: float | None = None  # average of past reviews, out of 5


@dataclass(frozen=True)
class Reason:
    """One part of the explanation; `kind` says which fields matter.

    skills (names) · remote · place (place, scope: commune | departement | region) ·
    effort (hours, weeks) · causes (names) · school (scope: alumni | nearby) ·
    experience (count) · rating (rating)
    """

    kind: str
    names: tuple[Name, ...] = ()
    place: str = ""
    scope: str = ""
    hours: int = 0
    weeks: int = 0
    count: int = 0
    rating: float = 0.0

    def to_dict(self) -> dict:
        data = {"kind": self.kind}
        for key in ("place", "scope", "hours", "weeks", "count", "rating"):
            value = getattr(self, key)
            if value:
                data[key] = value
        if self.names:
            data["names"] = [[name.fr, name.en] for name in self.names]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Reason":
        data = dict(data)
        data["names"] = tuple(Name(*pair) for pair in data.get("names", ()))
        return cls(**data)


@dataclass(frozen=True)
class Match:
    volunteer_id: int
    mission_id: int
    score: int
    reasons: tuple[Reason, ...]


def _skills(volunteer: VolunteerFacts, mission: MissionFacts) -> tuple[float, Reason | None]:
    if not mission.requirements:
        return 0.0, None
    covered, names = 0.0, []
    for requirement in mission.requirements:
        level = volunteer.skills.get(requirement.skill_id)
        if level is None:
            continue
        gap = requirement.min_level - level
        covered += 1.0 if gap <= 0 else 0.5 if gap == 1 else 0.25
        names.append(requirement.name)
    if not names:
        return 0.0, None
    reason = Reason("skills", names=tuple(names[:NAMES_SHOWN]))
    return SKILLS * covered / len(mission.requirements), reason


def _place(volunteer: VolunteerFacts, mission: MissionFacts) -> tuple[float, Reason | None] | None:
    """Points and reason for where the mission happens; None when it is out of reach."""
    if mission.work_mode == REMOTE:
        return (PLACE if volunteer.work_mode != ONSITE else PLACE / 3), Reason("remote")
    if not (mission.region_code and volunteer.region_code):
        # Either side did not say where: no points, and out only for remote-only people.
        return None if volunteer.work_mode == REMOTE else (0.0, None)
    same_departement = mission.departement_code == volunteer.departement_code
    if volunteer.work_mode == REMOTE:
        if mission.work_mode == HYBRID and same_departement:
            return PLACE / 2, Reason("place", place=mission.commune_name, scope="departement")
        return None
    if mission.commune_code and mission.commune_code == volunteer.commune_code:
        return PLACE, Reason("place", place=mission.commune_name, scope="commune")
    if same_departement:
        return PLACE * 0.8, Reason("place", place=mission.commune_name, scope="departement")
    if mission.region_code == volunteer.region_code:
        return PLACE * 0.45, Reason("place", place=mission.commune_name, scope="region")
    return None


def _time(
    volunteer: VolunteerFacts, mission: MissionFacts, today: date
) -> tuple[float, Reason | None] | None:
    """Points and reason for the time the mission takes; None when it cannot fit at all."""
    if volunteer.hours_per_week <= 0:
        return None
    begin = max(d for d in (today, mission.start_date, volunteer.available_from) if d)
    ends = [d for d in (mission.end_date, volunteer.available_until) if d]
    end = min(ends) if ends else None
    if end is not None and end < begin:
        return None  # the dates do not meet
    if not mission.effort_hours:
        return TIME / 2, None
    weeks = max(1, math.ceil(mission.effort_hours / volunteer.hours_per_week))
    reason = Reason("effort", hours=mission.effort_hours, weeks=weeks)
    if end is None:
        return TIME, reason
    weeks_left = max(1, ((end - begin).days + 1) / 7)
    return TIME * min(1.0, weeks_left / weeks), reason


def _causes(volunteer: VolunteerFacts, mission: MissionFacts) -> tuple[float, Reason | None]:
    common = [name for cause_id, name in mission.causes.items() if cause_id in volunteer.cause_ids]
    if not common:
        return 0.0, None
    return CAUSES, Reason("causes", names=tuple(common[:NAMES_SHOWN]))


def _school(volunteer: VolunteerFacts, mission: MissionFacts) -> tuple[float, Reason | None]:
    if volunteer.school_id is None:
        return 0.0, None
    if volunteer.school_id in mission.partner_school_ids:
        return SCHOOL, Reason("school", scope="alumni")
    if (
        volunteer.school_departement_code
        and volunteer.school_departement_code == mission.organization_departement_code
    ):
        return SCHOOL * 0.6, Reason("school", scope="nearby")
    return 0.0, None


def _track(volunteer: VolunteerFacts) -> tuple[float, list[Reason]]:
    reasons = []
    completed = min(volunteer.completed_missions, 3)
    points = 3 * completed / 3
    if volunteer.completed_missions:
        reasons.append(Reason("experience", count=volunteer.completed_missions))
    if volunteer.past_rating is None:
        points += 1  # no review yet: neither a plus nor a minus
    else:
        rating = max(0.0, min(5.0, volunteer.past_rating))
        points += 2 * rating / 5
        if rating >= 4:
            reasons.append(Reason("rating", rating=round(rating, 1)))
    return points, reasons


def score(volunteer: VolunteerFacts, mission: MissionFacts, *, today: date) -> Match | None:
    """The match between `volunteer` and `mission`, or None when the pair makes no sense."""
    place = _place(volunteer, mission)
    if place is None:
        return None
    time = _time(volunteer, mission, today)
    if time is None:
        return None
    parts = [
        _skills(volunteer, mission),
        place,
        time,
        _causes(volunteer, mission),
        _school(volunteer, mission),
    ]
    track_points, track_reasons = _track(volunteer)
    total = sum(points for points, _ in parts) + track_points
    reasons = [reason for _, reason in parts if reason is not None] + track_reasons
    return Match(
        volunteer_id=volunteer.id,
        mission_id=mission.id,
        score=round(total),
        reasons=tuple(reasons),
    )


def rank(matches: list[Match | None]) -> list[Match]:
    """Best first; ties keep the order they came in (the selectors' recency order)."""
    return sorted((m for m in matches if m is not None), key=lambda m: -m.score)
