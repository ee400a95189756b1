"""The API's documentation page, and the tokens' forms of the account page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import calendar, services
from .forms import TokenForm
from .main import api
from .models import ApiToken
from .problems import KINDS

METHODS = ("get", "post", "put", "patch", "delete")


def docs(request):
    """The operations, read from the OpenAPI description: no script, no outside resource."""
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    operations = []
    for path, items in schema["paths"].items():
        for method, operation in items.items():
            if method not in METHODS:
                continue
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": operation["operationId"],
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "token": bool(operation.get("security")),
                    "parameters": operation.get("parameters", []),
                    "body": "requestBody" in operation,
                    "statuses": sorted(operation.get("responses", {})),
                }
            )
    problems = [
        {"slug": slug, "status": status, "title": title} for slug, (status, title) in KINDS.items()
    ]
    context = {"operations": operations, "problems": problems, "description": api.description}
    return render(request, "api/docs.html", context)


@login_required
@never_cache
def token_create(request):
    """Create a token (POST): its secret is shown on this answer only, never again."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.active_count(request.user) >= services.MAX_ACTIVE:
            form.add_error(None, _("Vous avez trop de jetons actifs : révoquez-en un d’abord."))
        else:
            token, secret = services.token_create(user=request.user, **form.cleaned_data)
            return render(request, "api/token_created.html", {"token": token, "secret": secret})
    tokens = ApiToken.objects.filter(user=request.user)
    return render(request, "api/tokens.html", {"form": form, "tokens": tokens})


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.token_revoke(token=token, by=request.user)
    messages.success(request, _("Le jeton « %(name)s » est révoqué.") % {"name": token.name})
    return redirect("api_tokens:create")


@login_required
@never_cache
def calendar_create(request):
    """A new secret calendar address (POST): shown on this answer only."""
    if request.method != "POST":
        return redirect(reverse("accounts:account") + "#calendar")
    _feed, secret = calendar.feed_create(user=request.user)
    url = request.build_absolute_uri(reverse("calendar_feed", args=[secret]))
    return render(request, "api/calendar_created.html", {"url": url})


@login_required
@require_POST
def calendar_revoke(request):
    calendar.feed_revoke(user=request.user)
    messages.success(request, _("L’adresse de votre agenda est révoquée : elle ne marche plus."))
    return redirect(reverse("accounts:account") + "#calendar")


@never_cache
def calendar_feed(request, secret: str):
    feed = calendar.feed_for_secret(secret)
    if feed is None:
        raise Http404
    response = HttpResponse(calendar.calendar_of(feed.user), content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="a-lasso.ics"'
    return response
