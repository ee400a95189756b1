"""An association volunteer registers the association and invites a fellow volunteer, in a
real browser, on a phone-sized screen; every page passes axe."""

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from organizations.models import Invitation, Organization

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def type_commune(page, text: str) -> None:
    """Type in the commune box and wait for the suggestions htmx asks for: the test server
    shares one SQLite connection between its threads, so requests must not overlap."""
    with page.expect_response(lambda response: "/geo/communes/" in response.url):
        page.get_by_label("Commune").fill(text)


def test_a_volunteer_registers_the_association_and_invites_a_friend(
    new_page, shipped_data, martine
):
    page = new_page("mobile", user=martine)
    page.goto("/organizations/new/")
    assert axe_violations(page) == []

    page.get_by_label("Nom de l’association").fill("Les Amis du Canal")
    page.get_by_label("Citoyenne (uniquement des bénévoles)").check()
    page.get_by_label("Environnement").check()
    with page.expect_response(lambda response: "/geo/communes/" in response.url):
        page.get_by_label("Commune").press_sequentially("Saint-Den")
    # htmx fills the suggestions as she types.
    expect(
        page.locator('#id_commune-suggestions option[value="Saint-Denis (93200)"]')
    ).to_have_count(1)
    type_commune(page, "Saint-Denis")
    page.get_by_label("Numéro SIREN").fill("732 829 321")
    page.get_by_role("button", name="Inscrire").click()

    # Two mistakes, explained; nothing typed is lost.
    expect(page.get_by_text("Plusieurs communes correspondent")).to_be_visible()
    expect(page.get_by_text("un chiffre est sans doute mal recopié")).to_be_visible()
    expect(page.get_by_label("Nom de l’association")).to_have_value("Les Amis du Canal")
    assert axe_violations(page) == []

    # The candidates are offered to tick (the box could be retyped as well).
    page.get_by_label("Saint-Denis (93200) · Seine-Saint-Denis").check()
    page.get_by_label("Numéro SIREN").fill("732 829 320")
    page.get_by_role("button", name="Inscrire", exact=True).click()

    # Straight on to the first need; the association's page leads there too.
    expect(page.get_by_role("heading", level=1)).to_have_text("Proposer une mission")
    assert axe_violations(page) == []
    organization = Organization.objects.get()
    assert organization.commune_id == "93066"
    page.goto(organization.get_absolute_url())
    expect(page.get_by_text("En attente de vérification")).to_be_visible()
    expect(page.get_by_role("link", name="Décrire un besoin")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Gérer les membres et inviter quelqu’un").click()
    page.get_by_label("Adresse e-mail de la personne à inviter").fill("jean@orange.fr")
    page.get_by_role("button", name="Envoyer l’invitation").click()

    expect(page.get_by_role("status")).to_contain_text("Invitation envoyée à jean@orange.fr")
    assert Invitation.objects.get().email == "jean@orange.fr"
    assert axe_violations(page) == []
