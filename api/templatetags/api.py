"""The tokens' part of the account page (accounts' template loads this library)."""

from django import template

from ..forms import TokenForm
from ..models import ApiToken, CalendarFeed

register = template.Library()


@register.inclusion_tag("api/_tokens.html", takes_context=True)
def api_tokens(context):
    user = context["request"].user
    return {
        "tokens": list(ApiToken.objects.filter(user=user)),
        "form": TokenForm(),
        "csrf_token": context.get("csrf_token"),
        "request": context["request"],
    }


@register.inclusion_tag("api/_calendar.html", takes_context=True)
def calendar_feed(context):
    user = context["request"].user
    return {
        "feed": CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first(),
        "csrf_token": context.get("csrf_token"),
        "request": context["request"],
    }
