"""People: one account per person, identified by e-mail, holding any number of roles."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage


def normalize_email(email: str) -> str:
    # Addresses are compared without case: people type "Martine@Orange.fr" one day and
    # "martine@orange.fr" the next, and must find the same account.
    return (email or "").strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        fields.setdefault("email_verified_at", timezone.now())
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, email: str) -> "User":
        return self.get(email=normalize_email(email))


class User(AbstractBaseUser, PermissionsMixin):
    class Intent(models.TextChoices):
        # What the person came for when signing up; it picks the first screens they see.
        # Real roles come from memberships and profiles, and one person may hold several.
        ASSOCIATION = "association", _("J’agis pour une association")
        VOLUNTEER = "volunteer", _("Je veux aider une association (étudiant·e, professionnel·le)")
        OTHER = "other", _("Autre (école, collectivité, entreprise)")

    email = models.EmailField(_("adresse e-mail"), unique=True)
    full_name = models.CharField(_("prénom et nom"), max_length=150)
    intent = models.CharField(
        _("vous venez pour"), max_length=20, choices=Intent, default=Intent.VOLUNTEER
    )
    language = models.CharField(
        _("langue"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    email_verified_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True)
    is_active = models.BooleanField(_("actif"), default=True)
    is_staff = models.BooleanField(_("équipe A-lasso"), default=False)
    date_joined = models.DateTimeField(_("inscrit le"), default=timezone.now)
    # The version of the terms the person last accepted (TermsConsent keeps each one); empty
    # for the accounts not made through the sign-up form (the admin's, the tests').
    # When the person was warned that her account, unused for 3 years, would be anonymised
    # (home/retention.py); logging in again cancels it.
    inactivity_warned_at = models.DateTimeField(null=True, blank=True)
    terms_version = models.CharField(
        _("version des conditions acceptée"), max_length=20, blank=True
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_email_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def first_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else ""

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.first_name

    def clean(self) -> None:
        super().clean()
        self.email = normalize_email(self.email)


class TermsConsent(models.Model):
    """One acceptance of the terms of use and the privacy policy, with their version: at
    sign-up, then each time the terms change (settings.TERMS_VERSION)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="terms_consents"
    )
    version = models.CharField(_("version"), max_length=20)
    accepted_at = models.DateTimeField(_("acceptées le"), default=timezone.now)

    class Meta:
        verbose_name = _("acceptation des conditions")
        verbose_name_plural = _("acceptations des conditions")
        ordering = ["-accepted_at"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.version}"


def _export_path(instance: "DataExport", filename: str) -> str:
    return f"exports/{instance.user_id}/{filename}"


class DataExport(models.Model):
    """« Télécharger mes données »: one ZIP of everything about the person, built in the
    background, kept 48 hours behind a signed link (accounts/archive.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    file = models.FileField(
        upload_to=_export_path, storage=private_storage, max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("archive de données")
        verbose_name_plural = _("archives de données")
        ordering = ["-requested_at"]
