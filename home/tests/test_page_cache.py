"""Public pages kept whole for anonymous visitors (core/pagecache.py): never a personal page
nor a CSRF token from the cache, every change to a mission visible at once, 304 answers.

Marked `cache`: `make test-cache` runs them again on Redis, as production keeps the pages."""

import re
import socket

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from core.pagecache import GENERATION_KEY
from credentials.tests.conftest import credential, engagement, signing_key  # noqa: F401
from missions import services as missions
from missions.models import Mission, Status
from missions.signals import mission_changed
from missions.tests.factories import MissionFactory
from portfolio.models import Portfolio
from quickhelp.tests.factories import PublicAnswerFactory

pytestmark = pytest.mark.cache

LOGGED_IN = "Se déconnecter"


def kept_pages() -> dict[str, dict]:
    """Every page in the cache backend, by key: locmem's dictionary, or Redis's keys."""
    made = cache.make_key("pages:")
    backend = cache._cache
    if isinstance(backend, dict):
        keys = [key for key in backend if key.startswith(made)]
    else:  # Redis
        keys = [key.decode() for key in backend.get_client().scan_iter(match=f"{made}*")]
    cut = len(made) - len("pages:")
    entries = {key[cut:]: cache.get(key[cut:]) for key in keys}
    return {key: e for key, e in entries.items() if key != GENERATION_KEY and e is not None}


def nonce_of(response) -> str:
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)


def page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


@pytest.fixture
def public_urls(association, martine, lea, credential):  # noqa: F811
    """One page of each kind that anonymous visitors read."""
    mission = MissionFactory(organization=association, created_by=martine, title="Un logo vert")
    answer = PublicAnswerFactory()
    Portfolio.objects.create(user=lea, slug="lea-martin", is_public=True)
    return [
        reverse("core:home"),
        reverse("missions:list") + "?q=logo",
        reverse("missions:detail", args=[mission.pk]),
        reverse("organizations:detail", args=[association.slug]),
        reverse("portfolio:detail", args=["lea-martin"]),
        reverse("credentials:verify", args=[credential.public_id]),
        reverse("quickhelp:answer", args=[answer.slug]),
    ]


def test_anonymous_visitors_get_public_pages_from_the_cache_with_a_fresh_nonce(public_urls):
    visitor = Client()
    for url in public_urls:
        first, second = page(visitor, url), page(visitor, url)

        assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("stored", "hit"), url
        # The same page, but each answer has its own nonce, in its header and its scripts.
        old, new = nonce_of(first), nonce_of(second)
        assert old != new
        assert f'nonce="{new}"' in second.text and old not in second.text
        assert second.text == first.text.replace(old, new)
        assert not second.cookies
    assert len(kept_pages()) == len(public_urls)


def test_no_personal_page_nor_csrf_token_is_ever_served_from_the_cache(
    client, public_urls, martine
):
    for url in public_urls:  # kept for anonymous visitors first
        page(Client(), url)

    client.force_login(martine)
    for url in public_urls:
        response = page(client, url)
        # Martine sees her own header and her forms' tokens, never the kept anonymous page.
        assert "X-Page-Cache" not in response, url
        assert LOGGED_IN in response.text and "csrfmiddlewaretoken" in response.text, url

    for url in public_urls:  # and an anonymous visitor never gets hers
        response = page(Client(), url)
        assert response["X-Page-Cache"] == "hit"
        assert LOGGED_IN not in response.text and "csrfmiddlewaretoken" not in response.text
    kept = kept_pages()
    assert len(kept) == len(public_urls)
    for entry in kept.values():
        assert LOGGED_IN.encode() not in entry["content"]
        assert b"csrfmiddlewaretoken" not in entry["content"]
        assert martine.email.encode() not in entry["content"]
        assert not any(name.lower() == "set-cookie" for name, _value in entry["headers"])


def test_a_form_page_with_a_csrf_token_is_never_kept(client, settings, db):
    # Even were the login page listed among the public pages, its token keeps it out.
    settings.PAGE_CACHE_VIEWS = settings.PAGE_CACHE_VIEWS | {"accounts:login"}
    for _ in range(2):
        response = page(client, reverse("accounts:login"))
        assert "csrfmiddlewaretoken" in response.text
        assert "X-Page-Cache" not in response
    assert kept_pages() == {}


def test_a_flash_message_is_shown_and_never_kept(client, martine):
    home = reverse("core:home")
    page(Client(), home)
    client.force_login(martine)

    response = client.post(reverse("accounts:logout"), follow=True)

    assert "Vous êtes déconnecté·e" in response.text
    assert "X-Page-Cache" not in response
    again = page(client, home)  # the message is gone; the kept page is the same for all
    assert "Vous êtes déconnecté·e" not in again.text
    for entry in kept_pages().values():
        assert "déconnecté·e".encode() not in entry["content"]


def test_publishing_editing_and_closing_a_mission_show_at_once_on_the_kept_pages(
    association, martine
):
    mission = MissionFactory(
        organization=association,
        created_by=martine,
        status=Status.DRAFT,
        title="Une affiche pour la brocante",
    )
    home = reverse("core:home")
    search = reverse("missions:list") + "?q=brocante"
    mission_page = reverse("missions:detail", args=[mission.pk])
    association_page = reverse("organizations:detail", args=[association.slug])
    visitor = Client()

    def twice(url: str):
        page(visitor, url)
        response = page(visitor, url)
        assert response["X-Page-Cache"] == "hit", url
        return response.text

    assert "Une affiche pour la brocante" not in twice(search)
    assert "Une affiche pour la brocante" not in twice(association_page)
    twice(home)
    assert visitor.get(mission_page).status_code == 404

    missions.mission_submit(mission=mission, by=martine)  # published: the association is verified

    assert "Une affiche pour la brocante" in page(visitor, search).text
    assert "Une affiche pour la brocante" in page(visitor, association_page).text
    assert page(visitor, home)["X-Page-Cache"] == "stored"  # made again, not the old one
    assert "Une affiche pour la brocante" in twice(mission_page)
    found_after_edit = reverse("missions:list") + "?q=vide-grenier"
    assert "Une affiche pour" not in twice(found_after_edit)
    twice(search), twice(association_page)

    # Edited as the mission admin does (an update, then the domain event): no model signal.
    Mission.objects.filter(pk=mission.pk).update(title="Une affiche pour le vide-grenier")
    mission_changed.send(sender=Mission, mission_id=mission.pk)

    assert "Une affiche pour le vide-grenier" in page(visitor, mission_page).text
    assert "Une affiche pour le vide-grenier" in page(visitor, association_page).text
    assert "Une affiche pour le vide-grenier" in page(visitor, found_after_edit).text
    twice(mission_page), twice(found_after_edit), twice(association_page)

    mission.refresh_from_db()
    missions.mission_change_state(mission=mission, target=Status.CANCELLED, by=martine)

    assert "Une affiche pour le vide-grenier" not in page(visitor, found_after_edit).text
    assert "vide-grenier" not in page(visitor, association_page).text
    assert visitor.get(mission_page).status_code == 404  # no longer public: not the kept page


def test_a_browser_copy_still_current_gets_a_304(client, association, martine):
    mission = MissionFactory(organization=association, created_by=martine)
    url = reverse("missions:detail", args=[mission.pk])
    first = page(client, url)
    assert first["ETag"].startswith('W/"') and first["Last-Modified"]

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    for answer in (by_etag, by_date):
        assert answer.status_code == 304 and answer.content == b""
        # No new CSP header: the browser's copy keeps the nonce its own header names.
        assert "Content-Security-Policy" not in answer
    assert page(client, url)["ETag"] == first["ETag"]  # the nonce does not change it

    Mission.objects.filter(pk=mission.pk).update(title="Un autre logo")
    mission_changed.send(sender=Mission, mission_id=mission.pk)

    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "Un autre logo" in changed.text
    assert changed["ETag"] != first["ETag"]


def test_public_pages_and_writes_work_when_the_cache_does_not_answer(client, association):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    nowhere = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{port}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    with override_settings(CACHES={"default": nowhere}):
        mission = MissionFactory(organization=association, title="Un logo sans cache")
        response = page(client, reverse("missions:detail", args=[mission.pk]))

    assert "Un logo sans cache" in response.text and "X-Page-Cache" not in response
