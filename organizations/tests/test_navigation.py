from django.urls import reverse

from core.navigation import items_for
from organizations.selectors import has_membership
from organizations.tests.factories import AssociationFactory, MembershipFactory


def test_members_find_their_association_in_the_header(client, martine, association):
    client.force_login(martine)

    response = client.get("/")

    assert f'href="{reverse("organizations:mine")}"' in response.text
    assert "Mon association" in response.text


def test_people_without_an_organisation_do_not(client, lea):
    client.force_login(lea)

    assert "Mon association" not in client.get("/").text


def test_the_header_asks_the_database_once_per_request(
    martine, association, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert has_membership(martine)
        assert has_membership(martine)  # the answer is kept on the user for the request


def test_the_header_item_is_registered(martine, lea, association):
    assert "organizations:mine" in [item.url_name for item in items_for(martine)]
    assert "organizations:mine" not in [item.url_name for item in items_for(lea)]


def test_one_organisation_leads_straight_to_its_page(client, martine, association):
    client.force_login(martine)

    response = client.get(reverse("organizations:mine"))

    assert response["Location"] == association.get_absolute_url()


def test_several_organisations_are_listed(client, martine, association):
    MembershipFactory(organization=AssociationFactory(name="Chorale du Marais"), user=martine)
    client.force_login(martine)

    response = client.get(reverse("organizations:mine"))

    assert "Chorale du Marais" in response.text
    assert "Les Jardins Partagés de Belleville" in response.text


def test_without_an_organisation_the_page_offers_to_register_one(client, lea):
    client.force_login(lea)

    response = client.get(reverse("organizations:mine"))

    assert "Inscrire une association" in response.text
