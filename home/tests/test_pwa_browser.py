"""In Chromium: the service worker keeps the shell and the offline page and never a page
someone saw; without a network, a page shows the French offline page. And the weight
budget of a first visit on a poor mobile connection: every main page under 100 KB
transferred (compressed) and under 10 requests."""

import gzip

import pytest

from missions.tests.factories import MissionFactory
from quickhelp.tests.factories import PublicAnswerFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

KEPT = """async () => {
  const kept = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) kept.push(new URL(request.url).pathname);
  }
  return kept;
}"""


def test_the_worker_keeps_the_shell_and_never_a_page(shipped_data, new_page, martine, association):
    page = new_page(user=martine)
    page.goto("/organizations/mine/")
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    # Controlled by the worker now: her personal pages go through it.
    for url in ("/organizations/mine/", "/notifications/", "/coup-de-main/mes-questions/"):
        page.goto(url)
        assert page.evaluate("() => navigator.serviceWorker.controller !== null")
    kept = page.evaluate(KEPT)
    assert "/hors-ligne/" in kept and "/static/css/bundle.css" in kept
    assert all(path.startswith("/static/") or path == "/hors-ligne/" for path in kept), kept
    page.context.set_offline(True)
    page.goto("/notifications/")
    assert "Pas de connexion pour le moment" in page.content()
    assert "Martine" not in page.content()


def weigh(page, url: str) -> tuple[int, int, list[str]]:
    """Requests and compressed bytes of a first visit of `url`."""
    seen = []
    page.on("requestfinished", lambda request: seen.append(request))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    total = 0
    for request in seen:
        response = request.response()
        body = response.body() if response is not None else b""
        # What gzip makes of it: the web server compresses pages, whitenoise static files.
        total += len(gzip.compress(body, compresslevel=6)) + 300  # and its headers
    return len(seen), total, [request.url for request in seen]


def test_every_main_page_is_light_on_a_first_visit(shipped_data, new_page, martine, association):
    MissionFactory(organization=association)
    public = PublicAnswerFactory()
    pages = {
        "/": None,
        "/missions/": None,
        "/coup-de-main/": None,
        f"/coup-de-main/reponses/{public.slug}/": None,
        "/account/login/": None,
        "/account/signup/": None,
        "/coup-de-main/demander/": martine,
        "/missions/mine/": martine,
    }
    heavy = {}
    for url, user in pages.items():
        page = new_page(user=user)  # a new browser profile each time: nothing cached
        count, size, requested = weigh(page, url)
        if count >= 10 or size >= 100_000:
            heavy[url] = {"requests": count, "bytes": size, "urls": requested}
    assert heavy == {}
