"""Organisations (associations, schools, local authorities, companies) and their members."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import normalize_email
from core.links import lines
from geo.models import Commune
from taxonomy.models import Cause

from .validators import validate_rna, validate_siren, validate_siret, validate_uai


class Organization(models.Model):
    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("Association")
        SCHOOL = "school", _("École")
        LOCAL_AUTHORITY = "local_authority", _("Collectivité")
        COMPANY = "company", _("Entreprise")

    class AssociationType(models.TextChoices):
        CITIZEN = "citizen", _("Citoyenne (uniquement des bénévoles)")
        PROFESSIONAL = "professional", _("Professionnelle (avec des salarié·es)")

    class Size(models.TextChoices):
        TINY = "1-10", _("1 à 10 personnes actives")
        SMALL = "11-50", _("11 à 50 personnes actives")
        MEDIUM = "51-200", _("51 à 200 personnes actives")
        LARGE = "200+", _("plus de 200 personnes actives")

    class Verification(models.TextChoices):
        PENDING = "pending", _("en attente de vérification")
        VERIFIED = "verified", _("vérifiée")
        REJECTED = "rejected", _("refusée")

    kind = models.CharField(_("type"), max_length=20, choices=Kind, default=Kind.ASSOCIATION)
    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(_("présentation"), blank=True)
    association_type = models.CharField(
        _("fonctionnement"), max_length=20, choices=AssociationType, blank=True
    )
    rna = models.CharField(_("numéro RNA"), max_length=10, blank=True, validators=[validate_rna])
    siren = models.CharField(
        _("numéro SIREN"), max_length=9, blank=True, validators=[validate_siren]
    )
    # A school gives its UAI (the national register of schools), or a SIRET when it has none
    # (a private school, a training centre).
    uai = models.CharField(_("numéro UAI"), max_length=8, blank=True, validators=[validate_uai])
    siret = models.CharField(
        _("numéro SIRET"), max_length=14, blank=True, validators=[validate_siret]
    )
    size = models.CharField(_("taille"), max_length=10, choices=Size, blank=True)
    causes = models.ManyToManyField(Cause, verbose_name=_("causes"), blank=True)
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Copied from the commune so that lists filter by territory without joins.
    departement_code = models.CharField(max_length=3, blank=True, db_index=True)
    region_code = models.CharField(max_length=3, blank=True, db_index=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    website = models.URLField(_("site internet"), blank=True)
    links = models.TextField(_("autres liens (réseaux sociaux…)"), blank=True)
    verification = models.CharField(
        _("vérification"), max_length=20, choices=Verification, default=Verification.PENDING
    )
    verification_note = models.TextField(_("motif de la décision"), blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organizations"
    )

    class Meta:
        verbose_name = _("organisation")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "verification"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:detail", args=[self.slug])

    @property
    def is_association(self) -> bool:
        return self.kind == self.Kind.ASSOCIATION

    @property
    def is_school(self) -> bool:
        return self.kind == self.Kind.SCHOOL

    @property
    def is_local_authority(self) -> bool:
        return self.kind == self.Kind.LOCAL_AUTHORITY

    @property
    def is_verified(self) -> bool:
        return self.verification == self.Verification.VERIFIED

    @property
    def is_pending_verification(self) -> bool:
        return self.verification == self.Verification.PENDING

    @property
    def is_rejected(self) -> bool:
        return self.verification == self.Verification.REJECTED

    @property
    def link_list(self) -> list[str]:
        return lines(self.links)


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("administrateur·rice")
        MEMBER = "member", _("membre")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rôle"), max_length=10, choices=Role, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membre")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="one_membership_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organization}"

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN


# An invitation link older than this no longer works: the admin sends a new one.
INVITATION_VALIDITY = timedelta(days=30)


class Invitation(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("adresse e-mail"))
    role = models.CharField(
        _("rôle"), max_length=10, choices=Membership.Role, default=Membership.Role.MEMBER
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"

    @property
    def expires_at(self):
        return self.created_at + INVITATION_VALIDITY

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and timezone.now() < self.expires_at

    def is_for(self, user) -> bool:
        """Only the invited address may accept, once its owner has proven she reads it:
        whoever else holds the link (forwarded, leaked) gets nothing from it."""
        return user.is_email_verified and normalize_email(user.email) == normalize_email(self.email)

    @property
    def masked_email(self) -> str:
        """Enough for the invited person to recognise her address, not for a stranger
        holding the link to learn it: "j***@orange.fr"."""
        local, _at, domain = self.email.partition("@")
        return f"{local[:1]}***@{domain}"
