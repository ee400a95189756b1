"""The home page: the welcome for visitors, the dashboard for people logged in."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse

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
