"""The weekly e-mail of new missions that suit each volunteer, for every volunteer at once.

Two steps, each safe to run twice:

1. `prepare_weekly_digests` reads the missions published in the last seven days once (a
   few thousand at most), files them by skill and place (`Fresh`), then reads the
   volunteers by slices and, for each, walks the lists of their skills: the newest
   missions of each skill whose place and dates suit them, the best few by how much of
   the mission they cover, scored and worded in Python. One `WeeklyDigest` per volunteer
   and week (unique: a second run adds nothing).
2. `send_weekly_digests` claims a batch of unsent digests (a conditional update, so two
   workers never send the same one) and e-mails them over one connection.

Volunteers who set the "suggestions" notifications to "off" get nothing; any other choice
gets the weekly e-mail (it is a summary by nature).
"""

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation

from core.emails import render_email
from core.sql import table
from engagements.models import Application
from missions.models import Mission, Status
from notifications.models import Frequency, Preference
from organizations.models import Membership
from volunteers.models import VolunteerProfile

from . import phrasing, scoring
from .models import WeeklyDigest
from .scoring import MissionFacts, Reason, VolunteerFacts
from .selectors import facts_for_profiles, missions_with_facts

CATEGORY = "suggestions"
NEW_FOR = timedelta(days=7)
KEEP = 6  # candidates scored per volunteer; also the newest taken from each skill's list
SHOWN = 5
MIN_SCORE = 55  # below this, a suggestion is noise in an e-mail
SLICE = 5000  # profiles read at once: bounded memory whatever the number of volunteers
BATCH = 500  # e-mails per sending task


def week_of(moment: datetime) -> date:
    """The Monday of the week `moment` falls in (local time)."""
    day = timezone.localtime(moment).date()
    return day - timedelta(days=day.weekday())


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


def _waiting(today: date, week: date) -> Q:
    """Volunteers who may get this week's digest and have not got it yet."""
    opted_out = Preference.objects.filter(
        user_id=OuterRef("user_id"), category=CATEGORY, frequency=Frequency.OFF
    )
    recorded = WeeklyDigest.objects.filter(user_id=OuterRef("user_id"), week=week)
    return (
        Q(hours_per_week__gt=0, user__is_active=True)
        & (Q(available_until__isnull=True) | Q(available_until__gte=today))
        & ~Exists(opted_out)
        & ~Exists(recorded)
    )


def prepare_weekly_digests(*, now: datetime | None = None) -> int:
    """Record this week's digest of every volunteer who has new missions that suit them.

    Returns how many digests were recorded by this call (0 when run again).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    week = week_of(now)
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
        return 0
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
    waiting = VolunteerProfile.objects.filter(_waiting(today, week))
    recorded, after = 0, 0
    while True:
        # Slices by primary key: each one an index range, whatever the number of profiles.
        bounds = list(
            VolunteerProfile.objects.filter(pk__gt=after)
            .order_by("pk")
            .values_list("pk", flat=True)[SLICE - 1 : SLICE]
        )
        upper = bounds[0] if bounds else None
        volunteers = facts_for_profiles(
            waiting.filter(pk__gt=after, **({"pk__lte": upper} if upper else {}))
        )
        recorded += _record(_digests(volunteers, fresh, today), week=week, now=now)
        if upper is None:
            return recorded
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


def _record(digests: list[tuple[int, list]], *, week: date, now: datetime) -> int:
    """Insert the digests; a volunteer who already has this week's (two runs at once) keeps
    it. On PostgreSQL through COPY: tens of thousands of rows a second, where an INSERT of
    JSON values spends its time escaping them."""
    if not digests:
        return 0
    if connection.vendor != "postgresql":
        WeeklyDigest.objects.bulk_create(
            [WeeklyDigest(user_id=user_id, week=week, items=items) for user_id, items in digests],
            ignore_conflicts=True,
            batch_size=1000,
        )
        return len(digests)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE matching_digest_load "
            "(user_id bigint, week date, items jsonb, created_at timestamptz) ON COMMIT DROP"
        )
        with cursor.cursor.copy("COPY matching_digest_load FROM STDIN") as copy:
            for user_id, items in digests:
                copy.write_row((user_id, week, json.dumps(items, ensure_ascii=False), now))
        cursor.execute(
            f"INSERT INTO {table(WeeklyDigest)} (user_id, week, items, created_at) "
            "SELECT user_id, week, items, created_at FROM matching_digest_load "
            "ON CONFLICT DO NOTHING"
        )
        recorded = cursor.rowcount
        # Dropped now, not at the commit: the caller's transaction may load more slices.
        cursor.execute("DROP TABLE matching_digest_load")
        return recorded


def unsent_batches(*, week: date) -> list[list[int]]:
    """The ids of the week's digests still to send, in batches for the sending tasks."""
    ids = list(
        WeeklyDigest.objects.filter(week=week, sent_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return [ids[i : i + BATCH] for i in range(0, len(ids), BATCH)]


def _absolute(url: str) -> str:
    return settings.SITE_URL + url


def send_weekly_digests(ids: list[int], *, now: datetime | None = None) -> int:
    """E-mail the digests `ids` that nobody sent yet; returns how many were sent."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = list(
            WeeklyDigest.objects.filter(pk__in=ids, sent_at__isnull=True)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        WeeklyDigest.objects.filter(pk__in=claimed, sent_at__isnull=True).update(sent_at=now)
    if not claimed:
        return 0
    digests = list(WeeklyDigest.objects.filter(pk__in=claimed).select_related("user"))
    mission_ids = {item["mission"] for digest in digests for item in digest.items}
    # A mission may have closed since the digest was prepared: it is left out.
    missions = Mission.objects.filter(pk__in=mission_ids, status=Status.OPEN).select_related(
        "organization"
    )
    missions = {mission.pk: mission for mission in missions}
    for_you_url = _absolute(reverse("matching:missions_for_you"))
    preferences_url = _absolute(reverse("notifications:preferences"))
    messages = []
    for digest in digests:
        user = digest.user
        if not user.is_active:
            continue
        shown = [item for item in digest.items if item["mission"] in missions]
        if not shown:
            continue
        with translation.override(user.language):
            items = [
                {
                    "title": missions[item["mission"]].title,
                    "organization": missions[item["mission"]].organization.name,
                    "url": _absolute(reverse("missions:detail", args=[item["mission"]])),
                    "reasons": phrasing.reasons_line(
                        [Reason.from_dict(r) for r in item["reasons"]]
                    ),
                }
                for item in shown
            ]
        subject, text, html = render_email(
            "matching_digest",
            language=user.language,
            context={
                "name": user.first_name,
                "count": len(items),
                "items": items,
                "for_you_url": for_you_url,
                "preferences_url": preferences_url,
            },
        )
        message = EmailMultiAlternatives(subject=subject, body=text, to=[user.email])
        message.attach_alternative(html, "text/html")
        messages.append(message)
    if messages:
        mailers.default.send_messages(messages)
    return len(messages)
