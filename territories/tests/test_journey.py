"""A mediator posts a mission for an association that asked her, its territory's moderator
publishes it, the association sees what was done for it and takes its consent back."""

import re

import pytest
from playwright.sync_api import expect

from missions.models import Mission, MissionTemplate, Status

from .scene import build

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_mediator_posts_a_mission_that_the_territorys_moderator_publishes(shipped_data, new_page):
    scene = build()
    users, garden = scene["users"], scene["garden"]
    template = MissionTemplate.objects.filter(is_active=True).order_by("pk").first()

    # Nora, the mediator, meets Odette's association and posts its need for it.
    nora = new_page("mobile", user=users["nora"])
    nora.goto("/territories/helping/")
    expect(nora.get_by_role("heading", level=2)).to_have_text(garden.name)
    nora.get_by_role("link", name="Décrire un besoin pour elle").click()
    nora.get_by_role("button", name=f"Choisir ce modèle : {template.title}").click()
    nora.get_by_label("Votre besoin en quelques mots").fill(
        "Une affiche pour la fête des jardins, à imprimer et à afficher dans le quartier."
    )
    nora.get_by_role("button", name="Continuer", exact=True).click()
    nora.get_by_role("button", name="Envoyer ma mission").click()
    expect(nora.get_by_role("status")).to_contain_text("Notre équipe la relit")
    mission = Mission.objects.get(organization=garden, created_by=users["nora"])
    assert mission.status == Status.SUBMITTED

    # Marc, the Rhône's moderator, publishes it.
    marc = new_page("desktop", user=users["marc"])
    marc.goto("/moderation/")
    marc.get_by_role("link", name=mission.title).click()
    marc.get_by_label(re.compile("Publier la mission")).check()
    marc.get_by_role("button", name="Enregistrer la décision").click()
    mission.refresh_from_db()
    assert mission.status == Status.OPEN

    # Odette sees what Nora did in the association's name, then takes her consent back.
    odette = new_page("mobile", user=users["odette"])
    odette.goto(f"/territories/associations/{garden.slug}/done-for-you/")
    expect(odette.get_by_text("Mission envoyée pour validation")).to_be_visible()
    expect(odette.get_by_text("Mission créée")).to_be_visible()
    odette.goto(f"/territories/associations/{garden.slug}/help/")
    odette.get_by_role("button", name=f"Retirer l’accord n°{scene['consent'].pk}").click()
    expect(odette.get_by_role("status")).to_contain_text("ne peut plus agir")

    # Nora no longer reaches anything of the association's.
    response = nora.goto(f"/missions/{scene['draft'].pk}/edit/1/")
    assert response.status == 404
