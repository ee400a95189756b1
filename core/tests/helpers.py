"""Helpers for the permission tables: a client per person, and what each answer means."""

from django.test import Client


def client_for(user) -> Client:
    """A client logged in as `user`, or an anonymous one for None."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def outcome(response) -> str:
    """One word for a response: "ok" the page, "no" a refusal (403, or 404 where even the
    thing's existence is private), "login" a redirect to the login page, "go" a redirect
    elsewhere (a done action); any other status as its number."""
    if response.status_code == 200:
        return "ok"
    if response.status_code in (403, 404):
        return "no"
    if response.status_code == 302:
        return "login" if response.url.startswith("/account/login/") else "go"
    return str(response.status_code)
