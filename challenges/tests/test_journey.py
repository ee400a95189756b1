"""One innovation night from the organiser's first form to a team with its challenge, through
the pages only, as the people would click."""

import pytest

from audit.models import AuditEvent
from challenges.models import Challenge, Event, Team

from .test_events import _form

pytestmark = pytest.mark.django_db


def test_an_organiser_an_association_and_two_students_prepare_a_night(
    client, school, sophie, association, yacine, ines, lea
):
    client.force_login(sophie)
    client.post(f"/challenges/new/{school.slug}/", _form())
    event = Event.objects.get()
    client.post(f"/challenges/{event.pk}/step/publish/")

    client.force_login(yacine)
    client.post(
        f"/challenges/{event.pk}/propose/",
        {
            "association": association.pk,
            "title": "Faire connaître notre jardin",
            "context": "Nous cherchons des jardiniers.",
            "good_answer": "Une affiche.",
        },
    )
    challenge = Challenge.objects.get()

    client.force_login(sophie)
    client.post(f"/challenges/challenge/{challenge.pk}/accept/")

    client.force_login(ines)
    client.post(f"/challenges/{event.pk}/register/")
    client.post(f"/challenges/{event.pk}/teams/new/", {"name": "Les Colibris"})
    team = Team.objects.get()

    client.force_login(lea)
    join = client.get("/challenges/join/", {"code": team.code.lower()}).url
    client.post(join)

    client.force_login(ines)
    client.post(f"/challenges/teams/{team.pk}/choose/", {"challenge": challenge.pk})
    client.post(f"/challenges/teams/{team.pk}/hand-over/", {"leader": lea.pk})
    client.post(f"/challenges/teams/{team.pk}/leave/")

    team.refresh_from_db()
    assert team.challenge == challenge and team.leader == lea
    assert [m.student for m in team.members.all()] == [lea]
    page = client.get(f"/challenges/{event.pk}/").content.decode()
    assert "Faire connaître notre jardin" in page and "1 équipe" in page
    assert list(AuditEvent.objects.order_by("pk").values_list("verb", flat=True)) == [
        "event.created",
        "event.published",
        "challenge.submitted",
        "challenge.accepted",
        "event.registered",
        "team.created",
        "event.registered",
        "team.joined",
        "team.challenge_chosen",
        "team.leader_changed",
        "team.left",
    ]
