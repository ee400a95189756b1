"""Pages that belong to no domain: health check, errors, dev mailbox (`home/urls.py` serves
them; the language switch is in `accounts.views`)."""

import sys
from email import policy
from email.parser import BytesParser

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.crypto import get_random_string
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    # The database and the cache: without either, logins and most pages fail.
    problems = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        problems["database"] = "unreachable"
    try:
        key = f"healthz:{get_random_string(12)}"  # one per check: workers check at once
        cache.set(key, "ok", timeout=10)
        if cache.get(key) != "ok":
            problems["cache"] = "not keeping values"
        cache.delete(key)
    except Exception:
        problems["cache"] = "unreachable"
    if problems:
        return JsonResponse({"status": "error", **problems}, status=503)
    return JsonResponse({"status": "ok"})


def error_404(request, exception):
    return render(request, "404.html", status=404)


def error_403(request, exception):
    return render(request, "403.html", status=403)


def error_500(request):
    # No context processors that touch the database: it may be what failed.
    if isinstance(sys.exception(), (OperationalError, InterfaceError)):
        # The database cannot be reached (stopped, restarting, full): not a bug in a page,
        # and nothing the visitor can do but come back a little later.
        response = HttpResponse(loader.get_template("503.html").render({}), status=503)
        response["Retry-After"] = "120"
        return response
    # The page says the team knows only when something does tell it (SENTRY_DSN).
    context = {"reported": bool(settings.SENTRY_DSN)}
    return HttpResponse(loader.get_template("500.html").render(context), status=500)


def _read_mailbox(limit: int = 50) -> list[dict]:
    directory = settings.MAILBOX_DIR
    if not directory.exists():
        return []
    parser = BytesParser(policy=policy.default)
    messages = []
    for path in sorted(directory.glob("*.eml"), reverse=True)[:limit]:
        message = parser.parsebytes(path.read_bytes())
        text = message.get_body(preferencelist=("plain",))
        messages.append(
            {
                "id": path.stem,
                "to": message["To"],
                "subject": message["Subject"],
                "date": message["Date"],
                "text": text.get_content() if text else "",
            }
        )
    return messages


@never_cache
def dev_mailbox(request):
    # Only on a developer's machine: it shows every e-mail the platform "sent".
    if not settings.DEBUG:
        raise Http404
    return render(request, "core/dev_mailbox.html", {"messages_": _read_mailbox()})


def csrf_failure(request, reason=""):
    # Usually a form left open for hours: say so plainly instead of "CSRF verification failed".
    return render(request, "403_csrf.html", status=403)
