"""Whole public pages kept in the shared cache for anonymous visitors.

The public pages (settings.PAGE_CACHE_VIEWS: home, search, a mission, an association, a
book, a credential's verification, a quick-help answer) are the same for every anonymous
visitor: the first visit renders the page and keeps it, keyed by address (path and query),
language and htmx; the next ones get it from the cache (Redis in production, shared by the
workers), with an `ETag` and a `Last-Modified`, and a 304 when the browser's copy is current.

What is never kept or served from here:

- a request with a session cookie (a logged-in person, or anyone the site keeps something
  for), a flash message cookie or an `Authorization` header: rendered as before;
- a response that set a cookie, asked for a CSRF token (a form: the token is personal),
  added a flash message, wrote the session, or is not a plain 200 HTML page.

CSP nonces. Every page carries the nonce of its request (the service worker's inline script
in base.html, the JSON-LD blocks). A kept page must not hand one nonce to every visitor: a
nonce known in advance protects nothing. So the nonce is taken out of the page when it is
kept (replaced by a placeholder) and a fresh one is put in for each response served from
here; ContentSecurityPolicyMiddleware, just outside this middleware, writes the same fresh
nonce into the header. The ETag is the hash of the page with the placeholder, weak (`W/`):
two answers differ by their nonce only. A 304 carries no CSP header, so that the browser
keeps the header that goes with its own copy's nonce.

Forgetting: every kept page is under a generation; `forget_pages()` moves to a new one, so
one call forgets them all. It is called by the domain events that change what public pages
show (home/apps.py: a mission published, closed or edited, an application, a membership, a
profile), after any model save or delete (post_save/post_delete, again when the transaction
commits), after any successful POST/PUT/PATCH/DELETE request (writes made with `.update()`),
and pages expire after settings.PAGE_CACHE_SECONDS at most (what only the date changes).
"""

import hashlib
import logging
import secrets
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt, csrf_protect

logger = logging.getLogger(__name__)

GENERATION_KEY = "pages:generation"
NONCE_PLACEHOLDER = b"@@alasso-csp-nonce@@"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Response headers never kept: set again per response by the middleware outside this one.
_NOT_KEPT = frozenset({"set-cookie", "content-security-policy", "content-length", "etag"})


def _new_generation() -> None:
    try:
        cache.set(GENERATION_KEY, secrets.token_hex(8), None)
    except Exception:  # a cache that does not answer must not fail the write
        logger.warning("page cache: could not forget the kept pages", exc_info=True)


def forget_pages(**kwargs) -> None:
    """Forget every kept page: now, and again when the current transaction commits (a page
    rendered by another process before the commit would show the data as it was). Takes
    any keyword arguments, to be connected to a signal as it is."""
    _new_generation()
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block and not any(
            item[1] is _new_generation for item in connection.run_on_commit
        ):
            transaction.on_commit(_new_generation, using=connection.alias)


def _forget_on_model_write(sender, update_fields=None, **kwargs) -> None:
    if sender._meta.label_lower in settings.PAGE_CACHE_IGNORED_MODELS:
        return
    if update_fields and update_fields <= settings.PAGE_CACHE_IGNORED_FIELDS:
        return  # a login's `last_login`: a login must not forget every page
    forget_pages()


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    post_save.connect(_forget_on_model_write, dispatch_uid="pages-forget-save")
    post_delete.connect(_forget_on_model_write, dispatch_uid="pages-forget-delete")


def _generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), None)
        generation = cache.get(GENERATION_KEY, "0")
    return generation


def _cacheable_request(request) -> bool:
    if request.method != "GET" or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "Authorization" in request.headers:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in settings.PAGE_CACHE_VIEWS


def page_key(request, generation: str) -> str:
    address = hashlib.md5(request.build_absolute_uri().encode()).hexdigest()
    htmx = "hx" if request.headers.get("HX-Request") else "page"
    return f"pages:{generation}:{request.LANGUAGE_CODE}:{htmx}:{address}"


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store")):
        return False
    # A CSRF token was asked for (a form): it is the visitor's own.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or b"csrfmiddlewaretoken" in response.content:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.added_new or getattr(messages, "_queued_messages", [])):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _validators(response, etag: str, stored_at: float):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stored_at)
    # Browsers and proxies may keep the page, but ask again each time (a 304 is cheap).
    patch_cache_control(response, no_cache=True)


def _conditional(request, response, etag: str, stored_at: float):
    answer = get_conditional_response(
        request, etag=etag, last_modified=int(stored_at), response=response
    )
    if answer is not response:
        # No CSP header: the browser keeps the one that goes with its copy's nonce.
        answer._csp_config = {}
        answer._csp_ro_config = {}
    return answer


class PageCacheMiddleware:
    """Placed just inside ContentSecurityPolicyMiddleware (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            if request.method in UNSAFE_METHODS and response.status_code < 400:
                forget_pages()
            return response
        try:
            key = page_key(request, _generation())
            entry = cache.get(key)
        except Exception:  # the cache does not answer: the page as without it
            logger.warning("page cache: not answering", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            return self._served(request, entry)
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        return self._kept(request, response, key)

    def _kept(self, request, response, key: str):
        content = response.content
        nonce = getattr(request, "_csp_nonce", None)
        nonce_used = bool(nonce)
        if nonce_used:
            content = content.replace(str(nonce).encode(), NONCE_PLACEHOLDER)
        etag = f'W/"{hashlib.md5(content).hexdigest()}"'
        stored_at = time.time()
        entry = {
            "content": content,
            "headers": [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in _NOT_KEPT
            ],
            "nonce": nonce_used,
            "csp": getattr(response, "_csp_config", None),
            "csp_ro": getattr(response, "_csp_ro_config", None),
            "etag": etag,
            "stored_at": stored_at,
        }
        try:
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("page cache: could not keep a page", exc_info=True)
            return response
        response["X-Page-Cache"] = "stored"
        _validators(response, etag, stored_at)
        return _conditional(request, response, etag, stored_at)

    def _served(self, request, entry: dict):
        content = entry["content"]
        if entry["nonce"]:
            # A fresh nonce for this response; the CSP middleware puts it in the header.
            content = content.replace(NONCE_PLACEHOLDER, str(request._csp_nonce).encode())
        response = HttpResponse(content)
        for name, value in entry["headers"]:
            response[name] = value
        if entry["csp"] is not None:
            response._csp_config = entry["csp"]
        if entry["csp_ro"] is not None:
            response._csp_ro_config = entry["csp_ro"]
        response["X-Page-Cache"] = "hit"
        _validators(response, entry["etag"], entry["stored_at"])
        return _conditional(request, response, entry["etag"], entry["stored_at"])


def csrf_for_members(view):
    """CSRF protection for logged-in people only, on a form that public pages show to
    everyone (the footer's language, a quick-help answer's « utile »).

    A CSRF token protects what a forged request would do in the visitor's name. An
    anonymous visitor has no name to borrow: what such a form does for her (a language
    cookie, one vote per session) anyone may do by posting it directly, token or not. So
    these pages render the token for logged-in people only, which keeps the anonymous page
    the same for everyone and lets it be kept whole (the module's docstring)."""
    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.user.is_authenticated:
            return protected(request, *args, **kwargs)
        return view(request, *args, **kwargs)

    return checked
