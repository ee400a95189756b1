"""The site as a phone app: the web app manifest, the service worker and its offline page.

The service worker keeps the shell — the stylesheet, the script, the icons and the offline
page — and nothing else: a page of the site may hold someone's name, messages or questions,
so pages are always asked of the network and never stored; without a network, a page shows
the offline page instead. Its rules are in `templates/home/sw.js`, read by the tests.
"""

import hashlib
import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

THEME_COLOUR = "#7a2e0e"
BACKGROUND_COLOUR = "#f6f4ef"


def shell() -> list[str]:
    """What the service worker keeps: static files, and the offline page."""
    return [
        reverse("core:offline"),
        static("css/bundle.css"),
        static("vendor/htmx.min.js"),
        static("img/logo.svg"),
        static("img/favicon.svg"),
        static("pwa/icon-192.png"),
    ]


@require_GET
@cache_control(max_age=86400, public=True)
def manifest(request):
    data = {
        "name": "A-lasso : le numérique pour les associations",
        "short_name": "A-lasso",
        "description": "Des missions et des coups de main numériques pour les associations.",
        "lang": "fr",
        "dir": "ltr",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static("pwa/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("pwa/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("pwa/icon-maskable-192.png"),
                "sizes": "192x192",
                "type": "image/png",
                "purpose": "maskable",
            },
            {
                "src": static("pwa/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
        "shortcuts": [
            {"name": "Coup de main", "url": reverse("quickhelp:index")},
            {"name": "Missions", "url": reverse("missions:list")},
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/manifest+json"
    )


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    files = shell()
    # A new list of files (a new stylesheet's hashed name) is a new cache: the old one goes.
    version = hashlib.sha256("\n".join(files).encode()).hexdigest()[:12]
    context = {
        "version": version,
        "shell": json.dumps(files),
        "offline": json.dumps(reverse("core:offline")),
        "static_url": json.dumps(settings.STATIC_URL),
    }
    response = render(request, "home/sw.js", context, content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
@cache_control(max_age=3600, public=True)
def offline(request):
    # The same for everyone (the worker keeps it): nothing personal, not even the header's
    # links of the person who was logged in when it was kept.
    return render(request, "home/offline.html", {"theme_colour": THEME_COLOUR})
