"""Demo notifications: a few read and unread ones for the named people, and one preference."""

import datetime

from django.urls import reverse
from django.utils import timezone

from core.demo import DemoContext

from .models import Frequency, Notification, Preference


def _mission_title(ctx: DemoContext) -> str:
    """The title of a mission Léa applied to, so that the demo's story holds together."""
    lea = ctx.objects.get("users", {}).get("lea")
    for application in ctx.objects.get("applications") or []:
        if lea is not None and application.volunteer_id == lea.pk:
            return application.mission.title
    missions = ctx.objects.get("missions") or []
    return missions[0].title if missions else "Affiche de la fête du jardin"


def build(ctx: DemoContext) -> None:
    users = ctx.objects.get("users", {})
    if not users:
        return
    now = timezone.now()
    mission = _mission_title(ctx)
    inbox = reverse("messaging:inbox")
    # (who, kind, title, body, url, hours ago, read)
    plan = [
        (
            "martine",
            "application_received",
            f"Nouvelle candidature pour « {mission} »",
            "Léa Martin propose son aide. Répondez-lui vite : une réponse rapide fait plaisir.",
            "",
            3,
            False,
        ),
        (
            "martine",
            "mission_published",
            f"Votre mission « {mission} » est en ligne",
            "Les bénévoles peuvent maintenant proposer leur aide.",
            "",
            50,
            True,
        ),
        (
            "yacine",
            "message_received",
            f"Léa Martin vous a écrit au sujet de « {mission} »",
            "Léa Martin vous a écrit :\n\nBonjour, voici une première version de l’affiche.",
            inbox,
            5,
            False,
        ),
        (
            "lea",
            "application_accepted",
            f"Votre candidature pour « {mission} » est acceptée",
            "L’association vous attend : confirmez l’accord d’engagement pour commencer.",
            "",
            20,
            False,
        ),
        (
            "lea",
            "message_received",
            f"Martine Lefèvre vous a écrit au sujet de « {mission} »",
            "Martine Lefèvre vous a écrit :\n\nMerci pour votre proposition !",
            inbox,
            30,
            True,
        ),
        (
            "karim",
            "invitation_received",
            "Une association vous invite sur une mission",
            "Votre profil lui a plu : regardez la mission et répondez quand vous voulez.",
            "",
            8,
            False,
        ),
    ]
    notifications = []
    for key, kind, title, body, url, hours, read in plan:
        if key not in users:
            continue
        at = now - datetime.timedelta(hours=hours)
        notifications.append(
            Notification(
                user=users[key],
                kind=kind,
                title=title[:300],
                body=body,
                url=url,
                created_at=at,
                read_at=at + datetime.timedelta(hours=1) if read else None,
                # Already e-mailed: no digest will mail old demo events.
                email_frequency=Frequency.IMMEDIATE,
                emailed_at=at,
            )
        )
    field = Notification._meta.get_field("created_at")
    field.auto_now_add, saved = False, field.auto_now_add  # keep the dates set above
    try:
        Notification.objects.bulk_create(notifications)
    finally:
        field.auto_now_add = saved
    if "karim" in users:
        # Karim prefers a daily summary of his messages: the preferences page shows it.
        Preference.objects.create(
            user=users["karim"], category="messages", frequency=Frequency.DAILY
        )
