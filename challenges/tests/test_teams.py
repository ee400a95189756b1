"""Students register, form teams by code, pick a challenge, lead, leave and hand over."""

import pytest

from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from challenges import services
from challenges.models import Event, Registration, Team

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db


def _team(event, leader, name="Les Colibris", *members):
    services.register(event=event, student=leader)
    team = services.team_create(event=event, by=leader, name=name)
    for member in members:
        services.team_join(team=team, by=member)
    return team


def test_a_student_registers_then_creates_a_team_she_leads(client, event, ines):
    client.force_login(ines)
    response = client.post(f"/challenges/{event.pk}/register/")
    assert response.url == f"/challenges/{event.pk}/"
    assert Registration.objects.filter(event=event, student=ines).exists()
    response = client.post(f"/challenges/{event.pk}/teams/new/", {"name": "Les Colibris"})
    team = Team.objects.get()
    assert response.url == f"/challenges/teams/{team.pk}/"
    assert team.leader == ines and team.members.get().student == ines
    page = client.get(f"/challenges/teams/{team.pk}/").content.decode()
    assert team.code in page and f"/challenges/join/{team.code}/" in page


def test_a_student_joins_a_team_by_its_link_and_is_registered_on_the_way(client, event, ines, lea):
    team = _team(event, ines)
    client.force_login(lea)
    assert "Rejoindre l’équipe" in client.get(f"/challenges/join/{team.code}/").content.decode()
    response = client.post(f"/challenges/join/{team.code}/")
    assert response.url == f"/challenges/teams/{team.pk}/"
    assert Registration.objects.get(event=event, student=lea).team == team
    assert AuditEvent.objects.filter(verb="team.joined", data__user=lea.pk).exists()


def test_an_anonymous_visitor_is_asked_to_log_in_before_joining(client, event, ines):
    team = _team(event, ines)
    assert "Créer mon compte" in client.get(f"/challenges/join/{team.code}/").content.decode()
    assert client.post(f"/challenges/join/{team.code}/").url.startswith("/account/login/")


def test_one_team_per_student_per_event(client, event, ines, lea):
    first = _team(event, ines)
    _team(event, lea, "Les Hérons")
    client.force_login(lea)
    response = client.post(f"/challenges/join/{first.code}/", follow=True)
    assert "Vous êtes déjà dans une équipe pour cet événement" in response.content.decode()
    assert first.members.count() == 1
    response = client.post(f"/challenges/{event.pk}/teams/new/", {"name": "Encore une"})
    assert "Vous êtes déjà dans une équipe pour cet événement" in response.content.decode()


def test_the_event_refuses_a_student_once_its_places_are_taken(client, event, ines, lea):
    Event.objects.filter(pk=event.pk).update(capacity=1)
    services.register(event=event, student=ines)
    client.force_login(lea)
    response = client.post(f"/challenges/{event.pk}/register/", follow=True)
    assert "L’événement est complet : toutes les places sont prises." in response.content.decode()
    assert not Registration.objects.filter(student=lea).exists()


def test_a_team_refuses_a_member_beyond_the_events_maximum(client, event, ines):
    Event.objects.filter(pk=event.pk).update(team_max=2)
    event.refresh_from_db()
    team = _team(event, ines, "Les Colibris", UserFactory())
    third = UserFactory()
    client.force_login(third)
    response = client.post(f"/challenges/join/{team.code}/", follow=True)
    assert "Cette équipe est complète." in response.content.decode()
    assert team.members.count() == 2


def test_a_team_name_is_unique_in_an_event(event, ines, lea):
    _team(event, ines)
    services.register(event=event, student=lea)
    with pytest.raises(services.TeamNameTaken):
        services.team_create(event=event, by=lea, name="les colibris")


def test_the_leader_picks_an_accepted_challenge_with_room(client, event, ines):
    Event.objects.filter(pk=event.pk).update(teams_per_challenge=1)
    event.refresh_from_db()
    challenge = ChallengeFactory(event=event)
    declined = ChallengeFactory(event=event, status="declined")
    other = _team(event, UserFactory(), "Les Hérons", UserFactory())
    services.team_choose(team=other, by=other.leader, challenge=challenge)
    team = _team(event, ines, "Les Colibris", UserFactory())
    client.force_login(ines)
    response = client.post(
        f"/challenges/teams/{team.pk}/choose/", {"challenge": challenge.pk}, follow=True
    )
    assert "Ce défi a déjà toutes ses équipes" in response.content.decode()
    response = client.post(
        f"/challenges/teams/{team.pk}/choose/", {"challenge": declined.pk}, follow=True
    )
    assert "Ce défi n’est pas proposé aux équipes de cet événement." in response.content.decode()
    second = ChallengeFactory(event=event)
    client.post(f"/challenges/teams/{team.pk}/choose/", {"challenge": second.pk})
    team.refresh_from_db()
    assert team.challenge == second


def test_only_the_leader_picks_the_challenge(event, ines, lea):
    team = _team(event, ines, "Les Colibris", lea)
    with pytest.raises(services.NotTheLeader):
        services.team_choose(team=team, by=lea, challenge=ChallengeFactory(event=event))


def test_the_leader_hands_over_and_a_member_leaves(client, event, ines, lea):
    team = _team(event, ines, "Les Colibris", lea)
    client.force_login(ines)
    client.post(f"/challenges/teams/{team.pk}/hand-over/", {"leader": lea.pk})
    team.refresh_from_db()
    assert team.leader == lea
    response = client.post(f"/challenges/teams/{team.pk}/leave/")
    assert response.url == f"/challenges/{event.pk}/"
    assert list(team.members.values_list("student", flat=True)) == [lea.pk]
    # Still registered: she may join another team.
    assert Registration.objects.get(student=ines).team is None


def test_when_the_leader_leaves_the_next_member_leads_and_an_empty_team_goes(event, ines, lea):
    team = _team(event, ines, "Les Colibris", lea)
    services.team_leave(team=team, by=ines)
    team.refresh_from_db()
    assert team.leader == lea
    services.team_leave(team=team, by=lea)
    assert not Team.objects.exists()


def test_teams_are_frozen_once_the_event_has_started(event, ines, lea):
    team = _team(event, ines)
    Event.objects.filter(pk=event.pk).update(status="running")
    team.refresh_from_db()
    with pytest.raises(services.TeamsFrozen):
        services.team_join(team=team, by=lea)
    with pytest.raises(services.TeamsFrozen):
        services.team_leave(team=team, by=ines)


@pytest.mark.parametrize("count", [3, 15])
def test_the_organisers_list_of_teams_costs_the_same_queries_for_3_or_15(
    client, event, sophie, django_assert_max_num_queries, count
):
    for n in range(count):
        _team(event, UserFactory(), f"Équipe {n}")
    client.force_login(sophie)
    with django_assert_max_num_queries(9):
        page = client.get(f"/challenges/{event.pk}/teams/").content.decode()
    assert page.count("sch-item-title") == count


def test_a_team_below_the_minimum_size_does_not_choose_a_challenge(client, event, ines, lea):
    team = _team(event, ines)
    challenge = ChallengeFactory(event=event)
    client.force_login(ines)
    response = client.post(
        f"/challenges/teams/{team.pk}/choose/", {"challenge": challenge.pk}, follow=True
    )
    assert (
        "Votre équipe doit compter au moins 2 personnes pour choisir un défi."
        in response.content.decode()
    )
    services.team_join(team=team, by=lea)
    client.post(f"/challenges/teams/{team.pk}/choose/", {"challenge": challenge.pk})
    team.refresh_from_db()
    assert team.challenge == challenge


def test_a_student_types_a_teams_code_and_lands_on_its_page(client, event, ines, lea):
    team = _team(event, ines)
    client.force_login(lea)
    typed = f" {team.code.lower()[:3]} {team.code.lower()[3:]} "
    response = client.get("/challenges/join/", {"code": typed})
    assert response.url == f"/challenges/join/{team.code}/"
    response = client.get("/challenges/join/", {"code": "ZZZZZZ"})
    assert "Aucune équipe n’a ce code." in response.content.decode()


def test_guessing_team_codes_is_stopped(client, event, ines, settings):
    from challenges import views

    for _ in range(views.CODE_ATTEMPTS):
        assert client.get("/challenges/join/ZZZZZZ/").status_code == 404
    team = _team(event, ines)
    assert client.get(f"/challenges/join/{team.code}/").status_code == 429
