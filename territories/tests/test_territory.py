"""A local authority declares its territory; "is this association in it" is one condition."""

from django.urls import reverse

from audit.models import AuditEvent
from geo.models import Commune
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory
from territories.models import Territory


def test_an_admin_declares_a_departement_and_every_association_of_it_is_inside(client, scene):
    rhone = scene["rhone"]
    territory = rhone.territory
    inside = scene["garden"]
    outside = AssociationFactory(name="Club de Paris")
    found = Organization.objects.filter(territory.organizations_condition())
    assert inside in found
    assert outside not in found


def test_an_epci_lists_its_communes_by_name_or_insee_code(client, scene):
    client.force_login(scene["users"]["hugo"])
    url = reverse("territories:edit", args=[scene["venissieux"].slug])
    response = client.post(url, {"level": "epci", "communes": "Vénissieux\n69290\nVilleurbanne"})
    assert response.status_code == 302
    territory = Territory.objects.get(authority=scene["venissieux"])
    assert territory.level == "epci"
    assert set(territory.communes.values_list("insee", flat=True)) == {"69259", "69290", "69266"}
    event = AuditEvent.objects.filter(verb="territory.declared").latest("pk")
    assert event.data["communes"] == ["69259", "69266", "69290"]


def test_unknown_communes_are_named_in_the_error_and_what_was_typed_stays(client, scene):
    client.force_login(scene["users"]["hugo"])
    url = reverse("territories:edit", args=[scene["venissieux"].slug])
    response = client.post(url, {"level": "epci", "communes": "Vénissieux\nTrucville-sur-Rien"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Trucville-sur-Rien" in content
    assert "nous ne connaissons pas cette commune" in content
    territory = Territory.objects.get(authority=scene["venissieux"])
    assert territory.level == "commune"  # unchanged


def test_a_commune_declares_only_its_own(client, scene):
    client.force_login(scene["users"]["hugo"])
    url = reverse("territories:edit", args=[scene["venissieux"].slug])
    response = client.post(url, {"level": "commune", "communes": "69259\n69290"})
    assert "une seule commune" in response.content.decode()


def test_a_departement_must_be_chosen(client, scene):
    client.force_login(scene["users"]["claire"])
    url = reverse("territories:edit", args=[scene["rhone"].slug])
    response = client.post(url, {"level": "departement"})
    assert "Choisissez votre département" in response.content.decode()


def test_changing_the_territory_of_a_verified_authority_sends_it_back_to_the_moderators(
    client, scene
):
    client.force_login(scene["users"]["claire"])
    url = reverse("territories:edit", args=[scene["rhone"].slug])
    client.post(url, {"level": "region", "region": "84"})
    scene["rhone"].refresh_from_db()
    assert scene["rhone"].is_pending_verification
    # Until checked again, its moderator has no power.
    marc = scene["users"]["marc"]
    client.force_login(marc)
    assert client.get(reverse("moderation:queue")).status_code == 403


def test_only_admins_of_the_authority_declare(client, scene):
    client.force_login(scene["users"]["marc"])  # an agent, not an admin
    url = reverse("territories:edit", args=[scene["rhone"].slug])
    assert client.post(url, {"level": "region", "region": "84"}).status_code == 403
    client.force_login(scene["users"]["odette"])
    assert client.get(url).status_code == 403
    # Another kind of organisation has no territory page.
    garden_url = reverse("territories:territory", args=[scene["garden"].slug])
    assert client.get(garden_url).status_code == 404


def test_the_territory_page_counts_the_associations_inside(client, scene):
    client.force_login(scene["users"]["marc"])
    response = client.get(reverse("territories:territory", args=[scene["rhone"].slug]))
    assert "1 association inscrite" in response.content.decode()
    assert Commune.objects.filter(departement_id="69").count() > 200
