"""Every write to an account goes through here."""

from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib.auth import update_session_auth_hash
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from core.emails import send_email

from . import tokens
from .models import TermsConsent, User, normalize_email


def _link(name: str, token: str) -> str:
    return settings.SITE_URL + reverse(name, kwargs={"token": token})


@transaction.atomic
def user_sign_up(
    *, full_name: str, email: str, password: str, intent: str, language: str, next_url: str = ""
) -> User:
    """Create the account and send the confirmation link; `next_url` (a path on this site,
    already checked by the view) is where the person goes once confirmed and logged in."""
    user = User.objects.create_user(
        email, password, full_name=full_name.strip(), intent=intent, language=language
    )
    # The form says that creating the account accepts the terms and the privacy policy.
    terms_accept(user=user)
    verification_email_send(user=user, next_url=next_url)
    return user


def terms_accept(*, user: User) -> None:
    """Record that the person accepts the current version of the terms of use and of the
    privacy policy (settings.TERMS_VERSION)."""
    TermsConsent.objects.create(user=user, version=settings.TERMS_VERSION)
    user.terms_version = settings.TERMS_VERSION
    user.save(update_fields=["terms_version"])


def terms_to_accept(user) -> bool:
    """Whether the person accepted an older version of the terms than the current one.
    Accounts with no version at all were not made through the sign-up form (the admin's,
    the tests'): nobody asks them."""
    return bool(user.terms_version) and user.terms_version != settings.TERMS_VERSION


def verification_email_send(*, user: User, next_url: str = "") -> None:
    token = tokens.make_token(tokens.VERIFY_EMAIL, user)
    link = _link("accounts:verify_email", token)
    if next_url:
        link += "?" + urlencode({"next": next_url})
    send_email(
        "verify_email",
        to=user.email,
        language=user.language,
        context={"name": user.first_name, "link": link},
    )


@transaction.atomic
def email_verify(*, token: str, new_password: str = "") -> User:
    """Confirm the address a verification link was sent to; InvalidToken if it can't.

    The link alone is not enough, because whoever signed up may not own the mailbox: the
    caller has checked that the person also knows the account's password, or she replaces
    it with `new_password`. Either way a stranger's password never outlives the owner's
    proof of her mailbox.
    """
    user, _ = tokens.read_token(tokens.VERIFY_EMAIL, token)
    user.email_verified_at = timezone.now()
    fields = ["email_verified_at"]
    if new_password:
        user.set_password(new_password)
        fields.append("password")
    user.save(update_fields=fields)
    return user


def magic_link_send(*, email: str) -> None:
    """Send a one-time login link if an account has this address; say nothing otherwise."""
    user = User.objects.filter(email=normalize_email(email), is_active=True).first()
    if user is None:
        return
    token = tokens.make_token(tokens.MAGIC_LOGIN, user)
    send_email(
        "magic_link",
        to=user.email,
        language=user.language,
        context={
            "name": user.first_name,
            "link": _link("accounts:magic_login", token),
            "minutes": settings.MAGIC_LINK_MAX_AGE // 60,
        },
    )


@transaction.atomic
def magic_link_use(*, token: str) -> User:
    """Use a login link; the view logs the person in. The first proof of the mailbox drops
    the password given at sign-up: it may be a stranger's who signed up with this address
    (the owner chooses her own afterwards), and changing it ends any session opened with it.
    """
    user, _ = tokens.read_token(tokens.MAGIC_LOGIN, token)
    if not user.is_email_verified:
        user.email_verified_at = timezone.now()
        user.set_unusable_password()
        user.save(update_fields=["email_verified_at", "password"])
    return user


def password_reset_send(*, email: str) -> None:
    user = User.objects.filter(email=normalize_email(email), is_active=True).first()
    if user is None:
        return
    token = tokens.make_token(tokens.RESET_PASSWORD, user)
    send_email(
        "password_reset",
        to=user.email,
        language=user.language,
        context={
            "name": user.first_name,
            "link": _link("accounts:password_reset_confirm", token),
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        },
    )


@transaction.atomic
def password_set(*, request, user: User, password: str) -> None:
    """Set a new password, keep this session logged in, and tell the owner by e-mail."""
    user.set_password(password)
    fields = ["password"]
    if not user.is_email_verified:  # a reset link was opened from this mailbox
        user.email_verified_at = timezone.now()
        fields.append("email_verified_at")
    user.save(update_fields=fields)
    if request.user.is_authenticated and request.user.pk == user.pk:
        update_session_auth_hash(request, user)
    send_email(
        "password_changed", to=user.email, language=user.language, context={"name": user.first_name}
    )


def email_change_request(*, user: User, new_email: str) -> None:
    """Send the confirmation link to the new address, and warn the old one at once: if the
    owner did not ask, changing her password there cancels the change (see tokens)."""
    new_email = normalize_email(new_email)
    token = tokens.make_token(tokens.CHANGE_EMAIL, user, extra=new_email)
    send_email(
        "email_change",
        to=new_email,
        language=user.language,
        context={"name": user.first_name, "link": _link("accounts:email_change_confirm", token)},
    )
    send_email(
        "email_change_requested",
        to=user.email,
        language=user.language,
        context={
            "name": user.first_name,
            "new_email": new_email,
            "reset_link": settings.SITE_URL + reverse("accounts:password_reset"),
        },
    )


@transaction.atomic
def email_change_confirm(*, token: str) -> User:
    user, new_email = tokens.read_token(tokens.CHANGE_EMAIL, token)
    if User.objects.filter(email=new_email).exclude(pk=user.pk).exists():
        raise tokens.InvalidToken
    old_email = user.email
    user.email = new_email
    user.email_verified_at = timezone.now()
    user.save(update_fields=["email", "email_verified_at"])
    send_email(
        "email_changed",
        to=old_email,
        language=user.language,
        context={"name": user.first_name, "new_email": new_email},
    )
    return user


def user_update_profile(*, user: User, full_name: str, language: str) -> None:
    user.full_name = full_name.strip()
    user.language = language
    user.save(update_fields=["full_name", "language"])


# The session key where the language picked before logging in waits for the login.
LANGUAGE_CHOSEN = "language_chosen"


def user_set_language(*, user: User, language: str) -> None:
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def user_personal_data(*, user: User) -> dict:
    """Everything A-lasso holds about a person, for the GDPR export.

    Each app adds its part through an optional `personal_data(user)` on its AppConfig.
    """
    data = {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "intent": user.intent,
            "language": user.language,
            "date_joined": user.date_joined.isoformat(),
            "email_verified_at": user.email_verified_at and user.email_verified_at.isoformat(),
            "last_login": user.last_login and user.last_login.isoformat(),
        }
    }
    for config in apps.get_app_configs():
        exporter = getattr(config, "personal_data", None)
        if exporter is not None:
            data[config.label] = exporter(user)
    return data


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Anonymise the account: what the person did stays for the others, who they were goes.

    Each app erases its own personal data through an optional `erase_personal_data(user)`.
    """
    for config in apps.get_app_configs():
        eraser = getattr(config, "erase_personal_data", None)
        if eraser is not None:
            eraser(user)
    # Her data archives: the files go after the commit, the rows now.
    exports = list(user.data_exports.exclude(file=""))
    user.data_exports.all().delete()

    def delete_files() -> None:
        for export in exports:
            export.file.delete(save=False)

    transaction.on_commit(delete_files)
    user.email = f"deleted-{user.pk}-{get_random_string(8).lower()}@invalid.a-lasso.fr"
    user.full_name = "—"
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.email_verified_at = None
    user.set_unusable_password()
    user.save()
