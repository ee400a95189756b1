"""The widget: an association's open missions, as a light page to put in an <iframe> on its
own site. The only page that other sites may frame."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.csp import CSP
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET

from missions.receivers import open_missions
from organizations import selectors

SIZE = 10
# The site's policy, except that any site may frame this page, and links open outside it.
WIDGET_CSP = {**settings.SECURE_CSP, "frame-ancestors": ["*"], "script-src": [CSP.NONE]}


@require_GET
@xframe_options_exempt
@csp_override(WIDGET_CSP)
@cache_control(public=True, max_age=600)
def widget(request, slug: str):
    organization = selectors.get_organization_for_public(request, slug)
    context = {
        "organization": organization,
        "missions": open_missions(organization, limit=SIZE),
        "page_url": settings.SITE_URL + reverse("organizations:detail", args=[organization.slug]),
        "site_url": settings.SITE_URL,
    }
    return render(request, "api/widget.html", context)
