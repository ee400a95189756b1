"""Léa publishes her book: opt-in, an address she chooses, the missions she shows."""

from django.urls import reverse

from completion.models import Completion
from portfolio.models import Portfolio

URL = "/book/settings/"


def test_the_settings_page_needs_a_login(client):
    response = client.get(URL)

    assert response.url.startswith("/account/login/")


def test_without_a_profile_the_page_asks_for_one_first(client, lea):
    client.force_login(lea)

    response = client.post(URL, {"is_public": "on", "slug": "lea-martin"})

    assert "remplissez d’abord votre profil de bénévole" in response.text
    assert not Portfolio.objects.exists()


def test_the_address_defaults_to_the_name_and_publishing_is_a_choice(client, lea, lea_profile):
    client.force_login(lea)

    response = client.get(URL)
    assert 'value="lea-martin"' in response.text
    assert not Portfolio.objects.exists()  # nothing is public until Léa says so

    response = client.post(URL, {"is_public": "on", "slug": "lea-martin", "headline": "Graphiste"})

    assert response.url == reverse("portfolio:detail", args=["lea-martin"])
    book = Portfolio.objects.get()
    assert book.is_public and book.published_at is not None
    assert book.headline == "Graphiste"


def test_a_taken_or_reserved_or_odd_address_is_refused_with_a_reason(
    client, lea, lea_profile, karim_book
):
    client.force_login(lea)

    taken = client.post(URL, {"slug": "karim"})
    reserved = client.post(URL, {"slug": "settings"})
    odd = client.post(URL, {"slug": "Léa Martin!"})

    assert "Cette adresse est déjà prise" in taken.text
    assert "Cette adresse est réservée" in reserved.text
    assert "seulement des lettres minuscules sans accent" in odd.text
    assert not Portfolio.objects.filter(user=lea).exists()


def test_a_mission_can_be_kept_out_of_the_book(client, lea, logo_mission):
    client.force_login(lea)

    client.post(URL, {"is_public": "on", "slug": "lea-martin"})  # no mission ticked

    assert Completion.objects.get().shown_in_portfolio is False
    response = client.get("/book/lea-martin/")
    assert "Un logo pour la fête des jardins" not in response.text

    client.post(URL, {"is_public": "on", "slug": "lea-martin", "shown": [logo_mission.pk]})
    assert Completion.objects.get().shown_in_portfolio is True


def test_unpublishing_hides_the_book_again(client, lea, book):
    client.force_login(lea)

    client.post(URL, {"slug": "lea-martin"})

    client.logout()
    assert client.get("/book/lea-martin/").status_code == 404
