"""Signed, expiring links sent by e-mail.

Each token carries the user id and a fingerprint of the part of the account it acts on, so
it stops working as soon as it has been used: a magic link once the user has logged in, a
verification link once the address is confirmed, a reset link once the password changed;
and as soon as the account's address changes, or (for a change of address) its password.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

from .models import User


@dataclass(frozen=True)
class Purpose:
    salt: str
    max_age_setting: str

    def state(self, user: User, extra: str) -> str:
        # Links sent to an address die when the account leaves it; a change of address
        # dies when the password changes (the owner's answer to a change she didn't ask).
        if self is MAGIC_LOGIN:
            raw = f"{user.last_login}|{user.password}|{user.email}"
        elif self is VERIFY_EMAIL:
            raw = f"{user.email}|{user.email_verified_at}"
        elif self is RESET_PASSWORD:
            raw = f"{user.password}|{user.last_login}|{user.email}"
        else:  # CHANGE_EMAIL: valid while the account still has its old address
            raw = f"{user.email}|{user.password}|{extra}"
        return salted_hmac(self.salt, raw, algorithm="sha256").hexdigest()[:20]

    @property
    def max_age(self) -> int:
        return getattr(settings, self.max_age_setting)


MAGIC_LOGIN = Purpose("accounts.magic-login", "MAGIC_LINK_MAX_AGE")
VERIFY_EMAIL = Purpose("accounts.verify-email", "EMAIL_VERIFICATION_MAX_AGE")
RESET_PASSWORD = Purpose("accounts.reset-password", "PASSWORD_RESET_TIMEOUT")
CHANGE_EMAIL = Purpose("accounts.change-email", "EMAIL_VERIFICATION_MAX_AGE")


class InvalidToken(Exception):
    """The link is unknown, expired, or has already been used."""


def make_token(purpose: Purpose, user: User, extra: str = "") -> str:
    payload = {"u": user.pk, "s": purpose.state(user, extra)}
    if extra:
        payload["x"] = extra
    return signing.dumps(payload, salt=purpose.salt, compress=True)


def read_token(purpose: Purpose, token: str) -> tuple[User, str]:
    """Return the user and the extra value a token carries, or raise InvalidToken."""
    try:
        payload = signing.loads(token, salt=purpose.salt, max_age=purpose.max_age)
        user = User.objects.get(pk=payload["u"], is_active=True)
    except (signing.BadSignature, User.DoesNotExist, KeyError, TypeError):
        raise InvalidToken from None
    extra = payload.get("x", "")
    if not isinstance(extra, str) or payload["s"] != purpose.state(user, extra):
        raise InvalidToken
    return user, extra


def user_of_spent_token(purpose: Purpose, token: str) -> User | None:
    """The user a genuine, unexpired token was made for, even when it has been used up.

    Only to word a page kindly ("your address is already confirmed"): it grants nothing,
    because it skips the check that the token still matches the account's state.
    """
    try:
        payload = signing.loads(token, salt=purpose.salt, max_age=purpose.max_age)
        return User.objects.get(pk=payload["u"])
    except (signing.BadSignature, User.DoesNotExist, KeyError, TypeError):
        return None
