"""Signed attestations of completed engagements, their status lists and the platform's keys."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Letters and digits nobody confuses when reading them off paper (no 0/o, 1/l/i).
PUBLIC_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PUBLIC_ID_LENGTH = 10
# 131,072 entries (16 KiB), the W3C minimum: a list this long hides whose status is checked.
STATUS_LIST_LENGTH = 131_072


def new_public_id() -> str:
    return "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(PUBLIC_ID_LENGTH))


class SigningKey(models.Model):
    """A public key the platform signs or signed with, published in did.json as `#key-N`.

    Its private half is a file (settings.CREDENTIALS_KEY_FILE), never a row: only the
    current file can sign, while every key ever used stays published so that what it signed
    still verifies.
    """

    number = models.PositiveIntegerField(unique=True)
    public_key_multibase = models.CharField(max_length=100, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(
        _("remplacée le"), null=True, blank=True, help_text=_("Une clé plus récente signe.")
    )
    withdrawn_at = models.DateTimeField(
        _("désavouée le"),
        null=True,
        blank=True,
        help_text=_(
            "Clé compromise : la plateforme ne garantit plus ce qu’elle a signé "
            "(retirée de assertionMethod)."
        ),
    )

    class Meta:
        verbose_name = _("clé de signature")
        verbose_name_plural = _("clés de signature")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"#{self.fragment}"

    @property
    def fragment(self) -> str:
        return f"key-{self.number}"


class StatusList(models.Model):
    """One Bitstring Status List (revocation): bit N set means credential N is revoked."""

    number = models.PositiveIntegerField(unique=True)
    bits = models.BinaryField(editable=False)
    # The signed BitstringStatusListCredential, re-signed whenever a bit changes.
    document = models.JSONField(null=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("liste de révocation")
        verbose_name_plural = _("listes de révocation")

    def __str__(self) -> str:
        return f"status/{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("credentials:status_list", args=[self.number])


class Credential(models.Model):
    """The attestation of one completed engagement, or a challenge event's badge (taking
    part, a prize), or the attestation of a coup de main (quickhelp), as signed and
    published."""

    class Kind(models.TextChoices):
        ATTESTATION = "attestation", _("attestation de mission")
        PARTICIPATION = "participation", _("badge de participation")
        PRIZE = "prize", _("badge de prix")
        # The hours of quick help (quickhelp) a helper gave on one solved question.
        QUICKHELP = "quickhelp", _("attestation de coup de main")

    kind = models.CharField(max_length=13, choices=Kind, default=Kind.ATTESTATION)
    # PROTECT: an attestation printed on paper must outlive any cleanup of what it attests.
    application = models.OneToOneField(
        "engagements.Application",
        on_delete=models.PROTECT,
        related_name="credential",
        null=True,
        blank=True,
    )
    # A badge's holder and the team it was earned with (the signed document keeps the rest).
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="badges",
    )
    team = models.ForeignKey(
        "challenges.Team",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="badges",
    )
    public_id = models.CharField(
        max_length=PUBLIC_ID_LENGTH, unique=True, default=new_public_id, editable=False
    )
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="+")
    status_index = models.PositiveIntegerField()
    # The OpenBadgeCredential exactly as signed. After the holder deleted their account it
    # keeps only what is not about them, and no proof (see erase in services).
    document = models.JSONField()
    issued_at = models.DateTimeField()
    revoked_at = models.DateTimeField(_("révoquée le"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revocation_reason = models.TextField(_("raison de la révocation"), blank=True)
    # The employer of a company's employee when it was issued (mécénat de compétences).
    company_name = models.CharField(max_length=200, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("attestation")
        constraints = [
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="one_credential_per_status_bit"
            ),
            models.UniqueConstraint(
                fields=["holder", "team", "kind"],
                condition=models.Q(team__isnull=False),
                name="one_badge_per_holder_team_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id

    def get_absolute_url(self) -> str:
        return reverse("credentials:verify", args=[self.public_id])

    # The states of credentials.lifecycle.CREDENTIAL (an unsaved one is not issued yet).
    NOT_ISSUED = "not_issued"
    ISSUED = "issued"
    REVOKED = "revoked"

    @property
    def state(self) -> str:
        if self.pk is None:
            return self.NOT_ISSUED
        return self.REVOKED if self.is_revoked else self.ISSUED

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_badge(self) -> bool:
        return self.kind not in (self.Kind.ATTESTATION, self.Kind.QUICKHELP)

    @property
    def is_quickhelp(self) -> bool:
        return self.kind == self.Kind.QUICKHELP

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None
