"""The error pages: what they say must be true, and they must show when the database is gone."""

import copy
import socket
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client, RequestFactory

from core.views import error_500

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nobody listens there once the socket is closed


@contextmanager
def database_down(tmp_path):
    """Requests talk to a database that cannot be reached (the test's own stays open)."""
    original = connections["default"]
    unreachable = copy.deepcopy(original.settings_dict)
    if original.vendor == "sqlite":
        unreachable["NAME"] = str(tmp_path / "no-such-folder" / "db.sqlite3")
    else:
        unreachable.update(HOST="127.0.0.1", PORT=str(closed_port()))
    broken = original.__class__(unreachable, alias="default")
    connections["default"] = broken
    try:
        yield
    finally:
        broken.close()
        connections["default"] = original


def test_with_the_database_down_a_signed_in_visitor_is_told_the_service_is_unavailable(
    tmp_path,
):
    client = Client(raise_request_exception=False)
    # A session cookie makes the first middleware that asks who is there read the database.
    client.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32

    with database_down(tmp_path):
        response = client.get("/missions/")

    assert response.status_code == 503
    assert response["Retry-After"]
    assert "A-lasso est momentanément indisponible" in response.text
    assert "Un problème est survenu" not in response.text


def test_with_the_database_down_an_anonymous_form_post_gets_the_same_page(tmp_path):
    client = Client(raise_request_exception=False)

    with database_down(tmp_path):
        response = client.post("/account/login/", {"email": "a@example.org", "password": "x"})

    assert response.status_code == 503
    assert "momentanément indisponible" in response.text


def test_the_500_page_does_not_say_the_team_knows_when_nothing_reports_errors(settings):
    settings.SENTRY_DSN = ""

    page = error_500(RequestFactory().get("/")).content.decode()

    assert "prévenue" not in page
    assert "Réessayez dans quelques minutes" in page


def test_the_500_page_says_the_team_knows_when_errors_are_reported(settings):
    settings.SENTRY_DSN = "https://public@errors.example.org/1"

    page = error_500(RequestFactory().get("/")).content.decode()

    assert "L’équipe est prévenue" in page
