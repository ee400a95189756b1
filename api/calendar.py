"""A person's calendar as iCalendar, behind a secret, revocable address.

What it holds: the dates of their missions (as a volunteer accepted on it, or as a member of
the association), each mission's deadline (its end date), and their booked quick-help calls.
"""

import secrets
from datetime import timedelta
from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from engagements.models import Application
from missions.models import Mission, Status
from organizations.models import Membership
from quickhelp.invitations import ZONE
from quickhelp.models import Call

from .models import CalendarFeed
from .services import hash_secret

ACTIVE_MISSIONS = (Status.OPEN, Status.IN_PROGRESS, Status.DELIVERED)


@transaction.atomic
def feed_create(*, user) -> tuple[CalendarFeed, str]:
    """A new address for `user` (the previous one stops working): the feed and its secret."""
    feed_revoke(user=user)
    secret = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(user=user, secret_hash=hash_secret(secret))
    return feed, secret


def feed_revoke(*, user) -> int:
    """Revoke the active address of `user`: its old URL answers 404 from now on."""
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def feed_for_secret(secret: str) -> CalendarFeed | None:
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(secret_hash=hash_secret(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if feed is not None and (
        feed.last_used_at is None or timezone.now() - feed.last_used_at > timedelta(hours=1)
    ):
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=timezone.now())
    return feed


def _domain() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "a-lasso.fr"


def missions_of(user) -> list[Mission]:
    mine = Q(
        pk__in=Application.objects.filter(
            volunteer=user, status=Application.Status.ACCEPTED
        ).values("mission")
    )
    mine |= Q(organization__in=Membership.objects.filter(user=user).values("organization"))
    return list(
        Mission.objects.filter(mine, status__in=ACTIVE_MISSIONS)
        .select_related("organization")
        .order_by("pk")
    )


def calls_of(user) -> list[Call]:
    return list(
        Call.objects.filter(Q(helper=user) | Q(question__asked_by=user), status=Call.Status.BOOKED)
        .select_related("question")
        .order_by("starts_at", "pk")
    )


def calendar_of(user, *, now=None) -> bytes:
    now = (now or timezone.now()).astimezone(ZONE)
    domain = _domain()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//A-lasso//Agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{settings.SITE_NAME} : {user.full_name}")
    for mission in missions_of(user):
        page = settings.SITE_URL + reverse("missions:detail", args=[mission.pk])
        where = mission.organization.name
        if mission.start_date:
            event = icalendar.Event()
            event.add("uid", f"mission-{mission.pk}-dates@{domain}")
            event.add("dtstamp", now)
            event.add("dtstart", mission.start_date)
            event.add("dtend", (mission.end_date or mission.start_date) + timedelta(days=1))
            event.add("summary", f"Mission : {mission.title} ({where})")
            event.add("url", page)
            event.add("description", page)
            calendar.add_component(event)
        if mission.end_date:
            event = icalendar.Event()
            event.add("uid", f"mission-{mission.pk}-deadline@{domain}")
            event.add("dtstamp", now)
            event.add("dtstart", mission.end_date)
            event.add("dtend", mission.end_date + timedelta(days=1))
            event.add("summary", f"Échéance de la mission : {mission.title}")
            event.add("url", page)
            event.add("description", page)
            calendar.add_component(event)
    for call in calls_of(user):
        page = settings.SITE_URL + reverse("quickhelp:question", args=[call.question_id])
        event = icalendar.Event()
        event.add("uid", f"{call.uid}@{domain}")  # the same as the e-mailed invitation
        event.add("sequence", call.sequence)
        event.add("dtstamp", now)
        event.add("dtstart", call.starts_at.astimezone(ZONE))
        event.add("dtend", call.ends_at.astimezone(ZONE))
        event.add("summary", f"Coup de main A-lasso : {call.question.title}")
        event.add("location", call.video_link)
        event.add("url", page)
        event.add("description", f"Lien de l'appel : {call.video_link}\n{page}")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
