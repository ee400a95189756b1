"""What `manage.py cron` (home/management/commands/cron.py) records so that no job is queued
twice in a period."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicRun(models.Model):
    """`manage.py cron` started `job` for `period` (an hour, a day or a week)."""

    job = models.CharField(max_length=50)
    period = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tâche planifiée lancée")
        verbose_name_plural = _("tâches planifiées lancées")
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="one_run_per_period")]
