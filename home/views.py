"""The home page: the welcome for visitors, the dashboard for people logged in; the legal
and trust pages."""

import json
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse

from . import retention
from .dashboard import dashboard_for


def home(request):
    if request.user.is_authenticated:
        return render(request, "home/dashboard.html", {"board": dashboard_for(request.user)})
    # A teacher signs up, then registers her school (the confirmation link leads there).
    school_form = f"{reverse('organizations:create')}?{urlencode({'kind': 'school'})}"
    context = {"school_signup_query": urlencode({"intent": "other", "next": school_form})}
    # A company's manager signs up, then registers the company (with its SIREN).
    company_form = f"{reverse('organizations:create')}?{urlencode({'kind': 'company'})}"
    context["company_signup_query"] = urlencode({"intent": "other", "next": company_form})
    # A local authority's agent signs up, then registers the authority (with its SIREN).
    authority_form = f"{reverse('organizations:create')}?{urlencode({'kind': 'local_authority'})}"
    context["authority_signup_query"] = urlencode({"intent": "other", "next": authority_form})
    return render(request, "home/home.html", context)


# --- Legal and trust pages -------------------------------------------------------------------
def _legal_context() -> dict:
    return {
        "publisher": settings.LEGAL_PUBLISHER,
        "address": settings.LEGAL_ADDRESS,
        "director": settings.LEGAL_DIRECTOR,
        "host": settings.LEGAL_HOST,
        "privacy_email": settings.PRIVACY_EMAIL,
        "terms_version": settings.TERMS_VERSION,
    }


def legal_notice(request):
    return render(request, "home/legal/notice.html", _legal_context())


def privacy(request):
    context = {**_legal_context(), "rules": retention.rules()}
    return render(request, "home/legal/privacy.html", context)


def terms(request):
    return render(request, "home/legal/terms.html", _legal_context())


def accessibility(request):
    """The RGAA statement: the pages it lists are those the axe-core sweep checks
    (core/tests/test_accessibility_sweep.py writes them into ACCESSIBILITY_PAGES)."""
    swept = json.loads(ACCESSIBILITY_PAGES.read_text())
    context = {**_legal_context(), "swept": swept}
    return render(request, "home/legal/accessibility.html", context)


ACCESSIBILITY_PAGES = Path(__file__).parent / "accessibility_pages.json"


def retention_rules(request):
    """Every retention rule, as `manage.py retention` applies them each day."""
    return render(request, "home/legal/retention.html", {"rules": retention.rules()})
