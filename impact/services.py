"""Every write of the impact app: staff set the hourly rates; the periodic job schedules,
asks and closes the adoption questions; the association's admins answer them."""

from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import audit
from accounts.models import User
from core.emails import send_email
from missions.models import MissionEvent
from missions.models import Status as MissionStatus
from notifications.models import Frequency, Preference
from notifications.services import CATEGORY_OF, notify
from organizations.models import Membership

from .lifecycle import ADOPTION, ANSWER_WINDOW, LATE
from .models import AdoptionCheck, HourlyRate

S = AdoptionCheck.Status
DAYS = [day.value for day in AdoptionCheck.Day]
# A mission completed longer ago than this has no question left to ask.
LOOKBACK = timedelta(days=max(DAYS)) + LATE
KIND = "adoption_check"


# --- Rates -----------------------------------------------------------------------------------
@transaction.atomic
def rate_update(*, rate: HourlyRate, by: User, value: Decimal, source: str) -> HourlyRate:
    """Staff change a domain's hourly rate, or where it comes from."""
    locked = HourlyRate.objects.select_for_update().get(pk=rate.pk)
    before = locked.rate
    locked.rate, locked.source, locked.updated_by = value, source.strip(), by
    locked.save(update_fields=["rate", "source", "updated_by", "updated_at"])
    audit.log(
        actor=by,
        verb="rate.changed",
        target=locked,
        data={"domain": locked.domain_id, "before": str(before), "after": str(value)},
    )
    return locked


# --- The adoption follow-up: the periodic job --------------------------------------------
def answer_url(check: AdoptionCheck) -> str:
    return reverse("impact:answer", args=[check.pk])


def adoption_schedule(*, now: datetime) -> int:
    """Create the two questions (day 30 and day 90) of every mission completed lately that
    has none yet; they wait, pending, for their day. Returns how many were created."""
    completed = (
        MissionEvent.objects.filter(
            to_status=MissionStatus.COMPLETED,
            at__gt=now - LOOKBACK,
            at__lte=now,
            mission__status=MissionStatus.COMPLETED,
        )
        .exclude(mission__adoption_checks__isnull=False)
        .order_by("mission_id", "at")
        .values_list("mission_id", "at")
    )
    first: dict[int, datetime] = {}
    for mission_id, at in completed:
        first.setdefault(mission_id, at)
    checks = [
        AdoptionCheck(
            mission_id=mission_id, day=day, completed_at=at, due_at=at + timedelta(days=day)
        )
        for mission_id, at in first.items()
        for day in DAYS
    ]
    # Two runs at once: the unique (mission, day) keeps one of each.
    return len(AdoptionCheck.objects.bulk_create(checks, ignore_conflicts=True))


def adoption_expire(*, now: datetime) -> int:
    """Close the questions left unanswered for ANSWER_WINDOW, and those whose day passed
    by more than LATE before anyone could ask them."""
    late = AdoptionCheck.objects.filter(status=S.PENDING, due_at__lt=now - LATE)
    unanswered = AdoptionCheck.objects.filter(status=S.ASKED, asked_at__lt=now - ANSWER_WINDOW)
    expired = 0
    for check in [*late, *unanswered]:
        if ADOPTION.allows(check, "expire", None, now=now):
            expired += AdoptionCheck.objects.filter(pk=check.pk, status=check.status).update(
                status=S.EXPIRED, expired_at=now
            )
    return expired


def adoption_ask_due(*, now: datetime) -> int:
    """Ask every question whose day has come: an e-mail and a notification to each admin
    of the association. Each row is claimed first (pending → asked), and each e-mail has
    its key: a second run, or two at once, sends nothing twice."""
    due = AdoptionCheck.objects.filter(status=S.PENDING, due_at__lte=now).select_related(
        "mission__organization"
    )
    asked = 0
    for check in due:
        if not ADOPTION.allows(check, "ask", None, now=now):
            continue
        with transaction.atomic():
            claimed = AdoptionCheck.objects.filter(pk=check.pk, status=S.PENDING).update(
                status=S.ASKED, asked_at=now
            )
            if not claimed:
                continue  # another run took it
            check.status, check.asked_at = S.ASKED, now
            _ask(check)
            asked += 1
    return asked


def _ask(check: AdoptionCheck) -> None:
    mission = check.mission
    admins = list(
        User.objects.filter(
            memberships__organization_id=mission.organization_id,
            memberships__role=Membership.Role.ADMIN,
            is_active=True,
        ).order_by("pk")
    )
    url = answer_url(check)
    context = {
        "mission": mission.title,
        "organization": mission.organization.name,
        "day": check.day,
        "completed_on": timezone.localdate(check.completed_at),
    }
    notify(users=admins, kind=KIND, context=context, url=url, email=False)
    silent = set(
        Preference.objects.filter(
            user__in=admins, category=CATEGORY_OF[KIND], frequency=Frequency.OFF
        ).values_list("user_id", flat=True)
    )
    for admin in admins:
        if admin.pk in silent:
            continue  # she wants no e-mail about missions: the question waits on the site
        send_email(
            KIND,
            to=admin.email,
            language=admin.language,
            context={**context, "name": admin.first_name, "link": settings.SITE_URL + url},
            key=f"adoption-check:{check.pk}:{admin.pk}",
        )


def adoption_tick(*, now: datetime | None = None) -> dict[str, int]:
    """The daily job (`manage.py cron`): close, schedule, then ask what is due."""
    now = now or timezone.now()
    return {
        "expired": adoption_expire(now=now),
        "scheduled": adoption_schedule(now=now),
        "asked": adoption_ask_due(now=now),
    }


# --- The association's answer ------------------------------------------------------------
@transaction.atomic
def adoption_answer(
    *, check: AdoptionCheck, by: User, answer: str, now: datetime | None = None
) -> AdoptionCheck:
    """An admin of the association says whether it still uses what it received."""
    now = now or timezone.now()
    locked = AdoptionCheck.objects.select_for_update().select_related("mission").get(pk=check.pk)
    if answer not in AdoptionCheck.Answer.values:
        raise ValueError(f"unknown answer {answer!r}")
    transition = ADOPTION.check(locked, "answer", by, now=now)
    locked.status, locked.answer = transition.target, answer
    locked.answered_at, locked.answered_by = now, by
    locked.save(update_fields=["status", "answer", "answered_at", "answered_by"])
    audit.log(
        actor=by,
        verb="adoption.answered",
        target=locked.mission,
        data={"day": locked.day, "answer": answer},
    )
    return locked
