import pytest

from accounts.services import user_personal_data
from challenges import services
from challenges.models import Registration, Team

pytestmark = pytest.mark.django_db


def test_the_export_lists_the_events_and_teams(event, ines):
    services.register(event=event, student=ines)
    services.team_create(event=event, by=ines, name="Les Colibris")
    data = user_personal_data(user=ines)
    assert data["challenges"]["challenge_registrations"] == [
        {
            "event": event.title,
            "team": "Les Colibris",
            "registered_at": Registration.objects.get().registered_at.isoformat(),
        }
    ]


def test_erasing_a_leader_hands_her_team_to_the_next_member(event, ines, lea):
    from django.apps import apps

    services.register(event=event, student=ines)
    team = services.team_create(event=event, by=ines, name="Les Colibris")
    services.team_join(team=team, by=lea)
    apps.get_app_config("challenges").erase_personal_data(ines)
    team.refresh_from_db()
    assert team.leader == lea
    assert not Registration.objects.filter(student=ines).exists()
    apps.get_app_config("challenges").erase_personal_data(lea)
    assert not Team.objects.exists()
