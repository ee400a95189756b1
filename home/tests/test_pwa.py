"""Installable on a phone: the manifest holds what browsers ask before they offer to
install, the service worker keeps only static files and the offline page (never a page,
which may be personal), and static files are compressed and cached in production."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from PIL import Image

from core.tests.test_settings import PRODUCTION, manage

pytestmark = pytest.mark.django_db


def test_the_manifest_has_what_browsers_require_to_install(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] and manifest["short_name"] == "A-lasso"
    assert manifest["display"] in ("standalone", "fullscreen", "minimal-ui")
    assert manifest["start_url"].startswith(manifest["scope"])
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    sizes = {}
    for icon in manifest["icons"]:
        assert icon["type"] == "image/png"
        path = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
        assert path, icon["src"]
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
        sizes.setdefault(icon.get("purpose", "any"), set()).add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes["any"]
    assert "512x512" in sizes["maskable"]


def test_every_page_links_the_manifest_and_registers_the_worker(client):
    page = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert 'navigator.serviceWorker.register("/sw.js")' in page
    assert '<meta name="theme-color"' in page


def test_the_worker_is_served_from_the_root_and_never_kept_stale(client):
    response = client.get("/sw.js")
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    assert response["Service-Worker-Allowed"] == "/"


def test_the_worker_keeps_only_static_files_and_the_offline_page(client):
    code = client.get("/sw.js").content.decode()
    shell = json.loads(re.search(r"const SHELL = (\[.*?\]);", code).group(1))
    offline = reverse("core:offline")
    assert offline in shell
    assert all(url == offline or url.startswith(settings.STATIC_URL) for url in shell)
    # One place stores a response, inside the branch of static files; pages (navigations)
    # are fetched and never stored.
    assert code.count("cache.put(") == 1
    static_branch = code.index("url.pathname.startsWith(STATIC)")
    navigation_branch = code.index('request.mode === "navigate"')
    assert navigation_branch < static_branch < code.index("cache.put(")
    navigation = code[navigation_branch:static_branch]
    assert "put(" not in navigation and "caches.match(OFFLINE)" in navigation


def test_the_offline_page_is_in_french_and_personal_to_no_one(client, martine):
    client.force_login(martine)
    page = client.get(reverse("core:offline")).content.decode()
    assert "Pas de connexion pour le moment" in page
    assert "Martine" not in page and "csrfmiddlewaretoken" not in page


def test_static_files_are_compressed_and_cached_in_production():
    code = (
        "from django.conf import settings; "
        "print(settings.STORAGES['staticfiles']['BACKEND']); print(settings.WHITENOISE_MAX_AGE); "
        "print('whitenoise.middleware.WhiteNoiseMiddleware' in settings.MIDDLEWARE)"
    )
    result = manage("shell", "--no-imports", "-c", code, env=PRODUCTION)
    assert result.returncode == 0, result.stderr
    backend, max_age, middleware = result.stdout.split()
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert int(max_age) > 0 and middleware == "True"
    import brotli  # whitenoise writes the .br copies only when it is installed

    assert brotli


def test_the_icons_are_small(db):
    for name in ("icon-192.png", "icon-512.png", "icon-maskable-512.png"):
        size = Path(finders.find(f"pwa/{name}")).stat().st_size
        assert size < 40_000, name
