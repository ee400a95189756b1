"""Every write to API tokens goes through here."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

import audit
from accounts.models import User

from .models import ApiToken

PREFIX = "alasso_"
# How often "last used" is written: once a minute is precise enough and spares a write
# per request.
LAST_USED_EVERY = timedelta(minutes=1)
MAX_ACTIVE = 20


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def token_create(*, user: User, name: str, scope: str) -> tuple[ApiToken, str]:
    """A new token for `user`: returns it and its secret, to be shown once."""
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip(),
        scope=scope,
        prefix=secret[: len(PREFIX) + 4],
        secret_hash=hash_secret(secret),
    )
    audit.log(actor=user, verb="api_token.created", target=token, data={"scope": scope})
    return token, secret


@transaction.atomic
def token_revoke(*, token: ApiToken, by: User) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.log(actor=by, verb="api_token.revoked", target=token, data={"scope": token.scope})
    return token


def token_for_secret(secret: str) -> ApiToken | None:
    """The active token whose secret this is, its "last used" date brought up to date."""
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(secret_hash=hash_secret(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or token.last_used_at < now - LAST_USED_EVERY:
        token.last_used_at = now
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def active_count(user: User) -> int:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).count()
