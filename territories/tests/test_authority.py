"""A local authority registers with its SIREN, checked; the moderators see its territory."""

from django.urls import reverse

from organizations.models import Organization


def test_a_local_authority_registers_with_a_checked_siren(client, lea):
    client.force_login(lea)
    url = reverse("organizations:create") + "?kind=local_authority"
    data = {"name": "Ville de Vénissieux", "commune": "Vénissieux"}
    response = client.post(url, data)
    assert "Indiquez le numéro SIREN de la collectivité" in response.content.decode()
    response = client.post(url, {**data, "siren": "216902594"})
    assert "un chiffre est sans doute mal recopié" in response.content.decode()
    response = client.post(url, {**data, "siren": "216 902 593"})
    assert response.status_code == 302
    authority = Organization.objects.get(name="Ville de Vénissieux")
    assert authority.kind == Organization.Kind.LOCAL_AUTHORITY
    assert authority.siren == "216902593" and authority.is_pending_verification


def test_staff_see_the_declared_territory_when_they_verify_an_authority(client, scene, staff):
    client.force_login(staff)
    page = client.get(reverse("moderation:organization", args=[scene["rhone"].slug]))
    content = page.content.decode()
    assert "Territoire déclaré" in content
    assert "Rhône (69)" in content
    page = client.get(reverse("moderation:organization", args=[scene["venissieux"].slug]))
    assert "Vénissieux (69259)" in page.content.decode()
