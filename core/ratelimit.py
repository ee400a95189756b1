"""A small fixed-window rate limit on top of the cache, for login, sign-up and e-mail links."""

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy


def _cache_key(scope: str, key: str) -> str:
    return "rl:" + salted_hmac("ratelimit", f"{scope}:{key}", algorithm="sha256").hexdigest()[:32]


def record(scope: str, key: str, *, window: int) -> int:
    """Count one attempt for (scope, key) and return how many happened in this window."""
    cache_key = _cache_key(scope, key)
    cache.add(cache_key, 0, timeout=window)
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.set(cache_key, 1, timeout=window)
        return 1


def reached(scope: str, key: str, *, limit: int) -> bool:
    """True once `limit` attempts were recorded for (scope, key) in the current window."""
    return cache.get(_cache_key(scope, key), 0) >= limit


def allow(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one attempt for (scope, key); False once `limit` attempts happened in `window` s."""
    return record(scope, key, window=window) <= limit


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.7:51234"
        text = text.split(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address) -> bool:
    return any(address in network for network in settings.TRUSTED_PROXIES)


def client_ip(request) -> str:
    """Where the request comes from, as the key of the per-address limits.

    Without BEHIND_PROXY, the address that opened the connection. With it, the hops that
    X-Forwarded-For lists are read from the right, starting from that address: each one
    that is a trusted proxy (TRUSTED_PROXIES) vouches for the one written before it; the
    first that is not is the visitor. Whatever a visitor writes in the header is to the
    left of that and is never read. An IPv6 address stands for its /64: one household or
    one phone, which picks new addresses inside it at will.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    address = _address(remote)
    # gunicorn on a Unix socket gives no address: only a process of this machine, the
    # proxy, can connect there.
    trusted = _trusted(address) if address is not None else remote == ""
    if settings.BEHIND_PROXY and trusted:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        for hop in reversed([hop for hop in forwarded.split(",") if hop.strip()]):
            hop_address = _address(hop)
            if hop_address is None:
                break  # a trusted proxy wrote nonsense: keep the last address we know
            address = hop_address
            if not _trusted(address):
                break
    if address is None:
        return remote
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


# Invite codes (a cohort's, a team's): typed in a box or opened as a link, both are ways of
# guessing one, counted against one budget per kind of code.
CODE_ATTEMPTS, CODE_WINDOW = 30, 3600
TOO_MANY_TRIES = gettext_lazy("Trop d’essais. Patientez un peu, puis réessayez.")


def guesser(request) -> str:
    """Who tries codes: the account when logged in, else the address."""
    return str(request.user.pk) if request.user.is_authenticated else client_ip(request)
