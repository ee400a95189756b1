"""The public book: who sees it, what it shows, its link previews and schema.org data."""

import json
import re

from django.urls import reverse

from completion.models import Review
from completion.tests.factories import ReviewFactory
from organizations.tests.factories import AssociationFactory
from portfolio.models import Portfolio

from .conftest import completed_mission

URL = "/book/lea-martin/"


def json_ld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert found, "no JSON-LD in the page"
    return json.loads(found.group(1))


def test_a_book_that_is_not_public_is_not_found_except_by_its_owner(
    client, lea, karim_book, logo_mission
):
    Portfolio.objects.create(user=lea, slug="lea-martin", is_public=False)

    assert client.get(URL).status_code == 404
    client.force_login(karim_book.user)
    assert client.get(URL).status_code == 404

    client.force_login(lea)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Votre book n’est pas public" in response.text
    assert '<meta name="robots" content="noindex">' in response.text


def test_a_book_whose_owner_left_is_not_found(client, book, lea):
    lea.is_active = False
    lea.save()

    assert client.get(URL).status_code == 404


def test_the_book_shows_the_mission_its_images_links_and_reference(client, book, logo_mission):
    response = client.get(URL)

    text = response.text
    assert "Léa Martin" in text
    assert "Étudiante en design graphique" in text
    assert "Un logo pour la fête des jardins" in text
    assert "Un logo joyeux." in text
    assert "https://jardins.example.org" in text
    image = logo_mission.deliverables.exclude(preview="").get()
    assert reverse("portfolio:image", args=["lea-martin", image.pk]) in text
    assert "<strong>14</strong> heures confirmées par les associations" in text
    # Logo: declared and endorsed; Canva: endorsed only; illustration: declared only.
    assert "recommandée par une association" in text
    assert text.index("Canva") < text.index("Illustration")


def test_a_reference_not_yet_published_stays_out_of_the_book(client, book, logo_mission):
    Review.objects.update(published_at=None)

    response = client.get(URL)

    assert "Un logo joyeux." not in response.text
    assert "recommandée par" not in response.text


def test_link_previews_and_json_ld(client, book, logo_mission):
    response = client.get(URL)

    text = response.text
    assert '<meta property="og:title" content="Le book de Léa Martin">' in text
    assert '<meta property="og:url" content="http://testserver/book/lea-martin/">' in text
    assert '<meta property="og:image" content="http://testserver/book/lea-martin/images/' in text
    assert '<meta name="twitter:card" content="summary_large_image">' in text
    data = json_ld(text)
    assert data["@type"] == "ProfilePage"
    person = data["mainEntity"]
    assert person["name"] == "Léa Martin"
    assert person["url"] == "http://testserver/book/lea-martin/"
    assert set(person["knowsAbout"]) == {"Logo et identité visuelle", "Canva", "Illustration"}
    assert person["alumniOf"]["name"] == "École de design de Nantes"
    assert person["hasCredential"][0]["name"] == "Un logo pour la fête des jardins"


def test_json_ld_cannot_be_broken_out_of(client, book, lea_profile):
    lea_profile.bio = "</script><script>alert(1)</script>"
    lea_profile.save()

    response = client.get(URL)

    assert "<script>alert(1)" not in response.text
    assert json_ld(response.text)["mainEntity"]["description"].startswith("</script>")


def test_the_image_is_served_only_from_a_public_book_and_a_shown_mission(
    client, book, logo_mission
):
    image = logo_mission.deliverables.exclude(preview="").get()
    url = reverse("portfolio:image", args=["lea-martin", image.pk])

    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"

    logo_mission.shown_in_portfolio = False
    logo_mission.save()
    assert client.get(url).status_code == 404

    logo_mission.shown_in_portfolio = True
    logo_mission.save()
    book.is_public = False
    book.save()
    assert client.get(url).status_code == 404


def test_another_volunteers_image_is_not_served_through_this_book(
    client, book, karim_book, association
):
    other = completed_mission(karim_book.user, association, "Affiche")
    image = other.deliverables.exclude(preview="").get()

    assert client.get(reverse("portfolio:image", args=["lea-martin", image.pk])).status_code == 404


def test_the_book_costs_the_same_number_of_queries_with_many_missions(
    client, book, lea, logo_mission, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30) as few:
        client.get(URL)
    for n in range(6):
        completion = completed_mission(lea, AssociationFactory(), f"Mission n°{n}")
        ReviewFactory(application=completion.application, direction="volunteer")

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)

    assert response.text.count('class="card book-mission"') == 7


def test_the_book_shows_the_estimated_value_of_the_missions_it_shows(
    client, book, logo_mission, lea, association
):
    # Logo mission: no template, its skill "logo" is graphic design: 14 h × 46 € = 644 €.
    hidden = completed_mission(lea, association, "Un site caché")
    hidden.shown_in_portfolio = False
    hidden.save()
    page = client.get("/book/lea-martin/").content.decode()
    assert "<strong>644 €</strong> : la valeur estimée de ce travail" in page
    assert 'href="/impact/"' in page
