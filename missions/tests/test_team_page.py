"""The mission page shows the association who does the mission, what was agreed, what was
delivered and the one next thing to do; it shows the accepted volunteer her own next step."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from completion.tests.factories import (
    CompletionFactory,
    DeliverableLinkFactory,
    ImageDeliverableFactory,
)
from completion.tests.factories import engagement as make_engagement
from engagements.models import Application
from engagements.tests.factories import AgreementFactory
from missions.models import Status
from missions.tests.factories import MissionFactory
from portfolio.models import Portfolio


@pytest.fixture
def logo(association, martine):
    return MissionFactory(
        organization=association, title="Logo pour la fête du lavoir", status=Status.OPEN
    )


def accepted(mission, volunteer, *, association=False, volunteer_side=False) -> Application:
    now = timezone.now()
    return AgreementFactory(
        application__mission=mission,
        application__volunteer=volunteer,
        application__answered_at=now,
        scope="Dessiner le logo de la fête, en couleur et en noir et blanc.",
        deliverables="Le logo en couleur\nLe logo en noir et blanc",
        hours=12,
        association_confirmed_at=now if association else None,
        volunteer_confirmed_at=now if volunteer_side else None,
    ).application


def page(client, user, mission):
    client.force_login(user)
    return client.get(reverse("missions:detail", args=[mission.pk])).text


def test_once_accepted_the_association_sees_her_name_and_what_was_agreed(
    client, martine, lea, logo
):
    application = accepted(logo, lea, volunteer_side=True)

    text = page(client, martine, logo)

    assert "Léa Martin" in text
    assert "Dessiner le logo de la fête" in text
    assert "Le logo en noir et blanc" in text
    assert "environ 12 heures" in text
    assert reverse("engagements:agreement", args=[application.pk]) in text
    assert reverse("messaging:for_application", args=[application.pk]) in text
    # The next step: her side is done, the association confirms the agreement.
    assert "Prochaine étape" in text
    assert "Confirmer l’accord avec Léa" in text
    assert "Démarrer la mission" not in text


def test_when_both_confirmed_the_one_next_action_is_to_start(client, martine, lea, logo):
    accepted(logo, lea, association=True, volunteer_side=True)

    text = page(client, martine, logo)

    assert "la mission est prête à démarrer" in text
    assert text.count("Démarrer la mission") == 1  # once, as the next step, not twice
    assert 'name="target" value="in_progress"' in text


def test_my_missions_says_a_mission_is_ready_to_start(client, martine, lea, logo, association):
    waiting = MissionFactory(organization=association, title="Affiche du vide-grenier")
    accepted(logo, lea, association=True, volunteer_side=True)
    accepted(waiting, UserFactory())
    client.force_login(martine)

    text = client.get(reverse("missions:mine")).text

    rows = text.split("<li>")
    logo_row = next(row for row in rows if "Logo pour la fête du lavoir</a>" in row)
    waiting_row = next(row for row in rows if "Affiche du vide-grenier</a>" in row)
    assert "prête à démarrer" in logo_row
    assert "prête à démarrer" not in waiting_row


def test_confirming_the_end_is_offered_beside_the_delivered_work(client, martine, lea, logo):
    logo.status = Status.DELIVERED
    logo.save(update_fields=["status"])
    application = make_engagement(mission=logo, volunteer=lea)
    completion = CompletionFactory(
        application=application, status="delivered", note="Voici les deux versions."
    )
    image = ImageDeliverableFactory(completion=completion, name="logo-couleur.png")
    DeliverableLinkFactory(completion=completion, url="https://exemple.fr/logo-figma")

    text = page(client, martine, logo)

    assert reverse("completion:preview", args=[image.pk]) in text  # the preview, inline
    assert "https://exemple.fr/logo-figma" in text
    assert "Voici les deux versions." in text
    assert text.count("Confirmer la fin de la mission") == 1
    assert 'name="target" value="completed"' in text
    assert text.index("Confirmer la fin de la mission") < text.index("logo-couleur.png")


def test_after_the_end_the_association_finds_her_attestation_and_public_book(
    client, martine, lea, association
):
    from credentials.services import issue_for

    mission = MissionFactory(
        organization=association, title="Logo pour la fête du lavoir", status=Status.COMPLETED
    )
    application = make_engagement(mission=mission, volunteer=lea)
    CompletionFactory(application=application)
    credential = issue_for(application)
    Portfolio.objects.create(user=lea, slug="lea-martin", is_public=True)

    text = page(client, martine, mission)

    assert reverse("credentials:verify", args=[credential.public_id]) in text
    assert reverse("portfolio:detail", args=["lea-martin"]) in text
    assert "Écrire la recommandation de Léa" in text


def test_a_private_book_is_not_linked(client, martine, lea, association):
    mission = MissionFactory(organization=association, status=Status.COMPLETED)
    CompletionFactory(application=make_engagement(mission=mission, volunteer=lea))
    Portfolio.objects.create(user=lea, slug="lea-martin", is_public=False)

    assert reverse("portfolio:detail", args=["lea-martin"]) not in page(client, martine, mission)


def test_the_accepted_volunteer_hands_her_work_over_from_the_mission_page(client, lea, association):
    mission = MissionFactory(organization=association, status=Status.IN_PROGRESS)
    application = make_engagement(mission=mission, volunteer=lea)

    text = page(client, lea, mission)

    assert "Remettre mon travail" in text
    assert reverse("completion:deliver", args=[application.pk]) in text


def test_before_the_start_the_volunteer_reads_why_she_cannot_hand_over_yet(client, lea, logo):
    application = accepted(logo, lea, association=True, volunteer_side=True)

    text = page(client, lea, logo)

    assert "La mission n’a pas encore démarré" in text
    assert reverse("completion:deliver", args=[application.pk]) not in text


def test_other_visitors_see_neither_the_team_nor_the_next_step(client, lea, bruno, logo):
    accepted(logo, lea, association=True, volunteer_side=True)

    text = page(client, bruno, logo)

    assert "Prochaine étape" not in text
    assert "Dessiner le logo de la fête" not in text
