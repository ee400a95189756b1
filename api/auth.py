"""Who calls the API: a personal token in `Authorization: Bearer …`, and how often.

The API never reads the session cookie (`middleware.ApiMiddleware`): without a token a
caller is anonymous, with one it is the token's owner, through the same selectors and
services as the pages.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from core import ratelimit

from .models import ApiToken
from .services import token_for_secret

# The token of the request being served, for the audit log's context.
_current: ContextVar[ApiToken | None] = ContextVar("api_token", default=None)

WINDOW = 60
DEFAULT_LIMITS = {"address": 300, "token": 600}


def forget_token(**kwargs) -> None:
    _current.set(None)


@contextmanager
def token_scope() -> Iterator[None]:
    """The token of one API request, forgotten when the request ends: the thread goes on to
    serve other requests, tasks or commands, whose audit entries must not name it."""
    mark = _current.set(None)
    try:
        yield
    finally:
        _current.reset(mark)


def annotate(actor, verb, target, data) -> dict:
    """The audit log's context: a write made through the API names its token."""
    token = _current.get()
    if token is not None and actor is not None and token.user_id == actor.pk:
        return {"api_token": token.pk}
    return {}


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request, token: str) -> ApiToken | None:
        found = token_for_secret(token)
        if found is None:
            return None
        request.user = found.user
        _current.set(found)
        return found


token_auth = TokenAuth()


def require_write(request) -> None:
    """Writes need a token with the "write" scope."""
    token = getattr(request, "auth", None)
    if not isinstance(token, ApiToken) or not token.can_write:
        raise PermissionDenied(_("Ce jeton ne permet que la lecture."))


def _limits() -> dict:
    return {**DEFAULT_LIMITS, **getattr(settings, "API_RATE_LIMITS", {})}


class Limit(BaseThrottle):
    """Requests per minute, per address and per token (core.ratelimit)."""

    def allow_request(self, request) -> bool:
        limits = _limits()
        allowed = ratelimit.allow(
            "api-ip", ratelimit.client_ip(request), limit=limits["address"], window=WINDOW
        )
        token = getattr(request, "auth", None)
        if isinstance(token, ApiToken):
            allowed = (
                ratelimit.allow("api-token", str(token.pk), limit=limits["token"], window=WINDOW)
                and allowed
            )
        return allowed

    def wait(self) -> float:
        return float(WINDOW)
