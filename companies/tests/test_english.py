"""The companies' pages are complete in English: a manager, an employee or an association
member who chose English meets no French sentence (names, titles and schedules apart: they
are data)."""

from django.urls import reverse

from companies.tests.scene import build
from core.tests.test_english import french_left, main_text


def test_the_companies_pages_have_no_french_left_in_english(client, association, martine, yacine):
    scene = build(association=association, martine=martine, yacine=yacine)
    users = scene["users"]
    for person in (*users.values(), martine, yacine):
        person.language = "en"
        person.save(update_fields=["language"])
    data = [
        "Communication des jardins, le mardi",
        "Une affiche pour le troc",
        "Mécénat 2026",
        "le mardi, de 9 h à 13 h",
        "Transports Perrin",
        "Les Jardins Partagés de Belleville",
        "Bonjour, je serais ravie de vous aider.",
        *(person.full_name for person in (*users.values(), martine, yacine)),
    ]
    slug = scene["company"]
    sandrine, julie, thomas = users["sandrine"], users["julie"], users["thomas"]
    pages = [
        (sandrine, reverse("companies:space", args=[slug])),
        (sandrine, reverse("companies:employees", args=[slug])),
        (sandrine, reverse("companies:requests", args=[slug])),
        (sandrine, reverse("companies:dashboard", args=[slug])),
        (sandrine, reverse("companies:statements", args=[slug])),
        (sandrine, reverse("companies:programme_create", args=[slug])),
        (sandrine, reverse("companies:programme", args=[scene["programme"]])),
        (sandrine, reverse("companies:mine")),
        (julie, reverse("companies:mine")),
        (julie, reverse("companies:recurring", args=[scene["recurring"]])),
        (julie, reverse("companies:leave", args=[scene["julie_employment"]])),
        (julie, reverse("engagements:detail", args=[scene["julie_application"]])),
        (thomas, reverse("companies:mine")),
        (yacine, reverse("companies:recurring", args=[scene["recurring"]])),
        (yacine, reverse("companies:help_received", args=[association.slug])),
        (yacine, reverse("engagements:applicants", args=[scene["talent_mission"]])),
        (None, reverse("companies:join", args=[scene["invite_token"]])),
        (None, reverse("companies:approve_by_link", args=[scene["approval_token"]])),
        (None, reverse("core:home")),
    ]
    problems = []
    for person, url in pages:
        client.logout()
        if person is None:
            client.cookies["django_language"] = "en"
        else:
            client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="en"' in response.text, url
        problems += [f"{url}: {find}" for find in french_left(main_text(response.text), data)]
    assert not problems, "\n".join(problems)
