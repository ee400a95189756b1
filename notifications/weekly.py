"""The weekly e-mail of what is new for each person, for everyone at once.

Notifications owns the machinery; the apps above it fill it with sections they register
(`register_section`, from their `AppConfig.ready()`), so that this layer imports none of
them: matching registers the week's new missions that suit each volunteer
(`matching/digest.py`). Two steps, each safe to run twice:

1. `prepare_weekly_digests` asks each section which items it has for the people waiting
   for this week's e-mail (active, not opted out of the section's category, not recorded
   yet) and records one `WeeklyDigest` per person and week (unique: a second run adds
   nothing). A person recorded by an earlier section keeps that e-mail this week.
2. `send_weekly_digests` claims a batch of unsent digests (a conditional update, so two
   workers never send the same one), lets their section word the items in the reader's
   language (dropping those no longer true) and e-mails them over one connection.

People who set the section's category of notifications to "off" get nothing; any other
choice gets the weekly e-mail (it is a summary by nature).
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from core.emails import render_email
from core.sql import table

from .models import Frequency, Preference, WeeklyDigest

BATCH = 500  # e-mails per sending task


@dataclass(frozen=True)
class Section:
    """What an app adds to the weekly e-mail."""

    name: str  # stored with each item: which section words it back
    category: str  # the category of notifications (services.CATEGORIES) that turns it off
    template: str  # the e-mail (templates/emails/<template>/), given `items` and `more_url`
    more_url: str  # URL name of the page showing more of the same
    # (now, waiting) → (user id, items) pairs, slice by slice: `waiting` is the people who
    # may get this week's e-mail; items are JSON dicts, best first.
    choose: Callable[[datetime, QuerySet[User]], Iterable[list[tuple[int, list[dict]]]]]
    # The stored items of a batch of e-mails → a function wording one item for the e-mail in
    # the active language, or None when it is no longer true (left out). Called once per
    # batch: it reads what the items need at once.
    show: Callable[[list[dict]], Callable[[dict], dict | None]]


_SECTIONS: dict[str, Section] = {}


def register_section(section: Section) -> None:
    _SECTIONS[section.name] = section


def sections() -> list[Section]:
    return list(_SECTIONS.values())


def week_of(moment: datetime) -> date:
    """The Monday of the week `moment` falls in (local time)."""
    day = timezone.localtime(moment).date()
    return day - timedelta(days=day.weekday())


def waiting(*, category: str, week: date) -> QuerySet[User]:
    """People who may get this week's e-mail for `category` and have not got one yet."""
    opted_out = Preference.objects.filter(
        user_id=OuterRef("pk"), category=category, frequency=Frequency.OFF
    )
    recorded = WeeklyDigest.objects.filter(user_id=OuterRef("pk"), week=week)
    return User.objects.filter(is_active=True).exclude(Exists(opted_out)).exclude(Exists(recorded))


def prepare_weekly_digests(*, now: datetime | None = None) -> int:
    """Record this week's e-mail of every person some section has something for.

    Returns how many digests were recorded by this call (0 when run again).
    """
    now = now or timezone.now()
    week = week_of(now)
    recorded = 0
    for section in sections():
        people = waiting(category=section.category, week=week)
        for digests in section.choose(now, people):
            tagged = [
                (user_id, [{"section": section.name, **item} for item in items])
                for user_id, items in digests
                if items
            ]
            recorded += _record(tagged, week=week, now=now)
    return recorded


def _record(digests: list[tuple[int, list]], *, week: date, now: datetime) -> int:
    """Insert the digests; a person who already has this week's (two runs at once) keeps
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
            "CREATE TEMPORARY TABLE weekly_digest_load "
            "(user_id bigint, week date, items jsonb, created_at timestamptz) ON COMMIT DROP"
        )
        with cursor.cursor.copy("COPY weekly_digest_load FROM STDIN") as copy:
            for user_id, items in digests:
                copy.write_row((user_id, week, json.dumps(items, ensure_ascii=False), now))
        cursor.execute(
            f"INSERT INTO {table(WeeklyDigest)} (user_id, week, items, created_at) "
            "SELECT user_id, week, items, created_at FROM weekly_digest_load "
            "ON CONFLICT DO NOTHING"
        )
        recorded = cursor.rowcount
        # Dropped now, not at the commit: the caller's transaction may load more slices.
        cursor.execute("DROP TABLE weekly_digest_load")
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


def _section_of(digest: WeeklyDigest) -> Section | None:
    # Digests recorded before sections existed hold the missions of matching's section.
    name = digest.items[0].get("section", "missions") if digest.items else ""
    return _SECTIONS.get(name)


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
    preferences_url = _absolute(reverse("notifications:preferences"))
    by_section: dict[str, list[WeeklyDigest]] = {}
    for digest in digests:
        section = _section_of(digest)
        if section is not None and digest.user.is_active:
            by_section.setdefault(section.name, []).append(digest)
    messages = []
    for name, group in by_section.items():
        section = _SECTIONS[name]
        more_url = _absolute(reverse(section.more_url))
        word = section.show([item for digest in group for item in digest.items])
        for digest in group:
            user = digest.user
            with translation.override(user.language):
                items = [shown for item in digest.items if (shown := word(item)) is not None]
            if not items:
                continue
            subject, text, html = render_email(
                section.template,
                language=user.language,
                context={
                    "name": user.first_name,
                    "count": len(items),
                    "items": items,
                    "for_you_url": more_url,
                    "preferences_url": preferences_url,
                },
            )
            message = EmailMultiAlternatives(subject=subject, body=text, to=[user.email])
            message.attach_alternative(html, "text/html")
            messages.append(message)
    if messages:
        mailers.default.send_messages(messages)
    return len(messages)
