"""The challenges' pages are complete in English: an organiser, an association or a student
who chose English meets no French sentence (names and what people wrote apart: data)."""

import pytest

from challenges import services
from challenges.models import Event
from core.tests.test_english import french_left, main_text

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db


def test_the_challenges_pages_have_no_french_left_in_english(
    client, event, sophie, ines, yacine, association
):
    Event.objects.filter(pk=event.pk).update(
        title="Innovation night",
        place="Design school, Nantes",
        rules="Teams of 2 to 5.",
        rights="Students keep their rights.",
        code_of_conduct="Be kind.",
    )
    event.refresh_from_db()
    association.name = "Shared gardens"
    association.save()
    ChallengeFactory(
        event=event,
        association=association,
        title="Posters",
        context="We need",
        good_answer="Posters",
    )
    ChallengeFactory(
        event=event,
        association=association,
        title="Website",
        context="We need",
        good_answer="A site",
        status="submitted",
    )
    services.register(event=event, student=ines)
    team = services.team_create(event=event, by=ines, name="Hummingbirds")
    for person in (sophie, ines, yacine):
        person.language = "en"
        person.save(update_fields=["language"])
    data = [
        event.organiser.name,
        association.name,
        "Inès Moreau",
        "Sophie Bernard",
        "Hummingbirds",
        "Yacine Haddad",
        team.code,
    ]
    pages = [
        (sophie, "/challenges/"),
        (sophie, f"/challenges/{event.pk}/"),
        (sophie, f"/challenges/{event.pk}/edit/"),
        (sophie, f"/challenges/new/{event.organiser.slug}/"),
        (sophie, f"/challenges/{event.pk}/challenges/"),
        (sophie, f"/challenges/{event.pk}/teams/"),
        (yacine, f"/challenges/{event.pk}/"),
        (yacine, f"/challenges/{event.pk}/propose/"),
        (ines, f"/challenges/{event.pk}/"),
        (ines, f"/challenges/teams/{team.pk}/"),
        (ines, f"/challenges/{event.pk}/teams/new/"),
        (yacine, f"/challenges/join/{team.code}/"),
        (yacine, "/challenges/join/?code=12"),
        (None, f"/challenges/join/{team.code}/"),
        (None, f"/challenges/{event.pk}/"),
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
