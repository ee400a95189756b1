"""Who may see and change what, for each member of the cast."""

import pytest
from django.urls import reverse

from organizations.models import Organization


@pytest.fixture
def cast(martine, yacine, bruno, lea, staff):
    return {"martine": martine, "yacine": yacine, "bruno": bruno, "lea": lea, "staff": staff}


def get_as(client, cast, who, url):
    if who != "anonymous":
        client.force_login(cast[who])
    return client.get(url)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("lea", 403),
        ("bruno", 403),
        ("staff", 403),
        ("yacine", 403),
        ("martine", 200),
    ],
)
def test_only_admins_edit_the_page(client, cast, association, who, status):
    response = get_as(client, cast, who, reverse("organizations:edit", args=[association.slug]))

    assert response.status_code == status
    if who == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("lea", 403),
        ("bruno", 403),
        ("staff", 200),
        ("yacine", 200),
        ("martine", 200),
    ],
)
def test_members_and_staff_see_the_members(client, cast, association, who, status):
    url = reverse("organizations:members", args=[association.slug])

    assert get_as(client, cast, who, url).status_code == status


def test_a_plain_member_sees_the_list_but_not_the_admin_tools(client, yacine, association):
    client.force_login(yacine)

    response = client.get(reverse("organizations:members", args=[association.slug]))

    assert "Martine Lefèvre" in response.text
    assert "Inviter quelqu’un" not in response.text
    assert "Changer le rôle" not in response.text
    assert "martine@example.org" not in response.text  # addresses are for admins
    assert "Quitter l’organisation" in response.text


def test_the_admin_sees_the_tools(client, martine, yacine, association):
    client.force_login(martine)

    response = client.get(reverse("organizations:members", args=[association.slug]))

    assert "Inviter quelqu’un" in response.text
    assert "Rôle de Yacine Haddad" in response.text
    assert "Retirer Yacine Haddad" in response.text


@pytest.mark.parametrize("who", ["yacine", "bruno", "lea", "staff"])
def test_only_admins_invite(client, cast, association, who):
    client.force_login(cast[who])

    response = client.post(
        reverse("organizations:members", args=[association.slug]),
        {"email": "nouveau@example.org", "role": "admin"},
    )

    assert response.status_code == 403
    assert not association.invitations.exists()


@pytest.mark.parametrize("who", ["yacine", "bruno"])
def test_only_admins_change_roles(client, cast, association, who):
    client.force_login(cast[who])
    martine_membership = association.memberships.get(role="admin")

    response = client.post(
        reverse("organizations:member_role", args=[association.slug, martine_membership.pk]),
        {"role": "member"},
    )

    assert response.status_code == 403
    martine_membership.refresh_from_db()
    assert martine_membership.role == "admin"


def test_a_member_cannot_remove_someone_else(client, martine, yacine, association):
    client.force_login(yacine)
    target = association.memberships.get(user=martine)

    response = client.post(
        reverse("organizations:member_remove", args=[association.slug, target.pk])
    )

    assert response.status_code == 403
    assert association.memberships.filter(user=martine).exists()


def test_an_admin_cannot_act_on_another_organisation_s_members(client, bruno, yacine, association):
    client.force_login(bruno)
    bruno_org = bruno.memberships.get().organization
    target = association.memberships.get(user=yacine)

    response = client.post(reverse("organizations:member_remove", args=[bruno_org.slug, target.pk]))

    assert response.status_code == 404
    assert association.memberships.filter(user=yacine).exists()


def test_an_unknown_organisation_is_a_404(client, martine):
    client.force_login(martine)

    assert client.get(reverse("organizations:detail", args=["nulle-part"])).status_code == 404
    assert client.get(reverse("organizations:edit", args=["nulle-part"])).status_code == 404


def test_a_refused_organisation_is_hidden_from_the_public_but_not_from_its_members(
    client, martine, lea, staff, association
):
    Organization.objects.filter(pk=association.pk).update(verification="rejected")
    url = reverse("organizations:detail", args=[association.slug])

    assert client.get(url).status_code == 404
    client.force_login(lea)
    assert client.get(url).status_code == 404
    client.force_login(staff)
    assert client.get(url).status_code == 200
    client.force_login(martine)
    assert client.get(url).status_code == 200


def test_everyone_sees_a_verified_association_s_page(client, association):
    response = client.get(reverse("organizations:detail", args=[association.slug]))

    assert response.status_code == 200
    assert "Vérifiée par A-lasso" in response.text
    assert "Modifier la page" not in response.text


def test_members_find_their_links_on_the_page(client, martine, yacine, association):
    url = reverse("organizations:detail", args=[association.slug])
    client.force_login(yacine)
    as_member = client.get(url).text
    client.force_login(martine)
    as_admin = client.get(url).text

    assert "Voir les membres" in as_member
    assert "Modifier la page" not in as_member
    assert "Modifier la page" in as_admin
    assert "Gérer les membres" in as_admin
