"""Demo data of matching: this week's digests, and Léa's in the local mailbox.

Suggestions themselves need no data of their own: they are computed from the profiles
and missions the earlier apps made.
"""

from core.demo import DemoContext
from notifications import weekly
from notifications.models import WeeklyDigest


def build(ctx: DemoContext) -> None:
    ctx.objects["weekly_digests"] = weekly.prepare_weekly_digests()
    lea = ctx.objects.get("users", {}).get("lea")
    if lea is not None:
        # So that a newcomer can open the e-mail Léa gets on Mondays (var/mailbox in dev).
        mine = WeeklyDigest.objects.filter(user=lea, sent_at__isnull=True)
        weekly.send_weekly_digests(list(mine.values_list("pk", flat=True)))
