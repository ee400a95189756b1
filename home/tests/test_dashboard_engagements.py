"""The volunteer's home page shows the mission she is doing and the one thing to do next."""

from django.urls import reverse
from django.utils import timezone

from completion.tests.factories import CompletionFactory
from completion.tests.factories import engagement as make_engagement
from engagements.models import Application
from engagements.tests.factories import AgreementFactory
from missions.models import Status
from missions.tests.factories import MissionFactory
from volunteers.tests.factories import VolunteerProfileFactory


def home(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("core:home")).text


def test_the_mission_in_progress_is_on_her_dashboard_with_the_delivery_button(client, lea):
    VolunteerProfileFactory(user=lea)
    mission = MissionFactory(title="Logo pour la fête du lavoir", status=Status.IN_PROGRESS)
    application = make_engagement(mission=mission, volunteer=lea)

    text = home(client, lea)

    assert "Mes missions en cours" in text
    assert "Logo pour la fête du lavoir" in text
    assert reverse("missions:detail", args=[mission.pk]) in text
    assert "Remettre mon travail" in text
    assert reverse("completion:deliver", args=[application.pk]) in text


def test_an_agreement_to_confirm_is_the_next_step(client, lea):
    VolunteerProfileFactory(user=lea)
    agreement = AgreementFactory(
        application__volunteer=lea,
        application__mission=MissionFactory(title="Affiche du vide-grenier"),
        application__status=Application.Status.ACCEPTED,
        association_confirmed_at=timezone.now(),
    )

    text = home(client, lea)

    assert "Affiche du vide-grenier" in text
    assert reverse("engagements:agreement", args=[agreement.application.pk]) in text


def test_finished_missions_leave_the_list(client, lea):
    VolunteerProfileFactory(user=lea)
    mission = MissionFactory(title="Logo pour la fête du lavoir", status=Status.COMPLETED)
    CompletionFactory(application=make_engagement(mission=mission, volunteer=lea))

    text = home(client, lea)

    assert "Mes missions en cours" not in text
    assert "Remettre mon travail" not in text
