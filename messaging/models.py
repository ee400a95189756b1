"""Conversations: one per application before acceptance, one per mission after."""

import os
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from core import storage as core_storage
from core.storage import private_media_root  # noqa: F401  (older imports)


@deconstructible
class PrivateStorage(core_storage.PrivateStorage):
    """`core.storage.PrivateStorage` under its old name, which the migrations of messaging and
    completion name: the same place on disk."""


private_storage = PrivateStorage()


def attachment_path(instance, filename: str) -> str:
    # A random name: the original one (kept in Attachment.name) may say too much.
    extension = os.path.splitext(filename)[1].lower()[:10]
    return timezone.now().strftime(f"attachments/%Y/%m/{uuid.uuid4().hex}{extension}")


class Thread(models.Model):
    mission = models.ForeignKey(
        "missions.Mission", on_delete=models.CASCADE, related_name="threads"
    )
    # Set for the private conversation about one application; empty for the mission's team.
    application = models.OneToOneField(
        "engagements.Application",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("conversation")
        constraints = [
            models.UniqueConstraint(
                fields=["mission"],
                condition=models.Q(application__isnull=True),
                name="one_team_thread_per_mission",
            )
        ]


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=private_storage, max_length=200)
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)


class ReadMark(models.Model):
    """How far a person has read a thread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="one_read_mark_per_user")
        ]
