"""`notify`: the one way to tell people that something happened.

Each kind of event has two templates, `notifications/<kind>/title.txt` and `body.txt`,
rendered from the notification's stored context in the language of whoever reads it
(`notifications.rendering`). The notification is kept in-app; an e-mail goes out
at once, in a daily or weekly summary, or never, after the recipient's preference for the
event's category.
"""

import json
import re
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.emails import send_email

from .models import Frequency, Notification, Preference, WeeklyDigest
from .rendering import DELETED_PERSON, ERASED_TEXT, FREE_TEXT, as_data, render

# Every kind of event belongs to a category; people set one preference per category.
CATEGORIES = {
    "applications": [
        "application_received",
        "application_accepted",
        "application_declined",
        "application_withdrawn",
        "application_expired",
        "application_reminder",
        "invitation_received",
        "invitation_answered",
        # A school's class project (schools app): proposed to the association, answered.
        "class_project_proposed",
        "class_project_accepted",
        "class_project_declined",
        # A company's answer to an employee's request for working time (companies app).
        "sponsorship_approved",
        "sponsorship_refused",
    ],
    "agreements": [
        "agreement_to_confirm",
        "agreement_confirmed",
        # A talent solidaire's month confirmed by the association (companies app).
        "check_in_confirmed",
    ],
    "messages": ["message_received"],
    "missions": [
        "mission_published",
        "mission_sent_back",
        "mission_started",
        "mission_cancelled",
        "mission_submitted",
        "mission_silent",
        "mission_past_end",
        "mission_expired",
        # The end of a mission (completion app): delivery, confirmation, reviews.
        "work_delivered",
        "changes_requested",
        "engagement_completed",
        "review_written",
        "review_reminder",
        "reference_published",
        "association_review_published",
        # A school's call for needs (schools app): an association proposed a mission.
        "call_mission_proposed",
        # A teacher's verdict on a student's mission (teaching app).
        "teacher_validation",
        # Challenges (challenges app): a challenge brought to an event, and the answer.
        "challenge_submitted",
        "challenge_accepted",
        "challenge_declined",
        # The adoption follow-up (impact app): « do you still use it? », 30 and 90 days on.
        "adoption_check",
    ],
    # The weekly e-mail of new missions for each volunteer (weekly.py, matching's section):
    # no in-app notification, only this preference ("off" stops it).
    "suggestions": [],
    "organizations": [
        "organization_verified",
        "organization_rejected",
        "member_invited",
        # A mediator's consents (territories app): given to her, or taken back.
        "consent_given",
        "consent_revoked",
        # A pack numérique (territories app): an association claimed the authority's pack.
        "pack_claimed",
    ],
    "moderation": ["report_received"],
    # Quick help (quickhelp): asked to help, answers, calls, thanks, public answers. "off"
    # also stops the questions asked to a volunteer (quickhelp.selectors.volunteers_to_ask).
    "quickhelp": [
        "quickhelp_question",
        "quickhelp_answered",
        "quickhelp_call_booked",
        "quickhelp_call_reminder",
        "quickhelp_solved",
        "quickhelp_to_mission",
        "quickhelp_publication_draft",
        "quickhelp_published",
        "quickhelp_sent_back",
    ],
}
CATEGORY_OF = {kind: category for category, kinds in CATEGORIES.items() for kind in kinds}
# Categories only the A-lasso team can receive; nobody else sees them in the preferences.
STAFF_CATEGORIES = frozenset({"moderation"})
# A digest lists this many notifications at most; the rest are one click away on the site.
DIGEST_LIMIT = 30
DIGEST_FREQUENCIES = (Frequency.DAILY, Frequency.WEEKLY)


def frequency_for(user_id: int, category: str) -> str:
    preference = Preference.objects.filter(user_id=user_id, category=category).first()
    return preference.frequency if preference else Frequency.IMMEDIATE


def _absolute(url: str) -> str:
    return settings.SITE_URL + url if url.startswith("/") else url


@transaction.atomic
def notify(
    *, users: Iterable[User], kind: str, context: dict, url: str = "", email: bool = True
) -> list[Notification]:
    """Create a notification of `kind` for each user, and e-mail those who want it now.

    `email=False`: the caller sends an e-mail of its own about it (a question to answer, with
    its buttons): the notification is only kept in-app, and no summary repeats it."""
    category = CATEGORY_OF[kind]
    users = [u for u in users if u is not None and u.is_active]
    preferences = dict(
        Preference.objects.filter(user__in=users, category=category).values_list(
            "user_id", "frequency"
        )
    )
    now = timezone.now()
    data = as_data(context)
    created, emails = [], []
    for user in users:
        with translation.override(user.language):
            title, body = render(kind, data)
        frequency = preferences.get(user.pk, Frequency.IMMEDIATE)
        immediate = frequency == Frequency.IMMEDIATE
        if not email:
            # Counted as sent: the caller's own e-mail told the person (or her "off" did not).
            frequency, immediate = Frequency.OFF, False
        created.append(
            Notification(
                user=user,
                kind=kind,
                context=data,
                title=title[:300],
                body=body,
                url=url,
                email_frequency=frequency,
                emailed_at=now if immediate else None,
            )
        )
        if immediate:
            emails.append((user, title, body))
    created = Notification.objects.bulk_create(created)
    preferences_url = _absolute(reverse("notifications:preferences"))
    for user, title, body in emails:
        send_email(
            "notification",
            to=user.email,
            language=user.language,
            context={
                "title": title,
                "body": body,
                "url": _absolute(url),
                "name": user.first_name,
                "preferences_url": preferences_url,
            },
        )
    return created


# --- Reading -------------------------------------------------------------------------------
def notification_open(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_mark_read(*, user: User, url: str | None = None, kind: str | None = None) -> int:
    """Mark the user's unread notifications as read (only those about `url`/`kind` if given)."""
    rows = Notification.objects.filter(user=user, read_at__isnull=True)
    if url is not None:
        rows = rows.filter(url=url)
    if kind is not None:
        rows = rows.filter(kind=kind)
    return rows.update(read_at=timezone.now())


# --- Preferences ---------------------------------------------------------------------------
@transaction.atomic
def preferences_set(*, user: User, frequencies: dict[str, str]) -> None:
    """Save one frequency per category.

    Notifications still waiting for a summary follow the new choice: "off" cancels them, the
    other summary takes them over; switching to "tout de suite" leaves them in the summary
    they were waiting for, so nothing is lost.
    """
    for category, frequency in frequencies.items():
        if category not in CATEGORIES or frequency not in Frequency.values:
            raise ValueError(f"unknown category or frequency: {category}={frequency}")
        Preference.objects.update_or_create(
            user=user, category=category, defaults={"frequency": frequency}
        )
        if frequency != Frequency.IMMEDIATE:
            Notification.objects.filter(
                user=user,
                kind__in=CATEGORIES[category],
                emailed_at__isnull=True,
                email_frequency__in=DIGEST_FREQUENCIES,
            ).update(email_frequency=frequency)


def preferences_of(user: User) -> dict[str, str]:
    """The frequency of every category for `user` (immediate unless they chose otherwise)."""
    chosen = dict(
        Preference.objects.filter(user=user, category__in=CATEGORIES).values_list(
            "category", "frequency"
        )
    )
    return {category: chosen.get(category, Frequency.IMMEDIATE) for category in CATEGORIES}


# --- Digests -------------------------------------------------------------------------------
class _Lost(Exception):
    """Another worker claimed some of these rows first: let it send the digest."""


def send_digests(*, frequency: str, now: datetime | None = None) -> int:
    """E-mail one summary to each person with notifications waiting for a `frequency` summary.

    Each person's rows are claimed in their own transaction — locked, then marked with a
    conditional UPDATE — so two workers, or the same command run twice, never send a
    notification twice. Returns the number of digests sent.
    """
    if frequency not in DIGEST_FREQUENCIES:
        raise ValueError(f"no digest for frequency {frequency!r}")
    now = now or timezone.now()
    user_ids = list(
        Notification.objects.filter(
            email_frequency=frequency, emailed_at__isnull=True, created_at__lte=now
        )
        .order_by()
        .values_list("user_id", flat=True)
        .distinct()
    )
    sent = 0
    for user_id in user_ids:
        try:
            sent += _send_digest(user_id=user_id, frequency=frequency, now=now)
        except _Lost:
            continue
    return sent


@transaction.atomic
def _send_digest(*, user_id: int, frequency: str, now: datetime) -> int:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    pending = Notification.objects.filter(
        user_id=user_id, email_frequency=frequency, emailed_at__isnull=True, created_at__lte=now
    )
    rows = list(
        pending.select_for_update(skip_locked=True)
        .order_by("-created_at", "-pk")
        .only("pk", "kind", "context", "title", "body", "url")
    )
    if not rows:
        return 0
    claimed = Notification.objects.filter(
        pk__in=[row.pk for row in rows], emailed_at__isnull=True
    ).update(emailed_at=now)
    if claimed != len(rows):
        raise _Lost  # rolls the claim back
    if user is None:  # a deleted or suspended account: the rows are settled, nothing is sent
        return 0
    with translation.override(user.language):
        items = [
            {"title": row.shown_title, "url": _absolute(row.url) if row.url else ""}
            for row in rows[:DIGEST_LIMIT]
        ]
    send_email(
        "digest",
        to=user.email,
        language=user.language,
        context={
            "name": user.first_name,
            "frequency": frequency,
            "count": len(rows),
            "items": items,
            "more": max(0, len(rows) - DIGEST_LIMIT),
            "list_url": _absolute(reverse("notifications:list")),
            "preferences_url": _absolute(reverse("notifications:preferences")),
        },
    )
    return 1


# --- Personal data -------------------------------------------------------------------------
def personal_data(user: User) -> dict:
    return {
        "notifications": [
            {
                "kind": n.kind,
                "context": n.context,
                "title": n.title,
                "body": n.body,
                "url": n.url,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at and n.read_at.isoformat(),
                "emailed_at": n.emailed_at and n.emailed_at.isoformat(),
            }
            for n in Notification.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "preferences": preferences_of(user),
        # The weekly e-mails recorded for her, with what each section suggested.
        "weekly_digests": [
            {
                "week": digest.week.isoformat(),
                "items": digest.items,
                "sent_at": digest.sent_at and digest.sent_at.isoformat(),
            }
            for digest in WeeklyDigest.objects.filter(user=user).order_by("week")
        ],
    }


DELETED_PERSON_LABEL = _("Une personne dont le compte a été supprimé")
ERASED_BODY = _(
    "Le détail de cette notification a été effacé avec le compte de la personne concernée."
)


def _without_name(text: str, pattern: re.Pattern) -> str:
    label = str(DELETED_PERSON_LABEL)

    def replace(match: re.Match) -> str:
        if match["de"]:  # « l’avis de Léa Martin » → « l’avis d’une personne… »
            return match["de"][0] + "’" + label[0].lower() + label[1:]
        before = text[: match.start()].rstrip()
        starts_sentence = not before or before.endswith((".", "!", "?", ":"))
        return label if starts_sentence else label[0].lower() + label[1:]

    return pattern.sub(replace, text)


@transaction.atomic
def erase_personal_data(user: User) -> None:
    # Notifications addressed to the person mean nothing to anyone else.
    Notification.objects.filter(user=user).delete()
    Preference.objects.filter(user=user).delete()
    # What was suggested to a person each week is about that person only.
    WeeklyDigest.objects.filter(user=user).delete()
    # Those others received about her were written with her name, and often her own words
    # (the message of an application, an excerpt of a message): her name gives way to
    # "a person whose account was deleted", in the reader's language, and her words to a
    # mark that they were erased.
    anonymise_person_in_notifications(user)
    # Rows made before notifications kept their data have only their words: there her name
    # is found in the text itself, and the body, where her words are quoted, becomes one
    # plain sentence. A whole scan, but deleting an account is rare.
    name = " ".join(user.full_name.split())
    if len(name) < 2:  # nothing to look for (or "—", an account already erased)
        return
    pattern = re.compile(rf"(?:(?<!\w)(?P<de>[dD]e\s+|[dD][’'])?)(?<!\w){re.escape(name)}(?!\w)")
    rows = (
        Notification.objects.filter(Q(title__contains=name) | Q(body__contains=name))
        .filter(context__isnull=True)
        .exclude(user=user)
        .select_related("user")
        .only("pk", "title", "body", "user__language")
    )
    changed = []
    for notification in rows:
        if not (pattern.search(notification.title) or pattern.search(notification.body)):
            continue  # the name inside a longer word, or in other letter case
        with translation.override(notification.user.language):
            notification.title = _without_name(notification.title, pattern)[:300]
            notification.body = str(ERASED_BODY)
        changed.append(notification)
    Notification.objects.bulk_update(changed, ["title", "body"], batch_size=500)


def anonymise_person_in_notifications(user: User) -> int:
    """Where other people's notifications name `user` (whose account is being deleted), put
    `DELETED_PERSON` in their context and render their stored words again; how many changed."""
    name, first_name = user.full_name, user.first_name
    if not name:
        return 0
    # JSON text holds the name as written (PostgreSQL) or with \u escapes (SQLite).
    as_text = Cast("context", TextField())
    rows = (
        Notification.objects.annotate(as_text=as_text)
        .filter(Q(as_text__contains=name) | Q(as_text__contains=_escaped(name)))
        .exclude(user=user)
        .select_related("user")
    )
    changed = []
    for notification in rows:
        assert notification.context is not None  # it held the name
        context = {
            key: DELETED_PERSON
            if value == name or (key.endswith("first_name") and value == first_name)
            else value
            for key, value in notification.context.items()
        }
        if context != notification.context:
            # Her own words (an application's message, an excerpt…) go with her name.
            context.update({key: ERASED_TEXT for key in FREE_TEXT if key in context})
        if context == notification.context:
            continue
        notification.context = context
        with translation.override(notification.user.language):
            title, notification.body = render(notification.kind, context)
        notification.title = title[:300]
        changed.append(notification)
    Notification.objects.bulk_update(changed, ["context", "title", "body"])
    return len(changed)


def _escaped(text: str) -> str:
    return json.dumps(text)[1:-1]
