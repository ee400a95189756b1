"""Suggestions for the commune box (`geo.forms.CommuneField`)."""

from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from .forms import suggestion_options
from .selectors import communes_matching


@require_GET
@cache_control(max_age=3600)
@vary_on_headers("HX-Trigger-Name")
def communes(request):
    """`<option>` items for the commune typed so far, the most populated first.

    htmx sends the box's value under the box's own name (say `commune`), so the text is read
    from `q` or, failing that, from the parameter named by the `HX-Trigger-Name` header.
    """
    text = request.GET.get("q")
    if text is None and request.htmx.trigger_name:
        text = request.GET.get(request.htmx.trigger_name)
    return render(
        request,
        "geo/communes.html",
        {"options": suggestion_options(communes_matching((text or "")[:100], limit=10))},
    )
