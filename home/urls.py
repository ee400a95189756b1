from django.urls import path

from accounts.views import set_language
from core.views import dev_mailbox, healthz

from . import pwa, views

# The site's own pages. The namespace keeps the name it had when they lived in `core`:
# `core:home` is the address every template, redirect and test goes back to.
app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("language/", set_language, name="set_language"),
    path("dev/mailbox/", dev_mailbox, name="dev_mailbox"),
    # Installable on a phone (home/pwa.py): the worker must be served from the root to
    # look after every page.
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("hors-ligne/", pwa.offline, name="offline"),
    path("legal/", views.legal_notice, name="legal_notice"),
    path("legal/privacy/", views.privacy, name="privacy"),
    path("legal/terms/", views.terms, name="terms"),
    path("legal/accessibility/", views.accessibility, name="accessibility"),
    path("legal/retention/", views.retention_rules, name="retention"),
]
