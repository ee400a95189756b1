"""The outbox: each e-mail A-lasso sends, kept until the mail server has accepted it."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_delivery_key() -> str:
    return uuid.uuid4().hex


class OutgoingEmail(models.Model):
    """One e-mail to one person, written in the transaction that decided to send it.

    The task that sends it is given only the row's id. The body, which may hold a sign-in
    or reset link, is kept sealed (encrypted with a key derived from SECRET_KEY) and erased
    as soon as the mail server accepts the message; recipient and subject stay, for staff,
    until `manage.py cron` prunes the row after TASK_RETENTION_DAYS.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("à envoyer")
        SENDING = "sending", _("en cours d’envoi")
        SENT = "sent", _("envoyé")
        FAILED = "failed", _("en échec")

    # One key per e-mail; its digest is the Message-ID, so that a mail server may recognise
    # a copy.
    key = models.CharField(_("clé d’envoi"), max_length=200, unique=True, default=new_delivery_key)
    template = models.CharField(_("modèle"), max_length=100)
    to = models.EmailField(_("destinataire"), max_length=254)
    subject = models.TextField(_("objet"))
    sealed_body = models.TextField(_("contenu chiffré"), blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("prochain essai"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("dernier essai"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outgoing_email_due"),
            models.Index(fields=["to"], name="outgoing_email_to"),
            models.Index(fields=["finished_at"], name="outgoing_email_finished"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"
