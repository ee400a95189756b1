"""`notify`: the one way to tell people that something happened.

Each kind of event has two templates, `notifications/<kind>/title.txt` and `body.txt`,
rendered in each recipient's language. The notification is kept in-app; an e-mail goes out
at once, in a daily or weekly summary, or never, after the recipient's preference for the
event's category.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.models import User
from core.emails import send_email

from .models import Frequency, Notification, Preference

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
    ],
    "agreements": ["agreement_to_confirm", "agreement_confirmed"],
    "messages": ["message_received"],
    "missions": [
        "mission_published",
        "mission_sent_back",
        "mission_started",
        "mission_cancelled",
        "mission_submitted",
    ],
    "organizations": ["organization_verified", "organization_rejected", "member_invited"],
}
CATEGORY_OF = {kind: category for category, kinds in CATEGORIES.items() for kind in kinds}


def frequency_for(user_id: int, category: str) -> str:
    preference = Preference.objects.filter(user_id=user_id, category=category).first()
    return preference.frequency if preference else Frequency.IMMEDIATE


@transaction.atomic
def notify(*, users: Iterable[User], kind: str, context: dict, url: str = "") -> list[Notification]:
    """Create a notification of `kind` for each user, and e-mail those who want it now."""
    category = CATEGORY_OF[kind]
    users = [u for u in users if u is not None and u.is_active]
    preferences = dict(
        Preference.objects.filter(user__in=users, category=category).values_list(
            "user_id", "frequency"
        )
    )
    created = []
    for user in users:
        with translation.override(user.language):
            title = " ".join(render_to_string(f"notifications/{kind}/title.txt", context).split())
            body = render_to_string(f"notifications/{kind}/body.txt", context).strip()
        notification = Notification.objects.create(
            user=user, kind=kind, title=title, body=body, url=url
        )
        created.append(notification)
        if preferences.get(user.pk, Frequency.IMMEDIATE) == Frequency.IMMEDIATE:
            notification.emailed_at = timezone.now()
            notification.save(update_fields=["emailed_at"])
            send_email(
                "notification",
                to=user.email,
                language=user.language,
                context={
                    "title": title,
                    "body": body,
                    "url": settings.SITE_URL + url if url.startswith("/") else url,
                    "name": user.first_name,
                },
            )
    return created
