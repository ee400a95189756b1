"""Where a form may send someone back to: the one check of a `next` address."""

from django.utils.http import url_has_allowed_host_and_scheme


def is_safe_url(request, target: str | None) -> bool:
    """Whether `target` stays on this site (and on HTTPS when the request came by it)."""
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def safe_next(request) -> str | None:
    """The `next` address sent with the request (form, then query string) when it is safe."""
    target = request.POST.get("next") or request.GET.get("next")
    return target if is_safe_url(request, target) else None
