"""A small fixed-window rate limit on top of the cache, for login, sign-up and e-mail links."""

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def allow(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one attempt for (scope, key); False once `limit` attempts happened in `window` s."""
    cache_key = (
        "rl:" + salted_hmac("ratelimit", f"{scope}:{key}", algorithm="sha256").hexdigest()[:32]
    )
    cache.add(cache_key, 0, timeout=window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.set(cache_key, 1, timeout=window)
        count = 1
    return count <= limit


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")
