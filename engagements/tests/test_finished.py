"""« Mes candidatures » puts the missions that ended under « Terminées », not « Acceptées »."""

from django.urls import reverse

from completion.tests.factories import CompletionFactory
from completion.tests.factories import engagement as make_engagement
from missions.models import Status as MissionStatus
from missions.tests.factories import MissionFactory


def section(text: str, heading: str) -> str:
    """The group of the page whose heading is `heading`."""
    groups = text.split('<section class="eng-group"')[1:]
    return next(group for group in groups if heading in group.split("</h2>")[0])


def test_a_finished_mission_is_under_finished_with_its_attestation(client, lea):
    done = CompletionFactory(
        application=make_engagement(
            volunteer=lea,
            mission=MissionFactory(title="Logo pour la fête du lavoir", status="completed"),
        )
    ).application
    make_engagement(
        volunteer=lea,
        mission=MissionFactory(title="Affiche du vide-grenier", status=MissionStatus.IN_PROGRESS),
    )
    client.force_login(lea)

    text = client.get(reverse("engagements:mine")).text

    finished = section(text, "Terminées")
    assert "Logo pour la fête du lavoir" in finished
    assert reverse("completion:detail", args=[done.pk]) in finished
    accepted = section(text, "Acceptées")
    assert "Affiche du vide-grenier" in accepted
    assert "Logo pour la fête du lavoir" not in accepted


def test_an_engagement_confirmed_ended_is_finished_even_while_the_team_goes_on(client, lea):
    mission = MissionFactory(title="Site de la chorale", status=MissionStatus.IN_PROGRESS)
    CompletionFactory(application=make_engagement(volunteer=lea, mission=mission))
    client.force_login(lea)

    text = client.get(reverse("engagements:mine")).text

    assert "Acceptées" not in text
    assert "Site de la chorale" in section(text, "Terminées")
