"""In-app notifications and how each person wants to hear about them."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("tout de suite, par e-mail")
    DAILY = "daily", _("un résumé par jour")
    WEEKLY = "weekly", _("un résumé par semaine")
    OFF = "off", _("pas d’e-mail (seulement sur le site)")


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=50)
    # What happened, as data: the title and body shown are rendered from it in the reader's
    # language (notifications.rendering). Null on the rows made before it was kept.
    context = models.JSONField(null=True, blank=True)
    # The words as first rendered, in the recipient's language when it was made: the record
    # (and what older rows show).
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # How the recipient wanted to hear about it when it happened. Kept on the row so that
    # turning e-mails back on later never mails what was created while they were off.
    email_frequency = models.CharField(
        max_length=10, choices=Frequency, default=Frequency.IMMEDIATE
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["emailed_at", "created_at"]),
            # What the digests look for: rows still waiting for their summary e-mail.
            models.Index(
                fields=["email_frequency", "user"],
                condition=models.Q(emailed_at__isnull=True),
                name="notification_digest_pending",
            ),
        ]

    @cached_property
    def _rendered(self) -> tuple[str, str]:
        from .rendering import render_stored

        return render_stored(self)

    @property
    def shown_title(self) -> str:
        """The title in the language active now (the reader's)."""
        return self._rendered[0]

    @property
    def shown_body(self) -> str:
        return self._rendered[1]


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    category = models.CharField(max_length=50)
    frequency = models.CharField(max_length=10, choices=Frequency, default=Frequency.IMMEDIATE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "category"], name="one_preference_per_category")
        ]


class WeeklyDigest(models.Model):
    """One person's weekly e-mail of what is new for them (notifications/weekly.py): the
    items each section registered there chose, recorded once per person and week, then sent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_digests"
    )
    # The Monday of the week the digest covers.
    week = models.DateField()
    # [{"section": name, ...what the section keeps of an item}], best first (weekly.py).
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
