"""The weekly e-mail of new missions that suit each volunteer, for every volunteer at once.

Two steps, each safe to run twice:

1. `prepare_weekly_digests` finds, in SQL and by slices of profiles, the (volunteer,
   mission) pairs that share a skill among the missions published in the last seven days,
   keeps the best few per volunteer, scores and words only those in Python, and records one
   `WeeklyDigest` per volunteer and week (unique: a second run adds nothing).
2. `send_weekly_digests` claims a batch of unsent digests (a conditional update, so two
   workers never send the same one) and e-mails them over one connection.

Volunteers who set the "suggestions" notifications to "off" get nothing; any other choice
gets the weekly e-mail (it is a summary by nature).
"""

import json
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from core.emails import render_email
from engagements.models import Application
from missions.models import Mission, MissionSkill, Status
from notifications.models import Frequency, Preference
from organizations.models import Membership
from volunteers.models import VolunteerProfile, VolunteerSkill

from . import phrasing, scoring
from .models import WeeklyDigest
from .scoring import Reason
from .selectors import facts_for_profiles, missions_with_facts

CATEGORY = "suggestions"
NEW_FOR = timedelta(days=7)
KEEP = 6  # pairs kept per volunteer by SQL: a few may drop out (applied, own association)
SHOWN = 5
MIN_SCORE = 55  # below this, a suggestion is noise in an e-mail
SLICE = 5000  # profiles per SQL pass: bounded memory whatever the number of volunteers
BATCH = 500  # e-mails per sending task


def week_of(moment: datetime) -> date:
    """The Monday of the week `moment` falls in (local time)."""
    day = timezone.localtime(moment).date()
    return day - timedelta(days=day.weekday())


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _pairs_sql() -> str:
    # Both sides are materialised first, so that the database never weighs pairs before
    # filtering people: the week's missions' skills are few, the slice's people a few thousand.
    return f"""
    WITH fresh_skills AS MATERIALIZED (
        SELECT ms.skill_id, ms.min_level, m.id AS mission_id, m.work_mode, m.region_code,
               m.departement_code, m.start_date, m.end_date,
               (SELECT COUNT(*) FROM {_table(MissionSkill)} r WHERE r.mission_id = m.id)
                   AS required
        FROM {_table(Mission)} m
        JOIN {_table(MissionSkill)} ms ON ms.mission_id = m.id
        WHERE m.status = %s AND m.published_at >= %s AND m.published_at < %s
          AND (m.end_date IS NULL OR m.end_date >= %s)
    ),
    people AS MATERIALIZED (
        SELECT p.id, p.user_id, p.work_mode, p.region_code, p.departement_code,
               p.available_from, p.available_until
        FROM {_table(VolunteerProfile)} p
        JOIN {_table(User)} u ON u.id = p.user_id
        WHERE p.id >= %s AND p.id < %s AND p.hours_per_week > 0 AND u.is_active
          AND (p.available_until IS NULL OR p.available_until >= %s)
          AND NOT EXISTS (
              SELECT 1 FROM {_table(Preference)} f
              WHERE f.user_id = p.user_id AND f.category = %s AND f.frequency = %s)
          AND NOT EXISTS (
              SELECT 1 FROM {_table(WeeklyDigest)} d WHERE d.user_id = p.user_id AND d.week = %s)
    ),
    pairs AS (
        SELECT pe.user_id, fs.mission_id,
               CAST(SUM(CASE WHEN vs.level >= fs.min_level THEN 4
                             WHEN vs.level + 1 = fs.min_level THEN 2
                             ELSE 1 END) AS DOUBLE PRECISION) / MAX(fs.required) AS fit,
               MAX(CASE WHEN fs.work_mode <> 'remote'
                         AND fs.departement_code = pe.departement_code THEN 1 ELSE 0 END)
                   AS near
        FROM people pe
        JOIN {_table(VolunteerSkill)} vs ON vs.profile_id = pe.id
        JOIN fresh_skills fs ON fs.skill_id = vs.skill_id
        WHERE (fs.start_date IS NULL OR pe.available_until IS NULL
               OR pe.available_until >= fs.start_date)
          AND (fs.end_date IS NULL OR pe.available_from IS NULL
               OR pe.available_from <= fs.end_date)
          AND (fs.work_mode = 'remote'
               OR (pe.work_mode <> 'remote'
                   AND (fs.region_code = '' OR pe.region_code = ''
                        OR pe.region_code = fs.region_code))
               OR (pe.work_mode = 'remote' AND fs.work_mode = 'hybrid'
                   AND fs.departement_code <> ''
                   AND pe.departement_code = fs.departement_code))
        GROUP BY pe.user_id, fs.mission_id
    )
    SELECT user_id, mission_id FROM (
        SELECT user_id, mission_id,
               ROW_NUMBER() OVER (
                   PARTITION BY user_id ORDER BY fit DESC, near DESC, mission_id DESC
               ) AS position
        FROM pairs
    ) ranked
    WHERE position <= %s
    """


def prepare_weekly_digests(*, now: datetime | None = None) -> int:
    """Record this week's digest of every volunteer who has new missions that suit them.

    Returns how many digests were recorded by this call (0 when run again).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    week = week_of(now)
    since = now - NEW_FOR
    fresh = Mission.objects.filter(
        status=Status.OPEN, published_at__gte=since, published_at__lt=now
    ).exclude(end_date__lt=today)
    missions = missions_with_facts(list(fresh.values_list("pk", flat=True)))
    if not missions:
        return 0
    mission_ids = list(missions)
    taken = set(
        Application.objects.filter(mission_id__in=mission_ids).values_list(
            "volunteer_id", "mission_id"
        )
    )
    members = set(
        Membership.objects.filter(
            organization_id__in={row["organization_id"] for row, _ in missions.values()}
        ).values_list("user_id", "organization_id")
    )
    bounds = VolunteerProfile.objects.order_by().values_list("pk", flat=True)
    first, last = bounds.order_by("pk").first(), bounds.order_by("-pk").first()
    if first is None:
        return 0
    recorded = 0
    sql = _pairs_sql()
    for low in range(first, last + 1, SLICE):
        params = [Status.OPEN, since, now, today]
        params += [low, low + SLICE, today, CATEGORY, Frequency.OFF, week, KEEP]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            pairs = cursor.fetchall()
        if not pairs:
            continue
        candidates: dict[int, list[int]] = {}
        for user_id, mission_id in pairs:
            candidates.setdefault(user_id, []).append(mission_id)
        volunteers = facts_for_profiles(
            VolunteerProfile.objects.filter(pk__gte=low, pk__lt=low + SLICE)
        )
        digests = []
        for user_id, ids in candidates.items():
            volunteer = volunteers.get(user_id)
            if volunteer is None:
                continue
            matches = []
            for mission_id in ids:
                row, facts = missions[mission_id]
                if (user_id, mission_id) in taken or (user_id, row["organization_id"]) in members:
                    continue
                if row["accepted_count"] >= row["team_size"]:
                    continue
                match = scoring.score(volunteer, facts, today=today)
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
        recorded += _record(digests, week=week, now=now)
    return recorded


def _record(digests: list[tuple[int, list]], *, week: date, now: datetime) -> int:
    """Insert the digests; a volunteer who already has this week's (two runs at once) keeps
    it. On PostgreSQL through COPY: tens of thousands of rows a second, where an INSERT of
    JSON values spends its time escaping them."""
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
            f"INSERT INTO {_table(WeeklyDigest)} (user_id, week, items, created_at) "
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
