"""The cache that the web processes share (Redis through REDIS_URL): the site works with
it, /healthz watches it, and what one process counts or keeps, the others see."""

import socket

import pytest
from django.test import override_settings
from django.urls import reverse

from accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.cache


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_healthz_answers_503_when_the_cache_does_not_answer(client, db):
    nowhere = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    with override_settings(CACHES={"default": nowhere}):
        response = client.get(reverse("core:healthz"))

    assert response.status_code == 503
    assert response.json() == {"status": "error", "cache": "unreachable"}


def test_login_and_healthz_work_on_the_redis_cache(client, martine, redis_cache):
    response = client.post(
        reverse("accounts:login"), {"email": "martine@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.get(reverse("core:healthz")).json() == {"status": "ok"}


def test_wrong_passwords_counted_by_one_process_stop_the_next_try_in_another(
    client, martine, second_process
):
    # Ten wrong passwords for Martine from 127.0.0.1, sent to the other process…
    second_process(
        "from core import ratelimit\n"
        "for _ in range(10):\n"
        "    ratelimit.record('login', '127.0.0.1 martine@example.org', window=900)\n"
    )

    # …protect the account from that address in this one.
    response = client.post(
        reverse("accounts:login"), {"email": "martine@example.org", "password": PASSWORD}
    )

    assert response.status_code == 429
    assert "ce compte est protégé" in response.text


def test_a_sign_up_flood_in_this_process_is_seen_by_another(client, db, second_process):
    for n in range(10):
        data = {
            "full_name": "Robot",
            "email": f"robot{n}@example.org",
            "password": "les roses du jardin",
            "intent": "volunteer",
        }
        client.post(reverse("accounts:signup"), data)

    allowed = second_process(
        "from core import ratelimit\n"
        "print(ratelimit.allow('signup', '127.0.0.1', limit=10, window=3600))\n"
    )

    assert allowed == "False"
