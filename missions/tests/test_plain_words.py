"""The pages a new association sees on its way to a first mission speak plain French: a
technical word appears only in brackets, after the plain words that explain it."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from missions.models import Mission

# Words a retired treasurer would not know (software names belong to the volunteers' side).
JARGON = [
    "spam",
    "RNA",
    "SIREN",
    "SIRET",
    "PNG",
    "JPEG",
    "Mo",
    "pixels",
    "flyer",
    "identité visuelle",
    "référencement",
    "RGPD",
    "livrables",
    "portfolio",
    "Creative Commons",
    "CC BY",
    "autodiagnostic",
    "Figma",
    "Canva",
    "Suite Adobe",
]


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|head)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def jargon_outside_brackets(html: str) -> list[str]:
    text = visible_text(html)
    while re.search(r"\([^()]*\)", text):  # what is in brackets explains, it may be technical
        text = re.sub(r"\([^()]*\)", " ", text)
    return [word for word in JARGON if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


@pytest.fixture
def signed_up(client, db):
    client.post(
        reverse("accounts:signup"),
        {
            "full_name": "Odile Roux",
            "email": "odile@orange.fr",
            "password": "le jardin des possibles",
            "intent": "association",
        },
    )
    return client


def test_the_sign_up_and_association_screens_speak_plain_french(signed_up):
    for url in [reverse("accounts:signup_done"), reverse("organizations:create")]:
        client = signed_up if "signup" in url else Client()
        if "organizations" in url:
            from accounts.models import User

            client.force_login(User.objects.get())
        assert jargon_outside_brackets(client.get(url).text) == [], url


def test_the_template_choice_and_the_wizard_speak_plain_french(client, martine, association):
    client.force_login(martine)
    assert jargon_outside_brackets(client.get(reverse("missions:new")).text) == []

    client.post(reverse("missions:new"), {"template": "logo-visual-identity"})
    mission = Mission.objects.get()
    for step in (1, 3):
        page = client.get(reverse("missions:wizard", args=[mission.pk, step])).text
        assert jargon_outside_brackets(page) == [], step


def test_the_dashboard_and_the_association_page_speak_plain_french(client, martine, association):
    client.force_login(martine)

    for url in [reverse("core:home"), association.get_absolute_url()]:
        assert jargon_outside_brackets(client.get(url).text) == [], url


def test_the_digital_check_up_speaks_plain_french(client, martine, association):
    client.force_login(martine)
    client.post(reverse("diagnosis:start", args=[association.slug]))

    for name in ("home", "history"):
        page = client.get(reverse(f"diagnosis:{name}", args=[association.slug])).text
        assert jargon_outside_brackets(page) == [], name
