"""What the scheduled jobs of matching record so that nothing is sent twice.

Each row is a marker with a unique constraint: a second run of `manage.py cron` (or two
workers at once) finds it and does nothing more.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WeeklyDigest(models.Model):
    """One volunteer's e-mail of the week's new missions that suit them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_digests"
    )
    # The Monday of the week the digest covers.
    week = models.DateField()
    # [{"mission": id, "score": 0–100, "reasons": [Reason.to_dict()]}], best first.
    items = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sélection de la semaine")
        verbose_name_plural = _("sélections de la semaine")
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="one_digest_per_week")]
        indexes = [
            models.Index(
                fields=["week"], condition=models.Q(sent_at__isnull=True), name="digest_unsent"
            )
        ]


class MissionReminder(models.Model):
    """A reminder sent about a mission: silent for too long, or past its end date.

    `key` tells one occurrence from the next: the date of the last activity for a silent
    mission (it may fall silent again later), the end date for a mission past it (the
    association may move the date, then forget again).
    """

    class Kind(models.TextChoices):
        SILENT = "silent", _("mission sans nouvelles")
        PAST_END = "past_end", _("date de fin passée")

    mission = models.ForeignKey(
        "missions.Mission", on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    key = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("relance")
        constraints = [
            models.UniqueConstraint(fields=["mission", "kind", "key"], name="one_reminder_per_key")
        ]


class PeriodicRun(models.Model):
    """`manage.py cron` started `job` for `period` (an hour, a day or a week)."""

    job = models.CharField(max_length=50)
    period = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tâche planifiée lancée")
        verbose_name_plural = _("tâches planifiées lancées")
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="one_run_per_period")]
